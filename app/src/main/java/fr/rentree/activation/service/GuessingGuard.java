package fr.rentree.activation.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.base.guard.AttemptGuard;
import fr.rentree.base.guard.TypedNames;
import fr.rentree.directory.service.HolderAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps guessing at the public pages slow and short: failures are counted per login and per client address, spaced
 * out after a few, then locked. Every refusal and every lock is recorded ({@code holder_attempt}). Each attempt is
 * counted before its code is read ({@link AttemptGuard}, the same mechanism as the back-office sign-in's guard): codes
 * sent all at once are evaluated no more than one by one, on every instance.
 */
@Component
class GuessingGuard {

    private final JdbcClient jdbc;
    private final ActivationSettings settings;
    private final HolderAccounts holders;
    private final AttemptGuard guard;
    private final TypedNames names;
    private final Clock clock;

    GuessingGuard(JdbcClient jdbc, ActivationSettings settings, HolderAccounts holders, TypedNames names,
            Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.settings = settings;
        this.holders = holders;
        // a login's lock ends by itself, longer at each failure after one ended; the school may lift it sooner
        this.guard = new AttemptGuard(jdbc, "holder_guard", new AttemptGuard.Rules("LOGIN",
                failures -> failures >= settings.throttleAfter() ? settings.throttleDelay() : Duration.ZERO,
                settings.lockAfter(), settings::lockFor, settings.addressFailures(), settings.addressLock()));
        this.clock = clock;
    }

    /**
     * Reserves an attempt on this login from this address before its code is read, or records why it is refused
     * unread (nothing counted: it brought no new guess). Its own transaction, committed before the code is looked at.
     *
     * @return the reservation to settle once the code is read, or why there is none
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Reserved reserve(String login, String address) {
        Instant now = clock.instant();
        AttemptGuard.Outcome outcome = guard.reserve(names.counted(login), address, now);
        if (outcome.reservation() != null) {
            return new Reserved(outcome.reservation(), null);
        }
        Refusal refusal = switch (outcome.refused().orElseThrow()) {
            case ADDRESS_LOCKED -> Refusal.ADDRESS_LOCKED;
            case ACCOUNT_LOCKED -> Refusal.LOGIN_LOCKED;
            case THROTTLED -> Refusal.THROTTLED;
        };
        record(login, address, refusal.name(), Timestamp.from(now));
        return new Reserved(null, refusal);
    }

    /** How long attempts on this login must still wait (spaced out after a few failures); empty when they need not. */
    Optional<Duration> retryIn(String login) {
        return guard.waitLeft(names.counted(login), clock.instant());
    }

    /**
     * Confirms a reserved attempt as a failure, locks the login or the address past its limit, and records it. Its
     * own transaction: the count stays whatever the caller does next. Returns the lock it set, if it set one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Refusal> failed(String login, AttemptGuard.Reservation attempt, Refusal refusal) {
        Timestamp now = Timestamp.from(attempt.at());
        record(login, attempt.address(), refusal.name(), now);
        Set<AttemptGuard.Lock> locks = guard.failed(attempt);
        if (locks.contains(AttemptGuard.Lock.ACCOUNT)) {
            record(login, attempt.address(), "LOGIN_LOCK", now);
            holders.markLockedUntil(login.strip().toLowerCase(Locale.ROOT), guard.lockEnd(attempt));
        }
        if (locks.contains(AttemptGuard.Lock.ADDRESS)) {
            record(login, attempt.address(), "ADDRESS_LOCK", now);
        }
        // what this failure led to: a lock it set says more than "wrong"
        return locks.contains(AttemptGuard.Lock.ACCOUNT) ? Optional.of(Refusal.LOGIN_LOCKED)
                : locks.contains(AttemptGuard.Lock.ADDRESS) ? Optional.of(Refusal.ADDRESS_LOCKED) : Optional.empty();
    }

    /** Takes back a reserved attempt whose code was right: it counts against nothing. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void released(AttemptGuard.Reservation attempt) {
        guard.released(attempt);
    }

    /**
     * Counts a request that sends an e-mail (a lost password) against the address, as a failure would: a page that
     * sends e-mails must not send them by the thousand.
     *
     * @param served what serving the request writes, in the same transaction: one commit whatever it writes, so
     *               that a request that queues an e-mail takes no longer than one that does not
     * @return false if the address is locked (nothing was counted, nor served)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean requested(String address, String words, Runnable served) {
        AttemptGuard.Outcome outcome = guard.reserve(null, address, clock.instant());
        if (outcome.reservation() == null) {
            return false;
        }
        served.run();
        Timestamp now = Timestamp.from(outcome.reservation().at());
        record(words, address, "RESET_REQUEST", now);
        if (guard.failed(outcome.reservation()).contains(AttemptGuard.Lock.ADDRESS)) {
            record(words, address, "ADDRESS_LOCK", now);
        }
        return true;
    }

    /** A success, or a director's unlock, clears the login's count (the address's stays: others may be guessed from there). */
    void succeeded(String login) {
        guard.cleared(names.counted(login));
    }

    private void record(String login, String address, String outcome, Timestamp at) {
        jdbc.sql("insert into holder_attempt (at, login, address, outcome) values (?, ?, ?, ?)")
                .params(at, names.recorded(login), address, outcome).update(); // a code typed as the login stays secret
    }

    /** A reserved attempt, or why it was refused unread. */
    record Reserved(AttemptGuard.@org.jspecify.annotations.Nullable Reservation attempt,
                    @org.jspecify.annotations.Nullable Refusal refusal) {

        Optional<Refusal> refused() {
            return Optional.ofNullable(refusal);
        }
    }
}
