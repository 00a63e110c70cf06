package fr.rentree.security.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import fr.rentree.security.domain.SignInOutcome;
import org.jspecify.annotations.Nullable;
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
 * ({@code sign_in_attempt}). The counts live in MariaDB, so every instance behind the load balancer sees them.
 */
@Component
@EnableConfigurationProperties(SignInSettings.class)
class SignInGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);
    private static final int KEY_LENGTH = 100;
    private static final int ADDRESS_LENGTH = 45;
    private static final String NO_ADDRESS = "unknown";

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    SignInGuard(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
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

    /** Why an attempt with this username from this address is refused before its password is read; empty if it may go. */
    Optional<SignInOutcome> refusal(String username, String address) {
        Instant now = clock.instant();
        if (guard("ADDRESS", address(address)).filter(guard -> guard.lockedAt(now)).isPresent()) {
            return Optional.of(SignInOutcome.ADDRESS_LOCKED);
        }
        Optional<Guard> byUsername = guard("USERNAME", key(username));
        if (byUsername.filter(guard -> guard.lockedAt(now)).isPresent()) {
            return Optional.of(SignInOutcome.LOCKED);
        }
        if (byUsername.filter(guard -> now.isBefore(
                guard.lastFailure().plus(settings.delayAfter(guard.failures())))).isPresent()) {
            return Optional.of(SignInOutcome.THROTTLED);
        }
        return Optional.empty();
    }

    /** Records an attempt turned away unread; nothing is counted, it brought no new guess. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refused(String username, String address, SignInOutcome refusal) {
        record(username, address, refusal, Timestamp.from(clock.instant()));
    }

    /**
     * Counts a failure against the username and the address, locks either past its limit, and records it all. Its own
     * transaction: the count stays whatever happens to the request next.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username, String address) {
        failed(username, address, SignInOutcome.FAILURE);
    }

    /** As {@link #failed(String, String)}, recorded as this outcome (a wrong password, or a wrong second-factor code). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username, String address, SignInOutcome failure) {
        Timestamp now = Timestamp.from(clock.instant());
        record(username, address, failure, now);
        jdbc.sql("""
                        insert into sign_in_guard (kind, guard_key, failures, last_failure_at) values ('USERNAME', ?, 1, ?)
                        on duplicate key update failures = failures + 1, last_failure_at = values(last_failure_at)""")
                .params(key(username), now).update();
        if (jdbc.sql("""
                        update sign_in_guard set locked_until = ?
                        where kind = 'USERNAME' and guard_key = ? and failures >= ?
                          and (locked_until is null or locked_until <= ?)""")
                .params(Timestamp.from(now.toInstant().plus(settings.lockDuration())), key(username),
                        settings.lockAfter(), now).update() > 0) {
            record(username, address, SignInOutcome.LOCKOUT_USERNAME, now);
        }
        // an address's failures count within a window: a school's shared connection forgets yesterday's typos
        Timestamp windowStart = Timestamp.from(now.toInstant().minus(settings.addressLock()));
        jdbc.sql("""
                        insert into sign_in_guard (kind, guard_key, failures, last_failure_at) values ('ADDRESS', ?, 1, ?)
                        on duplicate key update failures = if(last_failure_at < ?, 1, failures + 1),
                                                last_failure_at = values(last_failure_at)""")
                .params(address(address), now, windowStart).update();
        if (jdbc.sql("""
                        update sign_in_guard set locked_until = ?
                        where kind = 'ADDRESS' and guard_key = ? and failures >= ?
                          and (locked_until is null or locked_until <= ?)""")
                .params(Timestamp.from(now.toInstant().plus(settings.addressLock())), address(address),
                        settings.addressFailures(), now).update() > 0) {
            record(username, address, SignInOutcome.LOCKOUT_ADDRESS, now);
            // an operator may have to tell a school why nobody there can sign in (usernames are not logged: a
            // password typed in the username field would land in the logs)
            LOG.warn("Back-office sign-in locked for address {} until {}: {} failures", address(address),
                    now.toInstant().plus(settings.addressLock()), settings.addressFailures());
        }
    }

    /**
     * Records a right password whose second factor is still awaited; the username's count stays until the code is
     * accepted ({@link #succeeded}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void awaitingCode(String username, String address) {
        record(username, address, SignInOutcome.AWAITING_CODE, Timestamp.from(clock.instant()));
    }

    /** Records a sign-in and clears the username's count (the address's stays: others may be guessed from there). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username, String address) {
        record(username, address, SignInOutcome.SUCCESS, Timestamp.from(clock.instant()));
        jdbc.sql("delete from sign_in_guard where kind = 'USERNAME' and guard_key = ?").param(key(username)).update();
    }

    /**
     * Forgets the counts of usernames and addresses quiet for a while and not locked: a guesser's thousand made-up
     * usernames must not stay for ever. The attempts themselves stay ({@code sign_in_attempt} is the record).
     * Every instance sweeps; deleting twice is harmless.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetQuiet() {
        Instant now = clock.instant();
        jdbc.sql("""
                        delete from sign_in_guard
                        where last_failure_at < ? and (locked_until is null or locked_until <= ?)""")
                .params(Timestamp.from(now.minus(settings.forgetAfter())), Timestamp.from(now)).update();
    }

    private void record(String username, String address, SignInOutcome outcome, Timestamp at) {
        jdbc.sql("insert into sign_in_attempt (at, username, address, outcome) values (?, ?, ?, ?)")
                .params(at, cut(username, KEY_LENGTH), address(address), outcome.name()).update();
    }

    private Optional<Guard> guard(String kind, String key) {
        return jdbc.sql("select failures, last_failure_at, locked_until from sign_in_guard where kind = ? and guard_key = ?")
                .params(kind, key)
                .query((row, n) -> {
                    Timestamp locked = row.getTimestamp(3);
                    return new Guard(row.getInt(1), row.getTimestamp(2).toInstant(),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    /** Usernames compare as the database finds users: case and surrounding spaces do not matter. */
    private static String key(String username) {
        return cut(username.strip().toLowerCase(Locale.ROOT), KEY_LENGTH);
    }

    private static String address(String address) {
        return cut(address, ADDRESS_LENGTH);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private record Guard(int failures, Instant lastFailure, @Nullable Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
