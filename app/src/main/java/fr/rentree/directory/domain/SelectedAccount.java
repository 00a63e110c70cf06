package fr.rentree.directory.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a selection as the director verifies it (seeds 001 and 002).
 *
 * @param activationCode the code in clear; null once the account is activated
 * @param classes        comma separated, in school order; null when none
 */
public record SelectedAccount(long id, String lastName, String firstName, Profile profile, String login,
                              @Nullable ActivationCode activationCode, @Nullable String email,
                              @Nullable String classes, Instant createdAt) {

    public boolean activated() {
        return activationCode == null;
    }
}
