package fr.rentree.audit.domain;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which lines of a school's journal to show, or of the whole journal (administrators).
 *
 * @param schoolUai the school; null for every line, those of no school included (an administrator's actions)
 * @param actions the actions to show; empty for all
 * @param text    part of the actor's username or of the subject; blank for all
 * @param from    the first day shown, inclusive; null for no limit
 * @param to      the last day shown, inclusive; null for no limit
 */
public record AuditQuery(@Nullable String schoolUai, Set<AuditAction> actions, String text, @Nullable LocalDate from,
                         @Nullable LocalDate to) {

    public AuditQuery {
        actions = Set.copyOf(actions);
    }

    /** The whole journal of the school. */
    public static AuditQuery all(@Nullable String schoolUai) {
        return new AuditQuery(schoolUai, Set.of(), "", null, null);
    }
}
