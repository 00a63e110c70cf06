package fr.rentree.activation.service;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.audit.domain.AuditAction;
import fr.rentree.base.OneTimeToken;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.domain.Holder;
import fr.rentree.directory.service.HolderAccounts;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.SendOutcome;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Mot de passe oublié": a holder names their login or address and receives a one-time link by e-mail, valid a
 * short while, which voids any earlier one. The answer is the same whether an account matched or not; only a hash
 * of each link's token is kept, so a copy of the database opens no account.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final HolderAccounts holders;
    private final GuessingGuard guard;
    private final AccountActivation activation;
    private final ResetMail mail;
    private final MailService mails;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final ActivationSettings settings;
    private final SchoolService schools;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AuditLog journal;
    private final ResetMailQueue queue;
    /** Sends what a request queued, at once but outside the request (the scheduled turn catches up on the rest). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("reset-mail").daemon().factory());

    PasswordReset(HolderAccounts holders, GuessingGuard guard, AccountActivation activation, ResetMail mail,
            MailService mails, PasswordEncoder passwords, JdbcClient jdbc, ActivationSettings settings,
            SchoolService schools, CurrentUser currentUser, Clock clock, AuditLog journal, ResetMailQueue queue) {
        this.queue = queue;
        this.holders = holders;
        this.guard = guard;
        this.activation = activation;
        this.mail = mail;
        this.mails = mails;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.settings = settings;
        this.schools = schools;
        this.currentUser = currentUser;
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * A director sends the holder of an activated account of their school a link to choose a new password (seed
     * 004), voiding earlier ones. Possible only when the account has an address and the school a contact address.
     *
     * @return the address the link went to
     * @throws ResetRefused saying why it is not possible, or that the mail could not leave (nothing is lost: the
     *                      director tries again later)
     */
    public String sendFor(String schoolUai, String login, Locale locale) {
        currentUser.requireDirectorOf(schoolUai);
        Holder holder = holders.find(login).filter(h -> h.schoolUai().equals(schoolUai))
                .orElseThrow(() -> new IllegalArgumentException("No account " + login + " in school " + schoolUai));
        if (!holder.activated()) {
            throw new ResetRefused("NOT_ACTIVATED");
        }
        if (holder.email() == null) {
            throw new ResetRefused("NO_EMAIL");
        }
        if (schools.find(schoolUai).map(school -> school.contactEmail()).isEmpty()) {
            throw new ResetRefused("NO_SCHOOL_EMAIL");
        }
        String token = issue(holder);
        try (MailService.Connection smtp = mails.connect()) {
            smtp.send(mail.compose(holder, token, locale));
        } catch (MailException e) {
            throw new ResetRefused("MAIL_DOWN");
        }
        journal.record(schoolUai, AuditAction.RESET_PASSWORD, login, holder.email());
        return holder.email();
    }

    /** Why a director's reset did not happen; {@code reason} names the message the screen shows. */
    public static final class ResetRefused extends RuntimeException {

        private final String reason;

        ResetRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Queues a link for each activated account with an address that the words name, and answers at once: the
     * e-mail leaves in the background ({@link #sendQueued}), so an account that exists takes no longer to answer
     * than one that does not. Says nothing of what matched; refused (nothing sent) only when this client address
     * asked too often.
     */
    public Optional<Refusal> request(String loginOrEmail, String address, Locale locale) {
        List<Holder> accounts = holders.withLoginOrEmail(loginOrEmail.strip());
        if (!guard.requested(address, loginOrEmail, () -> accounts.forEach(holder -> queue.add(holder.id(), locale)))) {
            return Optional.of(Refusal.ADDRESS_LOCKED);
        }
        if (!accounts.isEmpty()) {
            sender.execute(this::sendQueued);
        }
        return Optional.empty();
    }

    /**
     * Sends the queued links, each recorded with the server's answer before the next leaves; an unreachable server
     * leaves them queued for the next turn. Every instance takes its turn: a row is claimed by one only.
     */
    @Scheduled(fixedDelayString = "${rentree.activation.reset-mail-every:PT30S}",
            initialDelayString = "${rentree.activation.reset-mail-every:PT30S}")
    public void sendQueued() {
        currentUser.asSystem(() -> {
            for (List<ResetMailQueue.Queued> batch = queue.claim(20); !batch.isEmpty(); batch = queue.claim(20)) {
                send(batch);
            }
        });
    }

    private void send(List<ResetMailQueue.Queued> batch) {
        try (MailService.Connection smtp = mails.connect()) {
            for (ResetMailQueue.Queued queued : batch) {
                // read again: the account may have left, or changed its address, since the request
                Optional<Holder> holder = holders.withLoginOrEmail(queued.login()).stream()
                        .filter(h -> h.login().equals(queued.login())).findFirst();
                if (holder.isEmpty()) {
                    queue.done(queued.id(), "REJECTED", "no activated account with an address any more");
                    continue;
                }
                SendOutcome outcome = smtp.send(mail.compose(holder.get(), issue(holder.get()), queued.locale()));
                queue.done(queued.id(), outcome.accepted() ? "SENT" : "REJECTED", outcome.reply());
            }
        } catch (MailException e) {
            // the holder read the same answer and may ask again; a link they did not get opens nothing new
            log.warn("Password links could not leave, tried again later: {}", e.getMessage());
            batch.forEach(queued -> queue.unreachable(queued, e.getMessage() == null ? "unreachable"
                    : e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /** The account a link opens; empty when the link is unknown, used, voided by a newer one, or past its time. */
    public Optional<Holder> holder(String token) {
        return jdbc.sql("""
                        select a.login from password_reset r join account a on a.id = r.account_id
                        where r.token_hash = ? and r.ended_at is null and r.expires_at > ? and a.state = 'ACTIVE'""")
                .params(OneTimeToken.hash(token), Timestamp.from(clock.instant()))
                .query(String.class).optional()
                .flatMap(holders::find);
    }

    /**
     * Sets the new password if the link still opens the account and the password passes the rules; the link is used
     * up. Returns false when the link no longer opens anything (used meanwhile, in another tab).
     */
    @Transactional
    public boolean reset(String token, String password) {
        Holder holder = holder(token).orElse(null);
        if (holder == null) {
            return false;
        }
        if (!activation.measure(holder, password).accepted()) {
            throw new IllegalArgumentException("The page lets no one choose a password outside the rules");
        }
        if (jdbc.sql("update password_reset set ended_at = ? where token_hash = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), OneTimeToken.hash(token)).update() == 0) {
            return false;
        }
        holders.setPassword(holder, passwords.encode(password));
        return true;
    }

    /** A new link for the account; the earlier ones stop working. */
    @Transactional
    String issue(Holder holder) {
        Instant now = clock.instant();
        jdbc.sql("update password_reset set ended_at = ? where account_id = ? and ended_at is null")
                .params(Timestamp.from(now), holder.id()).update();
        OneTimeToken token = OneTimeToken.issue(random);
        jdbc.sql("insert into password_reset (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
                .params(holder.id(), token.hash(), Timestamp.from(now),
                        Timestamp.from(now.plus(settings.resetLinkValidity()))).update();
        return token.token();
    }
}
