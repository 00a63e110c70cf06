package fr.rentree.directory.domain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account as its holder meets it on the public pages: whose it is, and its activation code while it is not
 * activated.
 *
 * @param email        the address the school has; null when none
 * @param code         the code in clear; null once activated
 * @param codeIssuedAt when the code was issued (it expires); null once activated
 * @param children     a parent's children still at the school, whom the account is for
 */
public record Holder(long id, String login, String schoolUai, Profile profile, String firstName, String lastName,
                     @Nullable String email, @Nullable ActivationCode code, @Nullable Instant codeIssuedAt,
                     List<Child> children) {

    public record Child(long id, String firstName, String lastName) {
    }

    public boolean activated() {
        return code == null;
    }
}
