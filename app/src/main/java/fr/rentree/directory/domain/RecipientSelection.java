package fr.rentree.directory.domain;

import java.util.Set;

/**
 * The filters of step 1 of a publipostage (seeds 001 and 002).
 *
 * @param profiles        the profiles kept; empty for all
 * @param classes         the class codes kept (a parent is kept through a child's class); empty for all
 * @param withPreDeletion also the accounts in pré-suppression, who have left
 */
public record RecipientSelection(String schoolUai, Set<Profile> profiles, Set<String> classes,
                                 ActivationFilter activation, boolean withPreDeletion) {

    public RecipientSelection {
        profiles = Set.copyOf(profiles);
        classes = Set.copyOf(classes);
    }
}
