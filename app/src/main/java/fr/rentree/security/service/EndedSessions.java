package fr.rentree.security.service;

import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user an administrator disabled, or whose schools changed, at their next request: the
 * database says so (the user's session epoch moved on), so it works whichever instance holds the session. It runs
 * before Spring Security loads the request's authentication, and reads the one saved in the HTTP session itself (not
 * through a context holder, which Vaadin's strategy may answer from elsewhere): once the session is invalidated, the
 * request goes on unauthenticated, and Vaadin sends its page to the sign-in.
 */
public class EndedSessions extends OncePerRequestFilter {

    private final BackOfficeUserService users;

    public EndedSessions(BackOfficeUserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedInUser user
                && !users.stillSignedIn(user)) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
