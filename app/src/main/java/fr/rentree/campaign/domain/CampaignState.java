package fr.rentree.campaign.domain;

/** Where a school campaign stands, as the school sees it; the exact step is the engine's (current steps). */
public enum CampaignState {
    /** Launched: the director chooses the recipients. */
    SELECTING,
    /** The selection is recorded: the campaign runs its steps (confirmation, waiting, progress). */
    RUNNING,
    /** The campaign went through all its steps. */
    FINISHED,
    /** Stopped by the school before its end. */
    CANCELLED;

    public boolean isOpen() {
        return this == SELECTING || this == RUNNING;
    }
}
