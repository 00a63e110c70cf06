package fr.rentree.mailing.service;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends e-mails through the configured SMTP server. A failure is thrown to the caller (a job worker), so the engine
 * retries the step instead of the mail being lost.
 */
@Service
public class MailService {

    private final JavaMailSender sender;
    private final String from;

    MailService(JavaMailSender sender, @Value("${rentree.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public void send(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot address a mail to " + mail.to(), e);
        }
        sender.send(message);
    }
}
