package fr.rentree.security.service;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional sign-in through an académie's identity provider, OpenID Connect ({@code rentree.security.oidc.*}, or
 * {@code RENTREE_SECURITY_OIDC_*} in the environment). Off while {@code issuerUri} is empty: the login page then offers
 * the username and password form only.
 *
 * @param issuerUri    the provider's issuer; Rentrée reads the rest from its {@code .well-known/openid-configuration}
 * @param clientId     Rentrée's client at the provider
 * @param clientSecret its secret (client_secret_basic, or whatever the discovery document names first)
 * @param buttonLabel  the text of the login page's button; empty: "Se connecter avec le guichet de l'académie"
 * @param scopes       what Rentrée asks the provider for; the claims below must come with them (ID token or user info)
 * @param usernameClaim the claim holding the username, matched against the back-office users (a disabled one is
 *                     refused)
 * @param roleClaim    the claim holding the role: {@code DIRECTOR}, {@code DISTRICT_STAFF}… (any name of {@code Role},
 *                     case aside); none or another value refuses the sign-in
 * @param schoolsClaim the claim holding the UAIs of the schools the user directs or follows: a list, or one string
 *                     with the UAIs apart by spaces or commas. A director without any is refused
 */
@ConfigurationProperties("rentree.security.oidc")
public record OidcSettings(@Nullable String issuerUri,
                           @Nullable String clientId,
                           @Nullable String clientSecret,
                           @Nullable String buttonLabel,
                           @DefaultValue({"openid", "profile"}) List<String> scopes,
                           @DefaultValue("preferred_username") String usernameClaim,
                           @DefaultValue("rentree_role") String roleClaim,
                           @DefaultValue("rentree_schools") String schoolsClaim) {

    /** The one provider's registration: its redirect address is {@code <Rentrée>/login/oauth2/code/academie}. */
    public static final String REGISTRATION_ID = "academie";

    public OidcSettings {
        // a half-done configuration stops the start, rather than a button that fails for everyone
        if (issuerUri != null && !issuerUri.isBlank() && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException(
                    "rentree.security.oidc.issuer-uri is set but rentree.security.oidc.client-id is not");
        }
    }

    /** Whether the login page offers the académie's sign-in. */
    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Where the login page's button leads: Spring Security sends the browser on to the provider from there. */
    public String authorizationPath() {
        return "oauth2/authorization/" + REGISTRATION_ID;
    }
}
