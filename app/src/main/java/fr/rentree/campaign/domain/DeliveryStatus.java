package fr.rentree.campaign.domain;

/** Where one recipient's e-mail or sheet of a round stands. */
public enum DeliveryStatus {
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused at submission for good (a 5xx reply): the address is invalid. */
    REJECTED,
    /** Accepted, then returned by a delivery status notification: the address is invalid. */
    BOUNCED,
    /** In the round's PDF. */
    PRINTED
}
