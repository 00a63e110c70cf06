package fr.rentree.sheets.ui;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The name of a PDF of sheets, saying what it holds so that a director finds it among their downloads:
 * {@code fiches-0936219E-CE1-A-8-comptes-par-page.pdf}. Only letters, digits, dashes and underscores, whatever the
 * system the file lands on.
 */
final class SheetFileName {

    /** More classes than this are counted, not listed. */
    private static final int LISTED = 3;

    private SheetFileName() {
    }

    /**
     * @param what   the classes chosen, in school order, or else the profiles; empty for every account
     * @param layout the model's name as the screen shows it
     */
    static String of(String uai, List<String> what, String layout) {
        String selection = what.size() > LISTED ? what.size() + "-classes"
                : what.stream().map(SheetFileName::safe).collect(Collectors.joining("_"));
        return Stream.of("fiches", safe(uai), selection, safe(layout)).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("-")) + ".pdf";
    }

    /** Accents dropped (Élèves → Eleves), every other character a single dash. */
    private static String safe(String text) {
        String plain = Normalizer.normalize(text.replace("Œ", "OE").replace("œ", "oe"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
