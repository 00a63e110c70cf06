package fr.rentree.directory.domain;

import java.util.Set;

/**
 * Which accounts of a school to list ("Mon établissement", seed 004).
 *
 * @param text             part of a name or login, or "prénom nom" / "nom prénom"; blank for all
 * @param profiles         the profiles to show; empty for all
 * @param classes          the classes to show (a parent through a child's class); empty for all
 * @param state            the accounts in use, or those of another state
 */
public record AccountQuery(String schoolUai, String text, Set<Profile> profiles, Set<String> classes,
                           ActivationFilter activation, OriginFilter origin, StateFilter state) {

    public AccountQuery {
        profiles = Set.copyOf(profiles);
        classes = Set.copyOf(classes);
    }

    /** Every active account of the school whose name or login holds {@code text}. */
    public static AccountQuery matching(String schoolUai, String text) {
        return new AccountQuery(schoolUai, text, Set.of(), Set.of(), ActivationFilter.ALL, OriginFilter.ALL,
                StateFilter.IN_USE);
    }

    /** Every account of the school in this state. */
    public static AccountQuery all(String schoolUai, StateFilter state) {
        return new AccountQuery(schoolUai, "", Set.of(), Set.of(), ActivationFilter.ALL, OriginFilter.ALL, state);
    }
}
