package fr.rentree.activation.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "Mot de passe oublié" e-mails waiting to leave ({@code reset_mail}): a request adds a row and answers at once,
 * whether an account matched or not; the sender claims rows and records what the server answered. Rows hold an
 * account and a language, never a link: the link's token is made when the e-mail leaves.
 */
@Component
class ResetMailQueue {

    /** How many times an unreachable server is tried again before the e-mail is given up. */
    static final int MAX_ATTEMPTS = 5;
    /** A claim older than this was lost with its instance (a crash between claim and answer): claimed again. */
    private static final Duration LOST_CLAIM = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    ResetMailQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long accountId, Locale locale) {
        jdbc.sql("insert into reset_mail (account_id, locale, status, created_at) values (?, ?, 'PENDING', ?)")
                .params(accountId, locale.toLanguageTag(), Timestamp.from(clock.instant())).update();
    }

    /**
     * Claims up to this many waiting e-mails for this instance, oldest first, in one statement: instances that
     * send at the same time never take the same row.
     */
    List<Queued> claim(int limit) {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        jdbc.sql("""
                        update reset_mail set status = 'SENDING', claimed_at = ?, claim_id = ?
                        where status = 'PENDING' or (status = 'SENDING' and claimed_at < ?)
                        order by id limit ?""")
                .params(Timestamp.from(now), claim, Timestamp.from(now.minus(LOST_CLAIM)), limit).update();
        return jdbc.sql("""
                        select r.id, a.login, r.locale, r.attempts
                        from reset_mail r join account a on a.id = r.account_id
                        where r.status = 'SENDING' and r.claim_id = ? order by r.id""")
                .param(claim)
                .query((row, n) -> new Queued(row.getLong(1), row.getString(2),
                        Locale.forLanguageTag(row.getString(3)), row.getInt(4)))
                .list();
    }

    /** What the server answered (or why nothing was sent: the account no longer takes a link). */
    void done(long id, String status, @Nullable String reply) {
        jdbc.sql("update reset_mail set status = ?, reply = ?, done_at = ? where id = ? and status = 'SENDING'")
                .params(status, reply == null || reply.length() <= 1000 ? reply : reply.substring(0, 1000),
                        Timestamp.from(clock.instant()), id).update();
    }

    /** The server could not be reached: tried again at the next turn, or given up after {@link #MAX_ATTEMPTS}. */
    void unreachable(Queued mail, String reason) {
        if (mail.attempts() + 1 >= MAX_ATTEMPTS) {
            jdbc.sql("update reset_mail set status = 'FAILED', attempts = attempts + 1, reply = ?, done_at = ?"
                            + " where id = ?")
                    .params(reason, Timestamp.from(clock.instant()), mail.id()).update();
        } else {
            jdbc.sql("update reset_mail set status = 'PENDING', attempts = attempts + 1, reply = ? where id = ?")
                    .params(reason, mail.id()).update();
        }
    }

    record Queued(long id, String login, Locale locale, int attempts) {
    }
}
