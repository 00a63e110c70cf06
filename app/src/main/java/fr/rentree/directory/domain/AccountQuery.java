package fr.rentree.directory.domain;

import java.util.Set;

/**
 * Which accounts of a school to list.
 *
 * @param text             part of a name or login; blank for all
 * @param profiles         the profiles to show; empty for all
 * @param withPreDeletion  also the accounts in pré-suppression
 */
public record AccountQuery(String schoolUai, String text, Set<Profile> profiles, boolean withPreDeletion) {

    public AccountQuery {
        profiles = Set.copyOf(profiles);
    }
}
