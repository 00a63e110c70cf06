package fr.rentree.devservices;

import java.time.Instant;

/** A message the dev SMTP catcher received. */
public record SentMail(Instant receivedAt, String from, String to, String subject, String body, String messageId) {
}
