package fr.rentree.campaign.domain;

/** How the first round reaches the selected accounts (step 3 of the publipostage). */
public enum DistributionMode {
    /** A printed sheet for everyone. */
    PAPER,
    /** An e-mail to those with an address; those without are left out. */
    EMAIL,
    /** An e-mail where an address exists, a printed sheet for the others. */
    EMAIL_ELSE_PAPER
}
