package fr.rentree.security.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import fr.rentree.base.guard.AttemptGuard;
import fr.rentree.base.guard.TypedNames;
import fr.rentree.security.domain.SignInOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps guessing at the back-office sign-in slow and short: failures are counted per username and per client address,
 * spaced out after a few, then locked for a while. A username nobody has is counted and locked exactly like a real one,
 * so that the answers never tell whether it exists. Every attempt and every lockout is recorded
 * ({@code sign_in_attempt}). The counts live in MariaDB, so every instance behind the load balancer sees them, and
 * each attempt is counted before its secret is read ({@link AttemptGuard}, the same mechanism as the public pages'
 * guard): guesses sent all at once are evaluated no more than one by one.
 */
@Component
@EnableConfigurationProperties(SignInSettings.class)
class SignInGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);
    private static final int ADDRESS_LENGTH = 45;
    private static final String NO_ADDRESS = "unknown";

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final AttemptGuard guard;
    private final TypedNames names;
    private final Clock clock;

    SignInGuard(JdbcClient jdbc, SignInSettings settings, TypedNames names, Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.settings = settings;
        this.guard = new AttemptGuard(jdbc, "sign_in_guard", new AttemptGuard.Rules("USERNAME", settings::delayAfter,
                settings.lockAfter(), failures -> settings.lockDuration(), settings.addressFailures(),
                settings.addressLock()));
        this.clock = clock;
    }

    /**
     * The client address of a sign-in, as the trusted proxy forwarded it; an attempt that came from no HTTP request
     * (none today) is counted under one shared name.
     */
    static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : NO_ADDRESS;
    }

    /**
     * Reserves an attempt with this username from this address before its secret is read (see {@link AttemptGuard}),
     * or records why it is refused unread: a refused attempt brought no new guess, nothing is counted. Its own
     * transaction, committed before the password or code is looked at.
     *
     * @return the reservation to settle once the secret is read; empty if refused (and recorded)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<AttemptGuard.Reservation> reserve(String username, String address) {
        Instant now = clock.instant();
        AttemptGuard.Outcome outcome = guard.reserve(names.counted(username, aUser(username)), address(address), now);
        outcome.refused().ifPresent(hold -> record(username, address, switch (hold) {
            case ADDRESS_LOCKED -> SignInOutcome.ADDRESS_LOCKED;
            case ACCOUNT_LOCKED -> SignInOutcome.LOCKED;
            case THROTTLED -> SignInOutcome.THROTTLED;
        }, Timestamp.from(now)));
        return Optional.ofNullable(outcome.reservation());
    }

    /**
     * Confirms a reserved attempt as a failure (a wrong password, a wrong second-factor code, a disabled user), locks
     * the username or the address past its limit, and records it all. Its own transaction: the count stays whatever
     * happens to the request next.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username, AttemptGuard.Reservation attempt, SignInOutcome failure) {
        Timestamp now = Timestamp.from(attempt.at());
        String address = attempt.address();
        record(username, address, failure, now);
        Set<AttemptGuard.Lock> locks = guard.failed(attempt);
        if (locks.contains(AttemptGuard.Lock.ACCOUNT)) {
            record(username, address, SignInOutcome.LOCKOUT_USERNAME, now);
        }
        if (locks.contains(AttemptGuard.Lock.ADDRESS)) {
            record(username, address, SignInOutcome.LOCKOUT_ADDRESS, now);
            // an operator may have to tell a school why nobody there can sign in (usernames are not logged: a
            // password typed in the username field would land in the logs)
            LOG.warn("Back-office sign-in locked for address {} until {}: {} failures", address,
                    attempt.at().plus(settings.addressLock()), settings.addressFailures());
        }
    }

    /**
     * Records a right password whose second factor is still awaited, and takes the attempt back from the counts; the
     * username's earlier failures stay until the code is accepted ({@link #succeeded}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void awaitingCode(String username, AttemptGuard.Reservation attempt) {
        record(username, attempt.address(), SignInOutcome.AWAITING_CODE, Timestamp.from(clock.instant()));
        guard.released(attempt);
    }

    /** Records a sign-in and clears the username's count (the address's stays: others may be guessed from there). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username, AttemptGuard.Reservation attempt) {
        record(username, attempt.address(), SignInOutcome.SUCCESS, Timestamp.from(clock.instant()));
        guard.succeeded(attempt);
    }

    /**
     * Records a sign-in that no guess led to (the académie's provider vouched for the user) and clears the username's
     * count.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username, String address) {
        record(username, address, SignInOutcome.SUCCESS, Timestamp.from(clock.instant()));
        guard.cleared(names.counted(username, aUser(username)));
    }

    /**
     * Forgets the counts of usernames and addresses quiet for a while and not locked: a guesser's thousand made-up
     * usernames must not stay for ever. The attempts themselves stay ({@code sign_in_attempt} is the record).
     * Every instance sweeps; deleting twice is harmless.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetQuiet() {
        Instant now = clock.instant();
        guard.forgetQuiet(now.minus(settings.forgetAfter()), now);
    }

    private void record(String username, String address, SignInOutcome outcome, Timestamp at) {
        jdbc.sql("insert into sign_in_attempt (at, username, address, outcome) values (?, ?, ?, ?)")
                // a password typed as the username stays secret: only a login's shape is kept as typed
                .params(at, names.recorded(username, aUser(username)), address(address), outcome.name()).update();
    }

    /** Whether a back-office user has this username (case aside, as sign-in finds users): then it is kept as typed. */
    private boolean aUser(String username) {
        return jdbc.sql("select count(*) from back_office_user where username = ?").param(username.strip())
                .query(Integer.class).single() > 0;
    }

        private static String address(String address) {
        return cut(address, ADDRESS_LENGTH);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
