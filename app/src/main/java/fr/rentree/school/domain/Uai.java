package fr.rentree.school.domain;

import java.util.regex.Pattern;

/** The UAI (formerly RNE): seven digits and a check letter, the remainder of the number by 23 in a fixed alphabet. */
public final class Uai {

    private static final Pattern SHAPE = Pattern.compile("\\d{7}[A-Z]");
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Uai() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches()
                && CHECK_LETTERS.charAt(Integer.parseInt(candidate.substring(0, 7)) % 23) == candidate.charAt(7);
    }

    /** The valid UAI of a seven-digit number (tests and demo data make their own schools). */
    public static String of(int number) {
        return String.format("%07d%c", number, CHECK_LETTERS.charAt(number % 23));
    }
}
