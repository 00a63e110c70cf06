package fr.rentree.security.ui;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the username of each sign-in attempt in the session, so that the login page, shown again after a refusal,
 * fills it in and the director only types the password anew. It runs before Spring Security reads the form.
 */
public class RememberedUsername extends OncePerRequestFilter {

    /** The session attribute holding the username of the last sign-in attempt. */
    static final String ATTRIBUTE = RememberedUsername.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login") && username != null
                && !username.isBlank()) {
            request.getSession().setAttribute(ATTRIBUTE, username.strip());
        }
        chain.doFilter(request, response);
    }
}
