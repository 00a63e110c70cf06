package fr.rentree.devservices;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * The dev SMTP catcher: a GreenMail server on loopback that keeps every message sent, newest first. Its IMAP side
 * holds the bounce mailbox ({@link #BOUNCES}), where the application reads delivery status notifications.
 */
public final class DevMailbox {

    /** The bounce mailbox's address, login and password. */
    public static final String BOUNCES = "retours@rentree.localhost";
    /** The header by which the application names the school of a mail (see {@code mailing.service.OutgoingMail}). */
    static final String SCHOOL_HEADER = "X-Rentree-School";

    private final GreenMail greenMail;

    DevMailbox(int smtpPort, int imapPort) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    }

    void start() {
        greenMail.start();
        greenMail.setUser(BOUNCES, BOUNCES, BOUNCES);
    }

    void stop() {
        greenMail.stop();
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    public List<SentMail> sentMails() {
        return sentMails(school -> true);
    }

    /**
     * The mails whose school (their {@code X-Rentree-School} header; null for a mail of no school) passes the test.
     * The others' bodies are not even read: after a few campaigns the catcher holds thousands of mails with their QR
     * codes, and a director's page wants a handful.
     */
    public List<SentMail> sentMails(Predicate<@Nullable String> school) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> school.test(schoolOf(message)))
                .map(DevMailbox::toSentMail)
                .sorted(Comparator.comparing(SentMail::receivedAt).reversed())
                .toList();
    }

    private static SentMail toSentMail(MimeMessage message) {
        try {
            Instant received = Optional.ofNullable(message.getReceivedDate()).or(
                    () -> Optional.ofNullable(sentDate(message))).map(Date::toInstant).orElse(Instant.EPOCH);
            return new SentMail(received, join(message.getFrom()),
                    join(message.getAllRecipients()), message.getSubject(), body(message),
                    Optional.ofNullable(message.getMessageID()).orElse(""), schoolOf(message));
        } catch (MessagingException e) {
            return new SentMail(Instant.EPOCH, "", "", "(illisible : " + e.getMessage() + ")", "", "", null);
        }
    }

    private static @Nullable String schoolOf(MimeMessage message) {
        try {
            return message.getHeader(SCHOOL_HEADER, null);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Date sentDate(MimeMessage message) {
        try {
            return message.getSentDate();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The plain text of the message: its text/plain part when it has parts (an HTML e-mail has both). */
    private static String body(MimeMessage message) throws MessagingException {
        try {
            String text = text(message.getContent());
            return text != null ? text : GreenMailUtil.getBody(message);
        } catch (IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static @Nullable String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String text = part.isMimeType("text/plain") ? (String) part.getContent()
                        : part.isMimeType("multipart/*") ? text(part.getContent()) : null;
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The addresses as a mail reader shows them: names decoded ("Rentrée", not "=?UTF-8?Q?Rentr=C3=A9e?="). */
    private static String join(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(address -> address
                instanceof InternetAddress internet && internet.getPersonal() != null
                        ? internet.getPersonal() + " <" + internet.getAddress() + ">" : address.toString()).toList());
    }
}
