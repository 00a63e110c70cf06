package fr.rentree.audit.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One line of the journal.
 *
 * @param actor   the back-office user; null for Rentrée's own work (a scheduled import, a campaign's job)
 * @param address the client's address, when the action came from a screen
 * @param subject what it was done to: the details of {@link #details()}, joined
 */
public record AuditEvent(long id, Instant at, @Nullable String actor, @Nullable String address,
                         @Nullable String schoolUai, AuditAction action, @Nullable String subject) {

    /** Between two details in the stored subject: a character no login, count or file name holds. */
    private static final String SEPARATOR = "\u001f";
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    /**
     * What it was done to (a login, counts, file names), in the order the action's sentence names them; counts as
     * numbers, for the sentence to agree with them.
     */
    public Object[] details() {
        if (subject == null || subject.isEmpty()) {
            return new Object[0];
        }
        return Arrays.stream(subject.split(SEPARATOR, -1))
                .map(detail -> COUNT.matcher(detail).matches() ? (Object) Long.valueOf(detail) : detail)
                .toArray();
    }

    /** The details as stored: each as text (nothing for null), one separator between two. */
    public static String join(@Nullable Object... details) {
        return details == null ? "" : Arrays.stream(details).map(detail -> detail == null ? "" : detail.toString())
                .collect(Collectors.joining(SEPARATOR));
    }
}
