package fr.rentree.security.service;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A sign-in half done: the password was right, the second factor is awaited. It grants one authority,
 * {@value #AUTHORITY}, which no view or service but the code page accepts, and its principal is the username, not a
 * {@link SignedInUser}: {@link CurrentUser} sees nobody signed in, so every service refuses it. Once the code is
 * accepted it is replaced by the full authentication.
 */
public final class PendingSignIn extends AbstractAuthenticationToken {

    /** The role of the code page ({@code @RolesAllowed}), without Spring's prefix. */
    public static final String ROLE = "TOTP_PENDING";
    static final String AUTHORITY = "ROLE_" + ROLE;

    private final String username;

    PendingSignIn(String username, @Nullable Object details) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.username = username;
        setDetails(details);
        setAuthenticated(true);
    }

    /** The user whose second factor is awaited. */
    public String username() {
        return username;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
