package fr.rentree.directory.domain;

/** The one rounding of every percentage Rentrée shows: to the nearest unit, halves up (6 of 9 is 67 %). */
public final class Percent {

    private Percent() {
    }

    /** {@code part} of {@code whole} in percent, rounded; 0 when the whole is empty. */
    public static int of(long part, long whole) {
        return whole == 0 ? 0 : (int) ((part * 200 + whole) / (whole * 2));
    }
}
