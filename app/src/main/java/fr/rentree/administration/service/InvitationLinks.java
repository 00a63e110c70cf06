package fr.rentree.administration.service;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.rentree.activation.domain.PasswordCheck;
import fr.rentree.activation.domain.PasswordOwner;
import fr.rentree.activation.service.PasswordRules;
import fr.rentree.base.OneTimeToken;
import fr.rentree.base.PublicAddress;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one-time links that let a new back-office user choose their own password, valid
 * {@link AdministrationSettings#invitationValidity()} (48 hours); a newer link voids the older. Only a hash of each
 * link's token is kept. Nobody ever types another person's password.
 */
@Service
@EnableConfigurationProperties(AdministrationSettings.class)
public class InvitationLinks {

    private final BackOfficeUserService passwords;
    private final PasswordRules rules;
    private final JdbcClient jdbc;
    private final AdministrationSettings settings;
    private final CurrentUser currentUser;
    private final PublicAddress address;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InvitationLinks(BackOfficeUserService passwords, PasswordRules rules, JdbcClient jdbc,
                    AdministrationSettings settings, CurrentUser currentUser, PublicAddress address, Clock clock) {
        this.passwords = passwords;
        this.rules = rules;
        this.jdbc = jdbc;
        this.settings = settings;
        this.currentUser = currentUser;
        this.address = address;
        this.clock = clock;
    }

    /**
     * A new link for the user, the earlier ones voided, for whoever hands it over: an administrator's mail, or the
     * {@code create-admin} command, which prints it (the first administrator has no one to mail it).
     */
    @Transactional
    public URI link(BackOfficeUser user) {
        currentUser.requireAdminOrSystem();
        Instant now = clock.instant();
        jdbc.sql("update invitation set ended_at = ? where back_office_user = ? and ended_at is null")
                .params(Timestamp.from(now), user.id()).update();
        OneTimeToken token = OneTimeToken.issue(random);
        jdbc.sql("""
                        insert into invitation (back_office_user, token_hash, created_at, created_by, expires_at)
                        values (?, ?, ?, ?, ?)""")
                .params(user.id(), token.hash(), Timestamp.from(now),
                        currentUser.get().map(admin -> admin.getUsername()).orElse("rentree"),
                        Timestamp.from(now.plus(settings.invitationValidity()))).update();
        return UriComponentsBuilder.fromUri(address.page("invitation")).queryParam("jeton", token.token()).build()
                .toUri();
    }

    /** The user a link invites; empty when the link is unknown, used, voided, past its time, or the user disabled. */
    public Optional<Invited> invited(String token) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name from invitation i
                        join back_office_user u on u.id = i.back_office_user
                        where i.token_hash = ? and i.ended_at is null and i.expires_at > ? and u.enabled""")
                .params(OneTimeToken.hash(token), Timestamp.from(clock.instant()))
                .query(Invited.class).optional();
    }

    /** Who an invitation is for, as its page greets them. */
    public record Invited(long id, String username, String displayName) {

        /** What a password must not hold: the username and the names. */
        public List<String> personal() {
            return List.of(username, displayName);
        }
    }

    /** Measures a password as the invited user types it: the same rules as the account holders'. */
    public PasswordCheck measure(Invited invited, String password) {
        return rules.check(password, PasswordOwner.adult(invited.personal()));
    }

    /**
     * Sets the password if the link still works and the password passes the rules; the link is used up. Returns
     * false when the link no longer works (used meanwhile, in another tab; voided; past its time).
     */
    @Transactional
    public boolean accept(String token, String password) {
        Invited invited = invited(token).orElse(null);
        if (invited == null) {
            return false;
        }
        if (!measure(invited, password).accepted()) {
            throw new IllegalArgumentException("The page lets no one choose a password outside the rules");
        }
        if (jdbc.sql("update invitation set ended_at = ? where token_hash = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), OneTimeToken.hash(token)).update() == 0) {
            return false;
        }
        passwords.setPassword(invited.id(), password);
        return true;
    }
}
