package fr.rentree.mailing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.rentree.base.QrCode;
import fr.rentree.base.i18n.Institution;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.WrittenName;
import fr.rentree.school.domain.School;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail that tells one account holder how to reach their ENT account: the e-mail side of a sheet, in French
 * (schools write to families in French). Two variants, as on the sheets: the activation code for an account not
 * activated, the lost-password page for one that is; a reminder says so first. The link and QR code open the public
 * page with the login filled in, never the code.
 */
@Component
public class AccountMails {

    private static final Locale FRENCH = Locale.FRENCH;

    private final MessageSource messages;

    AccountMails(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param to         the address the list was frozen with
     * @param writer     the school writing (its name signs the mail, its UAI is the mail's school header)
     * @param entUrl     the address of the school's ENT
     * @param link       the public page the holder opens (activation or lost password), login filled in
     */
    public OutgoingMail compose(Recipient recipient, String to, School writer, String entUrl, String link,
            boolean reminder, String messageId) {
        String schoolName = writer.name();
        Institution school = new Institution(schoolName); // "L’équipe du collège Pasteur"
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(text("mail.account.greeting", WrittenName.of(recipient.firstName(), recipient.lastName())));
        paragraphs.add(reminder && !recipient.activated() ? text("mail.account.reminder.intro", school)
                : text("mail.account.intro", school));
        if (!recipient.children().isEmpty()) {
            paragraphs.add(text("mail.account.children", recipient.children().stream()
                    .map(child -> WrittenName.of(child.firstName(), child.lastName()))
                    .collect(Collectors.joining(", "))));
        }
        List<String> credentials = new ArrayList<>();
        credentials.add(text("mail.account.login", recipient.login()));
        if (!recipient.activated()) {
            credentials.add(text("mail.account.code", recipient.activationCode().value()));
        }
        String action = recipient.activated() ? text("mail.account.activated", link)
                : text("mail.account.activate", link);
        String ent = text("mail.account.ent", entUrl);
        String signature = text("mail.account.signature", school);
        String footer = text("mail.account.footer");
        String subject = text(reminder && !recipient.activated() ? "mail.account.reminder.subject"
                : "mail.account.subject", schoolName);

        String plain = String.join("\n\n", paragraphs) + "\n\n" + String.join("\n", credentials) + "\n\n" + action
                + "\n" + ent + "\n\n" + signature + "\n\n-- \n" + footer + "\n";
        String html = "<!DOCTYPE html><html lang=\"fr\"><body style=\"font-family: sans-serif; line-height: 1.5\">"
                + paragraphs.stream().map(p -> "<p>" + escape(p) + "</p>").collect(Collectors.joining())
                + "<p style=\"font-size: 1.15em\">" + credentials.stream().map(AccountMails::escape)
                        .collect(Collectors.joining("<br>")) + "</p>"
                + "<p>" + escape(action).replace(escape(link), "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>")
                + "</p><p>" + escape(text("mail.account.qr")) + "<br><img src=\"cid:qr\" width=\"180\" height=\"180\" alt=\"\"></p>"
                + "<p>" + escape(ent) + "</p><p>" + escape(signature) + "</p>"
                + "<p style=\"color: #666; font-size: 0.85em\">" + escape(footer) + "</p></body></html>";
        return new OutgoingMail(to, subject, plain, html, Map.of("qr", QrCode.png(link)), messageId, writer.uai());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, FRENCH);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
