package fr.rentree.directory.domain;

/** How many accounts of one profile are activated and not yet (the "Statistiques" block of the console). */
public record ActivationTally(Profile profile, long activated, long notActivated) {

    public long total() {
        return activated + notActivated;
    }

    /** The share activated, in percent, rounded; 0 when there is nobody. */
    public int percent() {
        return Percent.of(activated, total());
    }
}
