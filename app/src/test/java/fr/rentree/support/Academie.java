package fr.rentree.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** What the académie's provider of the tests ({@link TestSetup}) says of the next user who signs in through it. */
public final class Academie {

    public static final String ISSUER = "academie";
    public static final String CLIENT_ID = "rentree";

    private Academie() {
    }

    /**
     * The next sign-in through the provider is this user, with these claims besides the username (the configured
     * names' defaults: {@code rentree_role}, {@code rentree_schools}); no typing at the provider.
     */
    public static void nextUser(MockOAuth2Server provider, String username, Map<String, Object> claims) {
        provider.enqueueCallback(callback(username, claims));
    }

    /** A callback of the provider, to issue tokens with outside a sign-in. */
    public static DefaultOAuth2TokenCallback callback(String username, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("preferred_username", username);
        all.putIfAbsent("name", "Compte académique " + username);
        return new DefaultOAuth2TokenCallback(ISSUER, "sub-" + username, "JWT", List.of(CLIENT_ID), all, 3600);
    }
}
