package fr.rentree.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: a page elsewhere signing the victim's browser in as the
 * attacker, whose session then records what the victim does). Vaadin's login form posts {@code /login} without
 * Spring's CSRF token, so the browser's own word is checked instead: a browser names the page's origin in
 * {@code Origin} (and says {@code Sec-Fetch-Site}) on every cross-site POST; either naming another site is refused
 * with a 403 before the form is read. Comparing hosts (and ports), not schemes: behind a proxy that ends TLS the
 * application may see http where the browser saw https.
 */
class SameOriginSignIn extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()) && foreign(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Forbidden");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean foreign(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !authority(origin).equals(host(request));
    }

    /** {@code host[:port]} of an origin, lower case, without the scheme's default port; "" when unreadable ("null"). */
    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return "";
            }
            int port = uri.getPort();
            boolean usual = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                    || ("https".equals(uri.getScheme()) && port == 443);
            return uri.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The request's {@code Host}, as the browser (or the proxy before it) wrote it, without a default port. */
    private static String host(HttpServletRequest request) {
        @Nullable String host = request.getHeader("Host");
        if (host == null) {
            return "?";
        }
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(":80") || lower.endsWith(":443") ? lower.substring(0, lower.lastIndexOf(':')) : lower;
    }
}
