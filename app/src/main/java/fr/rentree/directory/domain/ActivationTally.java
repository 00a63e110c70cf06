package fr.rentree.directory.domain;

/** How many accounts of one profile are activated and not yet (the "Statistiques" block of the console). */
public record ActivationTally(Profile profile, long activated, long notActivated) {

    public long total() {
        return activated + notActivated;
    }

    /** The share activated, in percent, rounded down; 0 when there is nobody. */
    public int percent() {
        return total() == 0 ? 0 : (int) (activated * 100 / total());
    }
}
