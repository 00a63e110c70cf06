package fr.rentree.directory.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An account a director creates by hand (seed 004, "Nouvel enseignant", "Nouvel utilisateur"): a teacher missing
 * from STS-web (a substitute), a staff member or a guest.
 *
 * @param classes    a teacher's classes this school year; empty for the others
 * @param discipline the subject a teacher teaches; null for the others
 */
public record NewAccount(Profile profile, Civility civility, String lastName, String firstName, LocalDate birthDate,
                         @Nullable String email, Set<String> classes, @Nullable String discipline) {

    /** The profiles a director creates by hand; pupils and parents come from SIECLE only. */
    public static final Set<Profile> PROFILES = Set.of(Profile.TEACHER, Profile.STAFF, Profile.GUEST);

    public NewAccount {
        lastName = lastName.strip().toUpperCase(Locale.FRENCH); // as the exports write it: DURAND Béatrice
        firstName = firstName.strip();
        email = AccountEdit.blankToNull(email);
        discipline = AccountEdit.blankToNull(discipline);
        classes = Set.copyOf(classes);
    }
}
