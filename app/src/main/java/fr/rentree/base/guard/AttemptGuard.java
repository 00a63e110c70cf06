package fr.rentree.base.guard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one mechanism behind both guessing guards (the back-office sign-in's {@code sign_in_guard}, the public pages'
 * {@code holder_guard}): failures are counted per account key (a username, a login) and per client address, an
 * account's attempts are spaced out after a few failures and locked after more, an address is locked after too many
 * within a window.
 * <p>
 * Addresses count as {@link ClientAddresses#counted} says: an IPv6 client with its /64.
 * <p>
 * An attempt is <em>reserved</em> before its secret is read: under a row lock on the address's row, then on the
 * account's (always in that order, so two attempts never wait on each other in a circle), the counts are checked and
 * the attempt counted as if it failed, in one short transaction. A parallel attempt on the same key waits for that
 * lock, then sees the count already up: however many guesses arrive at once, on however many instances sharing the
 * database, no more are evaluated than the rules allow. Once the secret is read, the reservation is {@link
 * #failed confirmed} (locks set past their limit), {@link #released released} (the attempt was right: the counts go back
 * down) or {@link #succeeded cleared} (the account's count forgotten).
 * <p>
 * Not a bean: each guard builds one over its table, and calls it inside a transaction of its own.
 */
public final class AttemptGuard {

    /** Why an attempt is refused unread. */
    public enum Hold {
        /** The client address is locked, or has used its failures of the window. */
        ADDRESS_LOCKED,
        /** The account key is locked. */
        ACCOUNT_LOCKED,
        /** The account key's last failure was too recent. */
        THROTTLED
    }

    /** A lock that a confirmed failure set. */
    public enum Lock {
        ACCOUNT, ADDRESS
    }

    /**
     * The limits of a guard.
     *
     * @param accountKind     the {@code kind} of the account keys' rows ({@code USERNAME}, {@code LOGIN})
     * @param waitAfter       how long after its last failure an account key with so many failures waits
     * @param lockAfter       failures of an account key that lock it
     * @param lockFor         how long a lock set at this many failures of an account key lasts (a lock that grows
     *                        with each failure after it ended); null: until {@link #succeeded cleared}
     * @param addressFailures failures from one address, within {@code addressLock}, that lock it
     * @param addressLock     how long an address stays locked, and the window its failures are counted in
     */
    public record Rules(String accountKind, IntFunction<Duration> waitAfter, int lockAfter,
                        IntFunction<@Nullable Duration> lockFor, int addressFailures, Duration addressLock) {
    }

    /**
     * An attempt counted before its secret is read: the keys, and what each row's last failure was before, so that
     * a release puts it back (a right password must not start a wait).
     */
    public record Reservation(@Nullable String account, String address, String addressKey, Instant at,
                              @Nullable Instant accountBefore, @Nullable Instant addressBefore, int accountFailures) {
    }

    /** Either a reservation, or why there is none. */
    public record Outcome(@Nullable Reservation reservation, @Nullable Hold hold) {

        public Optional<Hold> refused() {
            return Optional.ofNullable(hold);
        }
    }

    private static final String ADDRESS = "ADDRESS";
    /** A lock with no end of its own: it lasts until it is cleared. */
    private static final Instant UNTIL_CLEARED = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;
    private final String table;
    private final Rules rules;

    public AttemptGuard(JdbcClient jdbc, String table, Rules rules) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.rules = rules;
    }

    /**
     * Reserves an attempt from this address on this account key (none: the address alone, a lost-password request),
     * or says why it is refused. To be called inside a transaction, committed before the secret is read: the row
     * locks last until then.
     */
    public Outcome reserve(@Nullable String account, String address, Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS); // as datetime(6) keeps it, so that a release finds it
        String addressKey = ClientAddresses.counted(address);
        Row byAddress = locked(ADDRESS, addressKey, now);
        boolean windowOver = byAddress.lastFailure().isBefore(now.minus(rules.addressLock()));
        int addressFailures = windowOver ? 0 : byAddress.failures();
        if (byAddress.lockedAt(now) || addressFailures >= rules.addressFailures()) {
            return new Outcome(null, Hold.ADDRESS_LOCKED);
        }
        Row byAccount = null;
        if (account != null) {
            byAccount = locked(rules.accountKind(), account, now);
            if (byAccount.lockedAt(now)) {
                return new Outcome(null, Hold.ACCOUNT_LOCKED);
            }
            if (now.isBefore(byAccount.lastFailure().plus(rules.waitAfter().apply(byAccount.failures())))) {
                return new Outcome(null, Hold.THROTTLED);
            }
            count(rules.accountKind(), account, byAccount.failures() + 1, now);
        }
        count(ADDRESS, addressKey, addressFailures + 1, now);
        return new Outcome(new Reservation(account, address, addressKey, now,
                byAccount == null || byAccount.failures() == 0 ? null : byAccount.lastFailure(),
                addressFailures == 0 ? null : byAddress.lastFailure(),
                byAccount == null ? 0 : byAccount.failures() + 1), null);
    }

    /** Confirms a reserved attempt as a failure: locks the address or the account past their limits. */
    public Set<Lock> failed(Reservation reservation) {
        Set<Lock> locks = EnumSet.noneOf(Lock.class);
        Instant now = reservation.at();
        if (lock(ADDRESS, reservation.addressKey(), rules.addressFailures(), now.plus(rules.addressLock()), now)) {
            locks.add(Lock.ADDRESS);
        }
        if (reservation.account() != null && lock(rules.accountKind(), reservation.account(), rules.lockAfter(),
                lockEnd(reservation), now)) {
            locks.add(Lock.ACCOUNT);
        }
        return locks;
    }

    /** When a lock that this attempt's failure sets on its account key ends (far away: when cleared). */
    public Instant lockEnd(Reservation reservation) {
        Duration duration = rules.lockFor().apply(reservation.accountFailures());
        return duration == null ? UNTIL_CLEARED : reservation.at().plus(duration);
    }

    /** Takes a reserved attempt back from both counts: it was right (a password whose second factor follows). */
    public void released(Reservation reservation) {
        release(ADDRESS, reservation.addressKey(), reservation.at(), reservation.addressBefore());
        if (reservation.account() != null) {
            release(rules.accountKind(), reservation.account(), reservation.at(), reservation.accountBefore());
        }
    }

    /** A reserved attempt that succeeded: the address's count goes back down, the account's is forgotten. */
    public void succeeded(Reservation reservation) {
        release(ADDRESS, reservation.addressKey(), reservation.at(), reservation.addressBefore());
        if (reservation.account() != null) {
            cleared(reservation.account());
        }
    }

    /** How long attempts on this account key must still wait (spaced out after a few failures); empty when none. */
    public Optional<Duration> waitLeft(String account, Instant now) {
        return jdbc.sql("select failures, last_failure_at from " + table + " where kind = ? and guard_key = ?")
                .params(rules.accountKind(), account)
                .query((row, n) -> Duration.between(now, row.getTimestamp(2).toInstant()
                        .plus(rules.waitAfter().apply(row.getInt(1)))))
                .optional().filter(Duration::isPositive);
    }

    /** Forgets an account key's count and lock (a success, a director's unlock). */
    public void cleared(String account) {
        jdbc.sql("delete from " + table + " where kind = ? and guard_key = ?").params(rules.accountKind(), account)
                .update();
    }

    /**
     * Forgets the counts quiet since this time and not locked: a guesser's thousand made-up keys must not stay for
     * ever. Every instance may sweep; deleting twice is harmless.
     */
    public void forgetQuiet(Instant quietSince, Instant now) {
        jdbc.sql("delete from " + table + " where last_failure_at < ? and (locked_until is null or locked_until <= ?)")
                .params(Timestamp.from(quietSince), Timestamp.from(now)).update();
    }

    /** The row of this key, created if need be, locked until the transaction ends. */
    private Row locked(String kind, String key, Instant now) {
        // an insert that meets the key locks the existing row exclusively at once (an INSERT IGNORE would take a
        // shared lock first, and two attempts upgrading theirs would deadlock)
        jdbc.sql("insert into " + table + " (kind, guard_key, failures, last_failure_at) values (?, ?, 0, ?)"
                        + " on duplicate key update failures = failures")
                .params(kind, key, Timestamp.from(now)).update();
        return jdbc.sql("select failures, last_failure_at, locked_until from " + table
                        + " where kind = ? and guard_key = ? for update")
                .params(kind, key)
                .query((row, n) -> {
                    Timestamp locked = row.getTimestamp(3);
                    return new Row(row.getInt(1), row.getTimestamp(2).toInstant(),
                            locked == null ? null : locked.toInstant());
                })
                .single();
    }

    private void count(String kind, String key, int failures, Instant now) {
        jdbc.sql("update " + table + " set failures = ?, last_failure_at = ? where kind = ? and guard_key = ?")
                .params(failures, Timestamp.from(now), kind, key).update();
    }

    private boolean lock(String kind, String key, int limit, Instant until, Instant now) {
        return jdbc.sql("update " + table + " set locked_until = ? where kind = ? and guard_key = ? and failures >= ?"
                        + " and (locked_until is null or locked_until <= ?)")
                .params(Timestamp.from(until), kind, key, limit, Timestamp.from(now)).update() > 0;
    }

    private void release(String kind, String key, Instant at, @Nullable Instant before) {
        // the last failure goes back to what it was, unless another attempt counted since
        jdbc.sql("update " + table + " set failures = greatest(failures - 1, 0),"
                        + " last_failure_at = if(last_failure_at = ?, ?, last_failure_at)"
                        + " where kind = ? and guard_key = ?")
                .params(Timestamp.from(at), Timestamp.from(before == null ? at : before), kind, key).update();
        jdbc.sql("delete from " + table + " where kind = ? and guard_key = ? and failures = 0 and locked_until is null")
                .params(kind, key).update();
    }

    private record Row(int failures, Instant lastFailure, @Nullable Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
