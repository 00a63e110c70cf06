package fr.rentree.administration.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.Refusal;
import fr.rentree.mailing.service.MailService;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.CurrentUser;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of back-office users, sent by e-mail by an administrator: the one-time link of {@link InvitationLinks}
 * with who invites them to what, and until when.
 */
@Service
public class Invitations {

    private final BackOfficeUsers users;
    private final InvitationLinks links;
    private final InvitationMail mail;
    private final MailService mails;
    private final AdministrationSettings settings;
    private final CurrentUser currentUser;
    private final AuditLog journal;
    private final Clock clock;

    Invitations(BackOfficeUsers users, InvitationLinks links, InvitationMail mail, MailService mails,
                AdministrationSettings settings, CurrentUser currentUser, AuditLog journal, Clock clock) {
        this.users = users;
        this.links = links;
        this.mail = mail;
        this.mails = mails;
        this.settings = settings;
        this.currentUser = currentUser;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Sends the user a new invitation by e-mail; the earlier links stop working. An administrator's action.
     *
     * @return when the link stops working
     * @throws InvitationRefused when the mail could not leave (the user exists; the administrator sends it again
     *                           later); the new link is not kept then
     */
    @Transactional
    public Instant send(long userId, Locale locale) {
        currentUser.requireAdmin();
        BackOfficeUser user = users.find(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        Instant expires = clock.instant().plus(settings.invitationValidity());
        URI link = links.link(user);
        try (MailService.Connection smtp = mails.connect()) {
            smtp.send(mail.compose(user, link, expires, locale));
        } catch (MailException e) {
            throw new InvitationRefused();
        }
        journal.record(null, AuditAction.INVITE, user.username(), user.email());
        return expires;
    }

    /** The invitation could not leave: the SMTP server refused it or did not answer. */
    public static final class InvitationRefused extends Refusal {

        InvitationRefused() {
            super("The invitation could not leave", null);
        }

        @Override
        public String messageKey() {
            return "users.invite.mail-down";
        }
    }
}
