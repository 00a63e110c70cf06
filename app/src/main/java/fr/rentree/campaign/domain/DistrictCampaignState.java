package fr.rentree.campaign.domain;

/** Where a district campaign stands; each school's step is its own school campaign's. */
public enum DistrictCampaignState {
    /** Its schools' campaigns start and run. */
    RUNNING,
    /** Every school campaign has ended, or the deadline passed: the final report is written. */
    FINISHED,
    /** Stopped by district staff, with the school campaigns it started. */
    CANCELLED;

    public boolean isOpen() {
        return this == RUNNING;
    }
}
