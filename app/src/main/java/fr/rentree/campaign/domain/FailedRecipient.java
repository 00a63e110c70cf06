package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.Recipient;

/** An e-mail that did not reach its recipient, with whom it was for: the director sees why that account went on paper. */
public record FailedRecipient(FailedMail mail, Recipient holder) {
}
