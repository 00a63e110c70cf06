package fr.rentree.devservices;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message the dev SMTP catcher received.
 *
 * @param schoolUai the school the application wrote it for (its {@code X-Rentree-School} header); null when none
 */
public record SentMail(Instant receivedAt, String from, String to, String subject, String body, String messageId,
                       @Nullable String schoolUai) {
}
