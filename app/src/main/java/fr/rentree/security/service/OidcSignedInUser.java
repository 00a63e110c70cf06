package fr.rentree.security.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import fr.rentree.security.domain.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A back-office user signed in through the académie's provider: the very principal of a form sign-in (what
 * {@link CurrentUser} and every service check read), which Spring Security's OpenID Connect login also accepts. It has
 * no password: the provider checked who they are.
 */
public final class OidcSignedInUser extends SignedInUser implements OidcUser {

    private final OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;

    /** @param sessionEpoch the epoch of the back-office user of that username, 0 when Rentrée has none */
    OidcSignedInUser(String username, String displayName, Role role, Set<String> schoolUais, int sessionEpoch,
            OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(username, "", true, displayName, role, schoolUais, sessionEpoch);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    /** The user info's claims, then the ID token's over them, as Spring's own OIDC user merges them. */
    @Override
    public Map<String, Object> getClaims() {
        Map<String, Object> claims = new HashMap<>();
        if (userInfo != null) {
            claims.putAll(userInfo.getClaims());
        }
        claims.putAll(idToken.getClaims());
        return Map.copyOf(claims);
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    /** Rentrée's username, not the provider's subject: sessions and the journal know users by it. */
    @Override
    public String getName() {
        return getUsername();
    }
}
