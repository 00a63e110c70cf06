package fr.rentree.support;

/**
 * Texts as tests compare them: the non-breaking spaces of French typography read as plain spaces. The typography
 * itself is tested once, on the bundles ({@code MessagesTest}) and the sheets.
 */
public final class Typography {

    private Typography() {
    }

    public static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
