package fr.rentree.directory.domain;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The filters of step 1 of a publipostage (seeds 001 and 002): one model for the sheets screen and the campaigns.
 *
 * @param profiles        the profiles kept; empty for all
 * @param classes         the class codes kept (a parent is kept through a child's class); empty for all
 * @param createdSince    only accounts created on or after this day; null for no limit
 * @param createdBefore   only accounts created before this day; null for no limit
 * @param withPreDeletion also the accounts in pré-suppression, who have left
 */
public record RecipientSelection(String schoolUai, Set<Profile> profiles, Set<String> classes,
                                 ActivationFilter activation, EmailFilter email, LocalAdminFilter localAdmins,
                                 @Nullable LocalDate createdSince, @Nullable LocalDate createdBefore,
                                 boolean withPreDeletion) {

    public RecipientSelection {
        profiles = Set.copyOf(profiles);
        classes = Set.copyOf(classes);
    }

    /** The defaults of the screens: pupils and parents not activated, any class, pré-suppression left out. */
    public static RecipientSelection defaults(String schoolUai) {
        return new RecipientSelection(schoolUai, Set.of(Profile.STUDENT, Profile.PARENT), Set.of(),
                ActivationFilter.NOT_ACTIVATED, EmailFilter.ALL, LocalAdminFilter.ALL, null, null, false);
    }
}
