package fr.rentree.sheets.service;

import java.util.UUID;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.mailing.service.AccountMails;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.mailing.service.SendOutcome;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;

/**
 * One account's sheet as an e-mail (a lost sheet, a new code): what a campaign's e-mail says, to the address the
 * school has. Apart from {@link SheetService}, which prints, so that a command without a mail server never needs one.
 */
@Service
public class AccountMail {

    private final RecipientService recipients;
    private final SchoolService schools;
    private final HolderPages pages;
    private final AccountMails accountMails;
    private final MailService mail;
    private final CurrentUser currentUser;
    private final AuditLog journal;

    AccountMail(RecipientService recipients, SchoolService schools, HolderPages pages, AccountMails accountMails,
            MailService mail, CurrentUser currentUser, AuditLog journal) {
        this.recipients = recipients;
        this.schools = schools;
        this.pages = pages;
        this.accountMails = accountMails;
        this.mail = mail;
        this.currentUser = currentUser;
        this.journal = journal;
    }

    /**
     * Sends it and returns the address. Only a director of the school may.
     *
     * @throws IllegalArgumentException when the school has no such account, or it has no address
     * @throws org.springframework.mail.MailException when the SMTP server does not take it: nothing was sent
     */
    public String send(String schoolUai, long accountId) {
        currentUser.requireDirectorOf(schoolUai);
        Recipient recipient = recipients.recipient(schoolUai, accountId)
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId + " in school " + schoolUai));
        if (recipient.email() == null) {
            throw new IllegalArgumentException("Account " + accountId + " has no address");
        }
        School school = schools.find(schoolUai).orElseThrow();
        OutgoingMail message = accountMails.compose(recipient, recipient.email(), school, pages.ent(school),
                pages.page(recipient), false, "<rentree.account-" + accountId + "-" + UUID.randomUUID() + "@"
                        + mail.domain() + ">");
        try (MailService.Connection smtp = mail.connect()) {
            SendOutcome outcome = smtp.send(message);
            if (!outcome.accepted()) {
                throw new MailSendException("Refused: " + outcome.reply());
            }
        }
        journal.record(schoolUai, AuditAction.SEND_CODE, recipient.login(), recipient.email());
        return recipient.email();
    }
}
