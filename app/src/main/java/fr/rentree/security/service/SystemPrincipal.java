package fr.rentree.security.service;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Rentrée itself, as the principal of its own work: an engine step, a scheduled task, a command. Work runs as it
 * only through {@link CurrentUser#asSystem}; a thread with no authentication at all is nobody and is refused, so a
 * forgotten check on a public page cannot pass for Rentrée's own work.
 */
public enum SystemPrincipal {
    RENTREE;

    /** The authority it holds, which no back-office user ever has. */
    public static final String AUTHORITY = "ROLE_RENTREE_SYSTEM";

    /** Its authentication, which only Rentrée's own code sets (never a request). */
    public static Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(RENTREE, null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    /**
     * Runs work as Rentrée itself, then restores the previous context; {@link CurrentUser#asSystem} for beans, this
     * for code the engine builds (a step's delegate).
     */
    public static <T> T run(Supplier<T> work) {
        return CurrentUser.within(authentication(), work);
    }

    @Override
    public String toString() {
        return "rentree-system";
    }
}
