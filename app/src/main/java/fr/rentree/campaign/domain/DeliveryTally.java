package fr.rentree.campaign.domain;

/**
 * What a school campaign delivered over all its rounds, as district staff follow it: counts only.
 *
 * @param sent      e-mails accepted by the mail server
 * @param refused   e-mails refused at submission
 * @param bounced   e-mails that came back
 * @param printed   sheets in the rounds' PDFs
 * @param handedOut sheets of the piles ticked as handed out
 */
public record DeliveryTally(int sent, int refused, int bounced, int printed, int handedOut) {

    public static final DeliveryTally NONE = new DeliveryTally(0, 0, 0, 0, 0);
}
