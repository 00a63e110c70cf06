package fr.rentree.security;

import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that was left alone, or that lasted too long, whatever the screen does meanwhile: "Mes
 * tâches" and the campaign pages ask the server every few seconds by themselves, and the container counts those polls
 * as activity, so a director who left "Mes tâches" open on a staff-room computer stayed signed in for ever.
 * <p>
 * Here only what the user does counts: a Vaadin request whose calls are all polls (or a grid's acknowledgement of
 * the rows a poll refreshed), or a heartbeat, is no activity.
 * After {@code rentree.security.session.idle-timeout} (30 min) without activity, or
 * {@code rentree.security.session.lifetime} (10 h) after the sign-in whatever the activity, the session is
 * invalidated at the next request; the new one remembers why ({@link #ENDED}), and the sign-in page says it. A
 * session this server does not know (lost with the instance that held it) is said alike. Read at
 * each request, so that a test (or an operator, through a restart) can shorten them.
 */
public class SessionLifetime extends OncePerRequestFilter {

    /** The session attribute, in the session that follows, that says why the previous one ended. */
    public static final String ENDED = "rentree.session.ended";
    static final String SIGNED_IN_AT = "rentree.session.signed-in-at";
    static final String ACTIVE_AT = "rentree.session.active-at";
    /** A Vaadin request's calls: each RPC has a type. */
    private static final Pattern RPC = Pattern.compile("\"type\"\\s*:");
    /**
     * The calls the browser makes by itself: a poll (the event {@code ui-poll}), and a grid's acknowledgement of the
     * rows a poll refreshed ({@code confirmUpdate}), which follows each refresh of "Mes tâches".
     */
    private static final Pattern AUTOMATIC = Pattern.compile("\"event\"\\s*:\\s*\"ui-poll\""
            + "|\"templateEventMethodName\"\\s*:\\s*\"confirmUpdate\"");
    /** Larger requests carry what a user typed: activity, without reading them here. */
    private static final int LARGEST_READ = 64 * 1024;

    /** Why a session ended; the sign-in page's sentence is {@code login.ended.<reason>}. */
    public enum Reason {
        IDLE, LIFETIME,
        /**
         * The browser named a session this server does not hold: the instance that held it stopped (the load balancer
         * sent the browser to another), or it expired meanwhile. A sign-out deletes the cookie, so it is not this.
         */
        LOST
    }

    private final Environment environment;
    private final Clock clock;

    SessionLifetime(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            request.getSession(true).setAttribute(ENDED, Reason.LOST.name());
        }
        if (session == null || !signedIn(session)) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Instant signedInAt = since(session, SIGNED_IN_AT, now);
        Instant activeAt = since(session, ACTIVE_AT, now);
        Reason ended = now.isAfter(signedInAt.plus(setting("lifetime", Duration.ofHours(10)))) ? Reason.LIFETIME
                : now.isAfter(activeAt.plus(setting("idle-timeout", Duration.ofMinutes(30)))) ? Reason.IDLE : null;
        if (ended != null) {
                session.invalidate();
            request.getSession(true).setAttribute(ENDED, ended.name());
            chain.doFilter(request, response); // unauthenticated now: Vaadin sends the page to the sign-in
            return;
        }
        HttpServletRequest read = request;
        boolean activity = true;
        String vaadinRequest = request.getParameter("v-r");
        if ("heartbeat".equals(vaadinRequest)) {
            activity = false;
        } else if ("uidl".equals(vaadinRequest) && request.getContentLength() >= 0
                && request.getContentLength() <= LARGEST_READ) {
            byte[] body = request.getInputStream().readNBytes(LARGEST_READ);
            read = new ReadAgain(request, body);
            activity = !onlyPolls(new String(body, StandardCharsets.UTF_8));
        }
        if (activity) {
            session.setAttribute(ACTIVE_AT, now);
        }
        chain.doFilter(read, response);
    }

    private static boolean signedIn(HttpSession session) {
        return session.getAttribute(SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null
                && !(context.getAuthentication() instanceof AnonymousAuthenticationToken);
    }

    /** The time kept under this name, kept now if none is (the first request of a session signed in). */
    private static Instant since(HttpSession session, String name, Instant now) {
        if (session.getAttribute(name) instanceof Instant at) {
            return at;
        }
        session.setAttribute(name, now);
        return now;
    }

    private Duration setting(String name, Duration byDefault) {
        return environment.getProperty("rentree.security.session." + name, Duration.class, byDefault);
    }

    /** Whether every call of this Vaadin request is one the browser makes by itself. */
    static boolean onlyPolls(String uidl) {
        long calls = RPC.matcher(uidl).results().count();
        return calls > 0 && AUTOMATIC.matcher(uidl).results().count() == calls;
    }

    /** The request with its body read here, given again to Vaadin. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read at once");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }
    }
}
