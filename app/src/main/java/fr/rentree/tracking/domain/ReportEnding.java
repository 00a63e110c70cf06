package fr.rentree.tracking.domain;

/** How a district campaign ended, as its final report says. */
public enum ReportEnding {
    /** Every school's campaign ended before the deadline. */
    SCHOOLS_DONE,
    /** The deadline passed: the schools' campaigns still open were closed with it. */
    DEADLINE,
    /** District staff stopped it. */
    STOPPED
}
