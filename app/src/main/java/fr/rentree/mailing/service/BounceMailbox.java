package fr.rentree.mailing.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * The bounce mailbox, read over IMAP: each delivery status notification of a failed e-mail is told to the caller,
 * then deleted once the caller has recorded it. Whatever else lands there (an out-of-office reply, a delay notice,
 * a notification about mail that is not ours) is marked read and left for a person.
 */
@Service
@EnableConfigurationProperties(BounceSettings.class)
public class BounceMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(BounceMailbox.class);

    private final BounceSettings settings;

    BounceMailbox(BounceSettings settings) {
        this.settings = settings;
    }

    public boolean configured() {
        return settings.configured();
    }

    /**
     * Reads the unread notifications.
     *
     * @param recorded told each bounce; true when it was one of ours and is recorded, so its message can go
     * @return how many bounces were recorded
     */
    public int collect(Predicate<Bounce> recorded) {
        if (!configured()) {
            return 0;
        }
        Properties properties = new Properties();
        properties.put("mail." + settings.protocol() + ".connectiontimeout", "10000");
        properties.put("mail." + settings.protocol() + ".timeout", "30000");
        int count = 0;
        try (Store store = Session.getInstance(properties).getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    List<Bounce> bounces = bounces(message);
                    boolean ours = !bounces.isEmpty();
                    for (Bounce bounce : bounces) {
                        if (recorded.test(bounce)) {
                            count++;
                        } else {
                            ours = false;
                        }
                    }
                    message.setFlag(ours ? Flags.Flag.DELETED : Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(true); // expunges the notifications recorded
            }
        } catch (MessagingException e) {
            throw new BounceMailboxException("The bounce mailbox " + settings.host() + ":" + settings.port()
                    + " could not be read: " + e.getMessage(), e);
        }
        return count;
    }

    /** The failed recipients a notification reports; none when it is not a delivery status notification. */
    static List<Bounce> bounces(Message message) {
        try {
            if (!(message.getContent() instanceof MultipartReport report)
                    || !(report.getReport() instanceof DeliveryStatus status)) {
                return List.of();
            }
            MimeMessage returned = report.getReturnedMessage();
            String messageId = returned == null ? null : returned.getHeader("Message-ID", null);
            if (messageId == null) {
                return List.of();
            }
            List<Bounce> bounces = new ArrayList<>();
            for (int i = 0; i < status.getRecipientDSNCount(); i++) {
                InternetHeaders recipient = status.getRecipientDSN(i);
                if ("failed".equalsIgnoreCase(field(recipient, "Action").orElse(""))) {
                    String address = field(recipient, "Final-Recipient").or(() -> field(recipient,
                            "Original-Recipient")).map(BounceMailbox::untyped).orElse("");
                    String diagnostic = field(recipient, "Diagnostic-Code").map(BounceMailbox::untyped)
                            .or(() -> field(recipient, "Status")).orElse("");
                    bounces.add(new Bounce(messageId.strip(), address, diagnostic));
                }
            }
            return bounces;
        } catch (MessagingException | IOException | MailException e) {
            LOG.warn("A message of the bounce mailbox could not be read: {}", e.getMessage());
            return List.of();
        }
    }

    private static Optional<String> field(InternetHeaders headers, String name) {
        return Optional.ofNullable(headers.getHeader(name, " ")).map(value -> value.replaceAll("\\s+", " ").strip());
    }

    /** "rfc822; jean@exemple.fr" and "smtp; 550 ..." are typed: the type goes, the value stays. */
    private static String untyped(String typed) {
        int semicolon = typed.indexOf(';');
        return semicolon < 0 ? typed : typed.substring(semicolon + 1).strip();
    }
}
