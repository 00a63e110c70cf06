package fr.rentree.mailing.service;

/**
 * A delivery status notification saying an e-mail could not be delivered (RFC 3464, action "failed").
 *
 * @param messageId  the Message-ID of the e-mail that came back, as it was sent ({@code <...>})
 * @param recipient  the address that failed
 * @param diagnostic what the receiving server said (its Diagnostic-Code, else the status code)
 */
public record Bounce(String messageId, String recipient, String diagnostic) {
}
