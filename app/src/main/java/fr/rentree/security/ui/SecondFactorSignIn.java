package fr.rentree.security.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import fr.rentree.security.service.PendingSignIn;
import fr.rentree.security.service.SignedInUser;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The session's side of the second step: finds the half-done sign-in, and once its code is accepted replaces it with
 * the user's full authentication, in this request and in the session where Spring Security looks for it next time.
 * The sign-in is announced then, once ({@code AuthenticationSuccessEvent}: the journal records it), not when the
 * password alone was right.
 */
@Component
class SecondFactorSignIn {

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final AuthenticationEventPublisher events;

    SecondFactorSignIn(AuthenticationEventPublisher events) {
        this.events = events;
    }

    /** The sign-in of this session waiting for its code, if there is one. */
    static Optional<PendingSignIn> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PendingSignIn pending
                ? Optional.of(pending) : Optional.empty();
    }

    void complete(PendingSignIn pending, SignedInUser user) {
        UsernamePasswordAuthenticationToken full = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.copyOf(user.getAuthorities()));
        full.setDetails(pending.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        events.publishAuthenticationSuccess(full);
    }
}
