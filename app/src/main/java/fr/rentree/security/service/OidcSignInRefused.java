package fr.rentree.security.service;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A user the académie's provider vouched for, whom Rentrée turns away all the same: the login page says why, in the
 * user's words (the provider already knows who they are, so nothing is given away).
 */
public class OidcSignInRefused extends OAuth2AuthenticationException {

    /** Why; each has its text on the login page ({@code login.oidc.refused.<reason>}). */
    public enum Reason {
        /** The claims hold no username. */
        NO_USERNAME,
        /** The claims hold no role Rentrée knows, or several. */
        NO_ROLE,
        /** A director whose claims name no school. */
        NO_SCHOOL,
        /** A back-office user of that username exists and is disabled: the provider cannot bring them back. */
        DISABLED
    }

    private final Reason reason;

    OidcSignInRefused(Reason reason) {
        super(new OAuth2Error("rentree_refused", "Académie sign-in refused: " + reason, null));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
