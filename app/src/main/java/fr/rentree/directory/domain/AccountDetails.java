package fr.rentree.directory.domain;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One account as a director edits it (seed 004, "Edition de").
 *
 * @param classes the classes this school year: a pupil's division and groups, a teacher's or staff member's classes
 * @param headOf  the classes a teacher is head teacher (professeur principal) of, among {@code classes}
 * @param entId   "ID ENT", a free identifier the school keeps for the account in another system
 * @param version the version read, which an edit must still find (two directors, two tabs)
 */
public record AccountDetails(long id, String schoolUai, Profile profile, Origin origin, String login,
                             @Nullable Civility civility, String lastName, String firstName,
                             @Nullable LocalDate birthDate, @Nullable String email, @Nullable String discipline,
                             @Nullable String entId, boolean localAdmin, Set<String> classes, Set<String> headOf,
                             AccountState state, int version) {

    /** The longest name, subject or "ID ENT" an account holds, as its columns do. */
    public static final int MAX_TEXT = 100;

    public AccountDetails {
        classes = Set.copyOf(classes);
        headOf = Set.copyOf(headOf);
    }

    /** Whether the next SIECLE / STS-web import rewrites its address and classes from the exports. */
    public boolean imported() {
        return origin != Origin.MANUAL;
    }

    /** Pupils, teachers and staff are placed in classes; parents through their children only. */
    public boolean hasClasses() {
        return profile == Profile.STUDENT || profile == Profile.TEACHER || profile == Profile.STAFF;
    }

    /** Only a teacher is head teacher of a class. */
    public boolean mayHeadClasses() {
        return profile == Profile.TEACHER;
    }

    /** Only an account created by hand is deleted by hand; the import handles those who leave. */
    public boolean deletable() {
        return !imported() && state == AccountState.ACTIVE;
    }
}
