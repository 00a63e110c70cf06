package fr.rentree.mailing.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends e-mails through the configured SMTP server, many over one connection. Each e-mail's outcome is told as soon
 * as the server answered it, so the caller records it before the next one leaves. A server that cannot be reached,
 * or that refuses for now (4xx), is thrown to the caller (a process step), so the engine retries instead of mail being
 * lost; a server that refuses one address for good (5xx) is an outcome, and the others go on.
 */
@Service
public class MailService {

    private final JavaMailSenderImpl smtp;
    private final String from;
    private final BounceSettings bounces;

    MailService(JavaMailSenderImpl smtp, @Value("${rentree.mail.from}") String from, BounceSettings bounces) {
        this.smtp = smtp;
        this.from = from;
        this.bounces = bounces;
    }

    /** The domain of the sender's address, for Message-IDs. */
    public String domain() {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        return address.substring(address.indexOf('@') + 1).strip();
    }

    /**
     * Opens one SMTP connection for many e-mails in a row; close it when done.
     *
     * @throws MailSendException when the server cannot be reached or refuses the connection
     */
    public Connection connect() {
        try {
            Transport transport = smtp.getSession().getTransport(smtp.getProtocol());
            transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            return new Connection(transport);
        } catch (MessagingException e) {
            throw unreachable(e);
        }
    }

    /** An open SMTP connection: e-mails go one after the other, each answered before the next. */
    public final class Connection implements AutoCloseable {

        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /**
         * Sends one e-mail. A refusal for good (5xx, or an address no server could take) is an outcome.
         *
         * @throws MailSendException when the connection fails or the server refuses for now (4xx): try again later
         */
        public SendOutcome send(OutgoingMail mail) {
            MimeMessage message;
            try {
                message = message(mail);
            } catch (MailPreparationException e) { // an address no server could take
                return SendOutcome.refused(e.getMostSpecificCause().getMessage());
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return SendOutcome.ACCEPTED;
            } catch (SendFailedException e) {
                String refusal = permanentRefusal(e);
                if (refusal == null) {
                    throw unreachable(e);
                }
                return SendOutcome.refused(refusal);
            } catch (MessagingException e) {
                throw unreachable(e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the e-mails were answered one by one already; a failed QUIT loses nothing
            }
        }
    }

    private MailSendException unreachable(MessagingException e) {
        return new MailSendException("The SMTP server " + smtp.getHost() + ":" + smtp.getPort()
                + " did not take the mail: " + e.getMessage(), e);
    }

    /** The server's reply when it refused the address or the message for good (5xx); null otherwise. */
    private static @Nullable String permanentRefusal(SendFailedException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m
                ? m.getNextException() : null) {
            int code = cause instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : cause instanceof SMTPSendFailedException send ? send.getReturnCode() : 0;
            if (code >= 500) {
                return cause.getMessage().strip();
            }
        }
        return null;
    }

    private MimeMessage message(OutgoingMail mail) {
        MimeMessage message = mail.messageId() == null ? smtp.createMimeMessage()
                : new IdentifiedMessage(smtp.getSession(), mail.messageId(), bounces.address());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() == null) {
                helper.setText(mail.text());
            } else {
                helper.setText(mail.text(), mail.html());
                for (Map.Entry<String, byte[]> image : mail.inlineImages().entrySet()) {
                    helper.addInline(image.getKey(), new ByteArrayResource(image.getValue()), "image/png");
                }
            }
            if (mail.schoolUai() != null) {
                message.setHeader(OutgoingMail.SCHOOL_HEADER, mail.schoolUai());
            }
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot address a mail to " + mail.to(), e);
        }
        return message;
    }

    /**
     * A message whose Message-ID is ours, not the one Jakarta Mail makes up at each save; its envelope sender is the
     * bounce mailbox when there is one, so that notifications about it come back there.
     */
    private static final class IdentifiedMessage extends SMTPMessage {

        private final String messageId;

        IdentifiedMessage(jakarta.mail.Session session, String messageId, @Nullable String envelopeFrom) {
            super(session);
            this.messageId = messageId;
            setEnvelopeFrom(envelopeFrom);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
