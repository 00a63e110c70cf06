package fr.rentree.security.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import fr.rentree.security.domain.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The back-office user on whose behalf a service runs, as Spring Security knows them (a screen's request, or a
 * {@link #runAs} block). Services check access with it instead of trusting what a screen passes them.
 */
@Component
public class CurrentUser {

    private final BackOfficeUserService users;

    CurrentUser(BackOfficeUserService users) {
        this.users = users;
    }

    /**
     * The signed-in user; empty for nobody, and for a {@link PendingSignIn} too: a user whose second factor is still
     * awaited is not signed in yet, and every {@code require…} refuses them.
     */
    public Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** The signed-in user; refused when nobody is signed in. */
    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
    }

    /** The signed-in user, who must direct this school; refused otherwise (district staff included). */
    public SignedInUser requireDirectorOf(String schoolUai) {
        SignedInUser user = require();
        if (user.role() != Role.DIRECTOR || !user.schoolUais().contains(schoolUai)) {
            throw new AccessDeniedException(user.getUsername() + " does not direct school " + schoolUai);
        }
        return user;
    }

    /**
     * The signed-in user, who must direct this school or follow its district; refused otherwise. District staff may
     * read counts and progress, never a family's personal data or codes: the services that show those ask for
     * {@link #requireDirectorOf}.
     */
    public SignedInUser requireFollowerOf(String schoolUai) {
        SignedInUser user = require();
        if (!user.schoolUais().contains(schoolUai)) {
            throw new AccessDeniedException(user.getUsername() + " does not follow school " + schoolUai);
        }
        return user;
    }

    /** The signed-in user, who must be an administrator; refused otherwise. */
    public SignedInUser requireAdmin() {
        SignedInUser user = require();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException(user.getUsername() + " is no administrator");
        }
        return user;
    }

    /**
     * Whether this is Rentrée's own work (a step of the engine, a scheduled task, a command): only inside
     * {@link #asSystem}. No authentication at all is nobody, and refused.
     */
    public boolean isSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() == SystemPrincipal.RENTREE;
    }

    /** Runs Rentrée's own work as the {@link SystemPrincipal}, then restores the previous context. */
    public <T> T asSystem(Supplier<T> work) {
        return SystemPrincipal.run(work);
    }

    /** As {@link #asSystem(Supplier)}, for work without a result. */
    public void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /**
     * An administrator, or Rentrée’s own work (the {@code create-admin} command, inside {@link #asSystem}); anyone else
     * is refused.
     */
    public void requireAdminOrSystem() {
        if (!isSystem()) {
            requireAdmin();
        }
    }

    /**
     * A director of this school, or Rentrée's own work: a job of the engine, a scheduled command, a background print
     * started by a checked screen (inside {@link #asSystem}). Anyone else is refused, the anonymous visitors of the
     * public pages included.
     */
    public void requireDirectorOrSystem(String schoolUai) {
        if (!isSystem()) {
            requireDirectorOf(schoolUai);
        }
    }

    /** As {@link #requireDirectorOrSystem}, for counts that district staff of the school may read too. */
    public void requireFollowerOrSystem(String schoolUai) {
        if (!isSystem()) {
            requireFollowerOf(schoolUai);
        }
    }

    /** Runs work on behalf of a user outside a request (demo data, tests), then restores the previous context. */
    public <T> T runAs(String username, Supplier<T> work) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        return within(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.copyOf(user.getAuthorities())), work);
    }

    /** Whoever this thread works for (a director's screen, Rentrée's own step), to carry to another thread. */
    public Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * Runs work on this thread as {@code caller}, read by {@link #authentication} on the thread that asked (a print's
     * own threads), then restores the previous context.
     */
    public <T> T as(Optional<Authentication> caller, Supplier<T> work) {
        return within(caller.orElse(null), work);
    }

    /** Runs work with this authentication alone, then restores the previous context. */
    static <T> T within(Authentication authentication, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
