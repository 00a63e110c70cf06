package fr.rentree.tracking.domain;

/** Where a school of a district campaign stands, as the dashboard filters and counts it. */
public enum Phase {
    /** The school's start has not run yet (or failed: an incident). */
    STARTING,
    /** Its directors choose the recipients (or are about to). */
    SELECT,
    /** Its directors verify the list and choose the distribution. */
    VERIFY,
    /** Its directors hand out the printed sheets. */
    HAND_OUT,
    /** The campaign works on its own: e-mails, PDF, waiting for the next count, reminders. */
    WORKING,
    FINISHED,
    CANCELLED
}
