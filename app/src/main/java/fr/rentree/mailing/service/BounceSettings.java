package fr.rentree.mailing.service;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox where delivery status notifications come back ({@code rentree.mail.bounces.*}): read over IMAP when a
 * host is set; without one, only the refusals the SMTP server gives at submission are known.
 *
 * @param address  the envelope sender of campaign e-mails, so that mail servers send their notifications there;
 *                 null keeps the From address
 * @param protocol {@code imap}, or {@code imaps} for TLS from the first byte
 * @param every    how often the mailbox is read
 */
@ConfigurationProperties("rentree.mail.bounces")
public record BounceSettings(@Nullable String host, @DefaultValue("143") int port,
                             @DefaultValue("imap") String protocol, @Nullable String username,
                             @Nullable String password, @DefaultValue("INBOX") String folder,
                             @Nullable String address, @DefaultValue("PT5M") Duration every) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
