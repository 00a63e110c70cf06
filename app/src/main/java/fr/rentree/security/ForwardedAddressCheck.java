package fr.rentree.security;

import java.io.IOException;

import fr.rentree.base.guard.ClientAddresses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose client address is no IP address, before anything reads it. Tomcat takes the address from
 * {@code X-Forwarded-For} when a configured proxy sends the request ({@code server.tomcat.remoteip.internal-proxies},
 * none by default), and copies it as it comes: a proxy that passes on what its client wrote would otherwise let that
 * client pick the address the guards count, or put a formula in the journal. A 400, nothing recorded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedAddressCheck extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedAddressCheck.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ClientAddresses.valid(request.getRemoteAddr())) {
            // the value itself is not logged: it is whatever a client chose to write
            LOG.warn("A request forwarded with a client address that is no IP address was refused");
            // answered here, not through sendError: the error page's dispatch would meet the sign-in's redirect
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Bad Request");
            return;
        }
        chain.doFilter(request, response);
    }
}
