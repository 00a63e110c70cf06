package fr.rentree.directory.domain;

import org.jspecify.annotations.Nullable;

/**
 * The directory's door for the texts of an account (names, e-mail, INE, ENT identifier): none holds a control
 * character. No real name has one; a C1 character (U+0080 to U+009F) is the mark of a file decoded in the wrong
 * character set ("Cocœ" in windows-1252 read as Latin-9 gives "Coc" + U+009C), which would then be printed on sheets
 * and sent in e-mails. The importer and the screens say so in the director's words first; this is the last check.
 */
public final class HolderTexts {

    private HolderTexts() {
    }

    /**
     * @return the text, unchanged
     * @throws IllegalArgumentException when it holds a control character (tab and line ends included)
     */
    public static @Nullable String printable(String field, @Nullable String text) {
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            int control = text.codePoints().filter(Character::isISOControl).findFirst().orElseThrow();
            throw new IllegalArgumentException(String.format("The %s holds a control character (U+%04X)", field,
                    control));
        }
        return text;
    }
}
