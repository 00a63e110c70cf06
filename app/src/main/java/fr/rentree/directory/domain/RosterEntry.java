package fr.rentree.directory.domain;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One holder as an export describes them: what their imported account must say after the import.
 *
 * @param sourceId  their identifier in the export, prefixed by its kind ({@code E:}, {@code P:}, {@code I:})
 * @param classes   codes of their classes and groups this school year (a teacher's: the classes they teach)
 * @param headOf    codes of the classes whose head teacher (professeur principal) they are
 * @param children  for a parent, their children
 */
public record RosterEntry(String sourceId, Origin origin, Profile profile, String lastName, String firstName,
                          @Nullable LocalDate birthDate, @Nullable String nationalId, @Nullable String email,
                          Set<String> classes, Set<String> headOf, Set<ChildLink> children) {

    public RosterEntry {
        HolderTexts.printable("last name", lastName);
        HolderTexts.printable("first name", firstName);
        HolderTexts.printable("national identifier", nationalId);
        HolderTexts.printable("e-mail", email);
        classes = Set.copyOf(classes);
        headOf = Set.copyOf(headOf);
        children = Set.copyOf(children);
    }

    /** Who the holder is, for matching a person who came back under a new identifier. */
    String nameKey() {
        return Login.base(firstName, lastName);
    }
}
