package fr.rentree.directory.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.rentree.directory.domain.Holder;
import fr.rentree.directory.domain.Profile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts on their holders' side: found by login, activated with the password chosen, and a parent's report
 * that a child named on the account is not theirs. The checks against guessing are the caller's (the public pages).
 */
@Service
public class HolderAccounts {

    private final JdbcClient jdbc;
    private final ActivationCodes codes;
    private final Clock clock;

    HolderAccounts(JdbcClient jdbc, ActivationCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
    }

    /** The active account of this login; empty when there is none (left, deleted, or never existed). */
    public Optional<Holder> find(String login) {
        return read("where login = ? and state = 'ACTIVE'", login).stream().findFirst()
                .map(holder -> holder.profile() == Profile.PARENT ? withChildren(holder) : holder);
    }

    /**
     * The activated accounts with an address that a holder who lost their password names by login or by address
     * (a family's address may serve several accounts).
     */
    public List<Holder> withLoginOrEmail(String loginOrEmail) {
        return read("where (login = ? or email = ?) and state = 'ACTIVE' and activated_at is not null"
                + " and email is not null", loginOrEmail, loginOrEmail);
    }

    private List<Holder> read(String where, Object... parameters) {
        return jdbc.sql("""
                        select id, login, school_uai, profile, first_name, last_name, email, activation_code,
                               code_issued_at
                        from account\s""" + where)
                .params(parameters)
                .query((row, n) -> {
                    byte[] sealed = row.getBytes("activation_code");
                    Timestamp issued = row.getTimestamp("code_issued_at");
                    return new Holder(row.getLong("id"), row.getString("login"), row.getString("school_uai"),
                            Profile.valueOf(row.getString("profile")), row.getString("first_name"),
                            row.getString("last_name"), row.getString("email"),
                            sealed == null ? null : codes.open(sealed, row.getString("login")),
                            sealed == null || issued == null ? null : issued.toInstant(), List.of());
                })
                .list();
    }

    private Holder withChildren(Holder parent) {
        List<Holder.Child> children = jdbc.sql("""
                        select ch.id, ch.first_name, ch.last_name from parent_link pl
                        join account ch on ch.id = pl.child_id and ch.state = 'ACTIVE'
                        where pl.parent_id = ? order by ch.birth_date is null, ch.birth_date desc, ch.first_name""")
                .param(parent.id())
                .query((row, n) -> new Holder.Child(row.getLong(1), row.getString(2), row.getString(3)))
                .list();
        return new Holder(parent.id(), parent.login(), parent.schoolUai(), parent.profile(), parent.firstName(),
                parent.lastName(), parent.email(), parent.code(), parent.codeIssuedAt(), children);
    }

    /** A new password for an activated account (a lost one). */
    public void setPassword(Holder holder, String passwordHash) {
        jdbc.sql("""
                        update account set password_hash = ?, version = version + 1
                        where id = ? and activated_at is not null""")
                .params(passwordHash, holder.id()).update();
    }

    /**
     * The holder chose a password: the account is activated, its code void, the statistics count it at once.
     * Returns false, changing nothing, when the account was activated meanwhile (two tabs, a double click).
     *
     * @param email an address the holder confirmed or gave; null to keep the one the school has
     */
    @Transactional
    public boolean activate(Holder holder, String passwordHash, @Nullable String email) {
        Timestamp now = Timestamp.from(clock.instant());
        int activated = jdbc.sql("""
                        update account set activated_at = :now, activation_code = null, code_issued_at = null,
                               password_hash = :hash, charter_accepted_at = :now, email = coalesce(:email, email),
                               version = version + 1
                        where id = :id and activated_at is null and state = 'ACTIVE'""")
                .param("now", now).param("hash", passwordHash).param("email", email).param("id", holder.id())
                .update();
        if (activated == 0) {
            return false;
        }
        // the school's tally, one row changed in place: holders activating at once do not wait for each other
        jdbc.sql("""
                        update account_tally set activated = activated + 1, not_activated = not_activated - 1
                        where school_uai = ? and profile = ?""")
                .params(holder.schoolUai(), holder.profile().name()).update();
        return true;
    }

    /**
     * Marks the account of this login locked, as the school sees it in its list, or unlocked again. The guard at
     * the public pages keeps its own count; this is what the director reads and clears.
     */
    public void markLocked(String login, boolean locked) {
        jdbc.sql("update account set locked_at = ?, locked_until = null, version = version + 1 where login = ?")
                .params(locked ? Timestamp.from(clock.instant()) : null, login).update();
    }

    /** As {@link #markLocked}, for a lock that ends by itself: the list shows it until then. */
    public void markLockedUntil(String login, Instant until) {
        jdbc.sql("update account set locked_at = ?, locked_until = ?, version = version + 1 where login = ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(until), login).update();
    }

    /** A parent says these children, named on their account, are not theirs: recorded once each for the school. */
    @Transactional
    public void reportNotGuardian(Holder parent, Collection<Long> childIds) {
        Instant now = clock.instant();
        for (long child : childIds) {
            if (parent.children().stream().anyMatch(c -> c.id() == child)) {
                jdbc.sql("""
                                insert into guardian_report (parent_id, child_id, reported_at) values (?, ?, ?)
                                on duplicate key update reported_at = values(reported_at), handled_at = null,
                                                        handled_by = null""")
                        .params(parent.id(), child, Timestamp.from(now)).update();
            }
        }
    }
}
