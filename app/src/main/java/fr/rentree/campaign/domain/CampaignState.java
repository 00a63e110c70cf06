package fr.rentree.campaign.domain;

/** Where a school campaign stands. */
public enum CampaignState {
    /** Waiting for the director to choose the recipients. */
    SELECTING,
    /** The selection is recorded and was confirmed to the school. */
    SELECTION_RECORDED
}
