package fr.rentree.reports;

import java.text.Normalizer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Sheets made up on the fly, never held: as many as a test or the benchmark asks for. */
final class SampleSheets implements Iterator<Sheet> {

    private static final String[] FIRST = {"Zoé", "Léa", "Noël", "Maëlys", "Jean-Baptiste", "Œdipe", "Inès", "Chloé"};
    private static final String[] LAST = {"MARTIN--DUPONT", "L'HÔTE", "BŒUF", "GARÇON", "N'DIAYE", "ÉLOI"};

    private final int count;
    private final int perPile;
    private int made;

    /** {@code count} sheets in piles of {@code perPile} ("6e 1", "6e 2"…), one in three a parent, one in five activated. */
    SampleSheets(int count, int perPile) {
        this.count = count;
        this.perPile = perPile;
    }

    @Override
    public boolean hasNext() {
        return made < count;
    }

    @Override
    public Sheet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int n = made++;
        String className = "6e " + (n / perPile + 1);
        Pile pile = new Pile(className, "Classe " + className, perPile + " fiches · Professeur principal : Mme Lefèvre");
        String first = FIRST[n % FIRST.length];
        String last = LAST[n % LAST.length];
        String login = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD).toLowerCase()
                .replace("œ", "oe").replaceAll("[^a-z.-]", "").replace("--", "-") + n;
        boolean parent = n % 3 == 2;
        return new Sheet(pile, "Collège Jean-Jaurès", "https://ent.exemple.fr", first + " " + last,
                parent ? "Parent" : "Élève", parent ? null : className,
                parent ? "Léa " + last + " (" + className + "), Tom " + last + " (4e 2)" : null, login,
                n % 5 == 4 ? null : code(n), "https://rentree.exemple.fr/activation?identifiant=" + login, false);
    }

    private static String code(int n) {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0, x = n * 7919 + 13; i < 8; i++, x = x * 31 + 7) {
            code.append(alphabet.charAt(Math.floorMod(x, alphabet.length())));
        }
        return code.toString();
    }
}
