package fr.rentree.devservices;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The dev SMTP catcher: a GreenMail server on loopback that keeps every message sent, newest first. */
public final class DevMailbox {

    private final GreenMail greenMail;

    DevMailbox(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    void start() {
        greenMail.start();
    }

    void stop() {
        greenMail.stop();
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<SentMail> sentMails() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(DevMailbox::toSentMail)
                .sorted(Comparator.comparing(SentMail::receivedAt).reversed())
                .toList();
    }

    private static SentMail toSentMail(MimeMessage message) {
        try {
            Instant received = Optional.ofNullable(message.getReceivedDate()).or(
                    () -> Optional.ofNullable(sentDate(message))).map(Date::toInstant).orElse(Instant.EPOCH);
            return new SentMail(received, join(message.getFrom()),
                    join(message.getAllRecipients()), message.getSubject(), body(message));
        } catch (MessagingException e) {
            return new SentMail(Instant.EPOCH, "", "", "(illisible : " + e.getMessage() + ")", "");
        }
    }

    private static Date sentDate(MimeMessage message) {
        try {
            return message.getSentDate();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String body(MimeMessage message) throws MessagingException {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }
}
