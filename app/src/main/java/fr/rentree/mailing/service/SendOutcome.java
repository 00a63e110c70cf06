package fr.rentree.mailing.service;

/**
 * What the SMTP server answered to one e-mail.
 *
 * @param accepted true when the server took the message; false when it refused it for good (a 5xx reply)
 * @param reply    the server's reply to a refusal; empty when accepted
 */
public record SendOutcome(boolean accepted, String reply) {

    static final SendOutcome ACCEPTED = new SendOutcome(true, "");

    static SendOutcome refused(String reply) {
        return new SendOutcome(false, reply);
    }
}
