package fr.rentree.activation.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.directory.service.HolderAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps guessing at the public pages slow and short: failures are counted per login and per client address, spaced
 * out after a few, then locked. Every refusal and every lock is recorded ({@code holder_attempt}).
 */
@Component
class GuessingGuard {

    /** A login stays locked until the school unlocks it. */
    private static final Timestamp UNTIL_UNLOCKED = Timestamp.valueOf("9999-12-31 00:00:00");

    private final JdbcClient jdbc;
    private final ActivationSettings settings;
    private final HolderAccounts holders;
    private final Clock clock;

    GuessingGuard(JdbcClient jdbc, ActivationSettings settings, HolderAccounts holders, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.holders = holders;
        this.clock = clock;
    }

    /** Why an attempt on this login from this address is refused before it is even looked at; empty if it may go. */
    Optional<Refusal> refusal(String login, String address) {
        Instant now = clock.instant();
        if (addressLocked(address)) {
            return Optional.of(Refusal.ADDRESS_LOCKED);
        }
        Optional<Guard> byLogin = guard("LOGIN", key(login));
        if (byLogin.filter(guard -> guard.lockedAfter(now)).isPresent()) {
            return Optional.of(Refusal.LOGIN_LOCKED);
        }
        if (byLogin.filter(guard -> guard.failures() >= settings.throttleAfter()
                && now.isBefore(guard.lastFailure().plus(settings.throttleDelay()))).isPresent()) {
            return Optional.of(Refusal.THROTTLED);
        }
        return Optional.empty();
    }

    /** How long attempts on this login must still wait (spaced out after a few failures); empty when they need not. */
    Optional<Duration> retryIn(String login) {
        Instant now = clock.instant();
        return guard("LOGIN", key(login))
                .filter(guard -> guard.failures() >= settings.throttleAfter())
                .map(guard -> Duration.between(now, guard.lastFailure().plus(settings.throttleDelay())))
                .filter(Duration::isPositive);
    }

    /**
     * Counts a failure against the login and the address, locks either past its limit, and records it. Its own
     * transaction: the count stays whatever the caller does next.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String login, String address, Refusal refusal) {
        Timestamp now = Timestamp.from(clock.instant());
        record(login, address, refusal.name(), now);
        if (refusal == Refusal.THROTTLED || refusal == Refusal.LOGIN_LOCKED || refusal == Refusal.ADDRESS_LOCKED) {
            return; // refused unread: no new evidence of guessing
        }
        jdbc.sql("""
                        insert into holder_guard (kind, guard_key, failures, last_failure_at) values ('LOGIN', ?, 1, ?)
                        on duplicate key update failures = failures + 1, last_failure_at = values(last_failure_at)""")
                .params(key(login), now).update();
        if (jdbc.sql("""
                        update holder_guard set locked_until = ?
                        where kind = 'LOGIN' and guard_key = ? and failures >= ? and locked_until is null""")
                .params(UNTIL_UNLOCKED, key(login), settings.lockAfter()).update() > 0) {
            record(login, address, "LOGIN_LOCK", now);
            holders.markLocked(key(login), true);
        }
        count(address, login, now);
    }

    /** Whether this address is locked for now. */
    boolean addressLocked(String address) {
        return guard("ADDRESS", address).filter(guard -> guard.lockedAfter(clock.instant())).isPresent();
    }

    /**
     * Counts a request that sends an e-mail (a lost password) against the address, as a failure would: a page that
     * sends e-mails must not send them by the thousand.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void requested(String address, String words) {
        Timestamp now = Timestamp.from(clock.instant());
        record(words, address, "RESET_REQUEST", now);
        count(address, words, now);
    }

    private void count(String address, String login, Timestamp now) {
        // an address's failures count within a window: a school's shared connection forgets yesterday's typos
        Timestamp windowStart = Timestamp.from(now.toInstant().minus(settings.addressLock()));
        jdbc.sql("""
                        insert into holder_guard (kind, guard_key, failures, last_failure_at) values ('ADDRESS', ?, 1, ?)
                        on duplicate key update failures = if(last_failure_at < ?, 1, failures + 1),
                                                last_failure_at = values(last_failure_at)""")
                .params(address, now, windowStart).update();
        if (jdbc.sql("""
                        update holder_guard set locked_until = ?
                        where kind = 'ADDRESS' and guard_key = ? and failures >= ?
                          and (locked_until is null or locked_until < ?)""")
                .params(Timestamp.from(now.toInstant().plus(settings.addressLock())), address,
                        settings.addressFailures(), now).update() > 0) {
            record(login, address, "ADDRESS_LOCK", now);
        }
    }

    /** A success clears the login's count (the address's stays: others may be guessed from there). */
    void succeeded(String login) {
        jdbc.sql("delete from holder_guard where kind = 'LOGIN' and guard_key = ?").param(key(login)).update();
    }

    private void record(String login, String address, String outcome, Timestamp at) {
        jdbc.sql("insert into holder_attempt (at, login, address, outcome) values (?, ?, ?, ?)")
                .params(at, abbreviated(login), address, outcome).update();
    }

    private Optional<Guard> guard(String kind, String key) {
        return jdbc.sql("""
                        select failures, last_failure_at, locked_until from holder_guard
                        where kind = ? and guard_key = ?""")
                .params(kind, key)
                .query((row, n) -> {
                    Timestamp locked = row.getTimestamp(3);
                    return new Guard(row.getInt(1), row.getTimestamp(2).toInstant(),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    /** Logins are compared as typed on a phone: case and surrounding spaces do not matter. */
    static String key(String login) {
        return abbreviated(login.strip().toLowerCase(Locale.ROOT));
    }

    private static String abbreviated(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    private record Guard(int failures, Instant lastFailure, @org.jspecify.annotations.Nullable Instant lockedUntil) {

        boolean lockedAfter(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
