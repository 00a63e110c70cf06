package fr.rentree.directory.domain;

import java.util.Set;

/**
 * Which accounts of a school to list ("Mon établissement", seed 004).
 *
 * @param text             part of a name or login, or "prénom nom" / "nom prénom"; blank for all
 * @param profiles         the profiles to show; empty for all
 * @param classes          the classes to show (a parent through a child's class); empty for all
 * @param withPreDeletion  also the accounts in pré-suppression
 */
public record AccountQuery(String schoolUai, String text, Set<Profile> profiles, Set<String> classes,
                           ActivationFilter activation, OriginFilter origin, boolean withPreDeletion) {

    public AccountQuery {
        profiles = Set.copyOf(profiles);
        classes = Set.copyOf(classes);
    }

    /** Every active account of the school whose name or login holds {@code text}. */
    public static AccountQuery matching(String schoolUai, String text) {
        return new AccountQuery(schoolUai, text, Set.of(), Set.of(), ActivationFilter.ALL, OriginFilter.ALL, false);
    }

    /** Every account of the school, those in pré-suppression too when asked. */
    public static AccountQuery all(String schoolUai, boolean withPreDeletion) {
        return new AccountQuery(schoolUai, "", Set.of(), Set.of(), ActivationFilter.ALL, OriginFilter.ALL,
                withPreDeletion);
    }
}
