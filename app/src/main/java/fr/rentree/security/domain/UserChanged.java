package fr.rentree.security.domain;

/** An administrator created, changed, disabled or enabled a back-office user, or reset their second factor (for the journal). */
public record UserChanged(String username, Change change, Role role) {

    public enum Change {
        CREATED, EDITED, DISABLED, ENABLED, SECOND_FACTOR_RESET
    }
}
