package fr.rentree.directory.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One account of a publipostage, with what its sheet or e-mail tells.
 *
 * @param classes        the account's classes, comma separated; null when none
 * @param children       a parent's children in the school; empty otherwise
 * @param activationCode the code to activate the account; null once activated
 */
public record Recipient(long accountId, Pile pile, Profile profile, String firstName, String lastName,
                        String login, @Nullable String email, @Nullable String classes, List<Child> children,
                        @Nullable ActivationCode activationCode) {

    public Recipient {
        children = List.copyOf(children);
    }

    public boolean activated() {
        return activationCode == null;
    }

    /** A parent's child, as the parent's sheet names it. */
    public record Child(String firstName, String lastName, @Nullable String className) {
    }
}
