package fr.rentree.directory.domain;

/**
 * A school's reports by parents that a pupil named on their account is not theirs: how many wait for the director,
 * how many were handled. Counts only, for the statistics.
 */
public record ReportTally(int open, int handled) {

    public boolean any() {
        return open + handled > 0;
    }
}
