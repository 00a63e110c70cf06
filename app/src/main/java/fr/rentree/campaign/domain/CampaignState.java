package fr.rentree.campaign.domain;

/** Where a school campaign stands, as the school sees it; the exact step is the engine's (current steps). */
public enum CampaignState {
    /** Launched: the director chooses and verifies the recipients. */
    SELECTING,
    /** The list is validated: the campaign distributes, waits, counts and reminds. */
    RUNNING,
    /** The target was reached or the deadline passed: the summary is done. */
    FINISHED,
    /** Stopped by the school before its end. */
    CANCELLED;

    public boolean isOpen() {
        return this == SELECTING || this == RUNNING;
    }
}
