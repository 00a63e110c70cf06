package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.Pile;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail of a campaign that did not reach its recipient: why, in the words of the mail server.
 *
 * @param round  the number of the round it belonged to
 * @param status REJECTED (refused at submission) or BOUNCED (a delivery status notification came back)
 * @param reply  the server's reply or the notification's diagnostic
 */
public record FailedMail(int round, long accountId, Pile pile, String email, DeliveryStatus status, @Nullable String reply) {
}
