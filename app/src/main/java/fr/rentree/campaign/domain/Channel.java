package fr.rentree.campaign.domain;

/** How a recipient of a round is reached. */
public enum Channel {
    MAIL, PAPER
}
