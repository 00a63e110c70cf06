package fr.rentree.directory.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The login of an account: {@code prenom.nom}, ASCII-folded and lower case, with a counter when another holder took
 * it first ({@code jean.martin}, {@code jean.martin1}, ...). Built once, at creation, and never changed.
 */
public final class Login {

    private static final int MAX_PART = 45;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern NOT_KEPT = Pattern.compile("[^a-z0-9-]");

    private Login() {
    }

    /** The login before any collision counter: {@code Jean-Baptiste} {@code MARTIN--DUPONT} → {@code jean-baptiste.martin-dupont}. */
    public static String base(String firstName, String lastName) {
        return part(firstName) + "." + part(lastName);
    }

    /** The login with the given collision counter (0 = none). */
    public static String numbered(String base, int counter) {
        return counter == 0 ? base : base + counter;
    }

    private static String part(String name) {
        String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
                .replace("ß", "ss").replace("ł", "l").replace("Ł", "l").replace("ø", "o").replace("Ø", "o");
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        folded = SEPARATORS.matcher(folded).replaceAll("-"); // compound and double (--) names keep one hyphen
        folded = NOT_KEPT.matcher(folded).replaceAll(""); // apostrophes and the rest: N'DIAYE → ndiaye
        folded = folded.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (folded.length() > MAX_PART) {
            folded = folded.substring(0, MAX_PART).replaceAll("-$", "");
        }
        return folded.isEmpty() ? "x" : folded;
    }
}
