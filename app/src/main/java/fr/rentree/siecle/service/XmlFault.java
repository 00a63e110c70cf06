package fr.rentree.siecle.service;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import fr.rentree.siecle.domain.Finding;
import org.jspecify.annotations.Nullable;

/**
 * Why the parser stopped, in the director's words. The parser's own text is in its terms ("Content is not allowed in
 * prolog") and in the server's language, so the fault is told from where it happened instead: before the root
 * element, after it, or inside it from the characters at the place the parser gives.
 */
final class XmlFault {

    /** An element still open when the parser stopped. */
    record Open(String name, int line) {
    }

    private static final Pattern ENTITY = Pattern.compile("&[^&;<>\\s]*;?$");
    private static final Pattern END_TAG = Pattern.compile("</[^<>\\s]*$");
    private static final int WINDOW = 80;
    private static final String DECLARATION = "<?xml";

    private XmlFault() {
    }

    /**
     * @param root      the root element, null when the parser stopped before it
     * @param innermost the innermost element open, null before the root or after its end
     */
    static Finding of(DecodedExport export, XMLStreamException fault, @Nullable String root, @Nullable Open innermost)
            throws IOException {
        String file = export.name();
        Location location = fault.getLocation();
        Integer line = location == null ? null : location.getLineNumber();
        String column = location == null ? "?" : Integer.toString(location.getColumnNumber());
        if (root == null) {
            int first = firstAfterDeclaration(export);
            return first < 0 ? Finding.error("empty", file, null)
                    : first != '<' ? Finding.error("not-xml", file, null)
                    : Finding.error("malformed.other", file, line, column);
        }
        if (innermost == null) {
            return Finding.error("malformed.trailing", file, line, root);
        }
        Place place = location == null ? new Place("", -1, false)
                : Place.read(export, location.getLineNumber(), location.getColumnNumber());
        Integer forbidden = place.forbiddenCharacter();
        if (forbidden != null) {
            return Finding.error("malformed.character", file, line, String.format("U+%04X", forbidden));
        }
        if (ENTITY.matcher(place.before()).find()) {
            return Finding.error("malformed.ampersand", file, line);
        }
        if (place.atEnd()) { // the file ends inside an element: cut short, not mistyped
            return Finding.error("truncated", file, null, innermost.name(), innermost.line());
        }
        if (END_TAG.matcher(place.before()).find()) { // another element's end tag
            return Finding.error("malformed", file, line, innermost.name(), innermost.line());
        }
        return Finding.error("malformed.other", file, line, column);
    }

    /**
     * The first character that is neither white space nor part of the XML declaration, -1 when there is none: a file
     * that has only its declaration is as empty as one that has nothing.
     */
    private static int firstAfterDeclaration(DecodedExport export) throws IOException {
        try (Reader reader = export.reader()) {
            int c = firstVisible(reader);
            if (c != '<') {
                return c;
            }
            StringBuilder start = new StringBuilder("<");
            for (int next = reader.read(); next >= 0 && start.length() < DECLARATION.length(); next = reader.read()) {
                start.append((char) next);
            }
            if (!start.toString().equals(DECLARATION)) {
                return '<';
            }
            for (int previous = -1, next = reader.read(); next >= 0; previous = next, next = reader.read()) {
                if (previous == '?' && next == '>') {
                    return firstVisible(reader);
                }
            }
            return '<'; // a declaration never closed: malformed, not empty
        }
    }

    private static int firstVisible(Reader reader) throws IOException {
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Where the parser stopped, read again: the end of its line up to that column, the character at it (-1 when none),
     * and whether the file ends there.
     */
    private record Place(String before, int at, boolean atEnd) {

        /** Reads as far as the place only, keeping no more than a short window of the line. */
        static Place read(DecodedExport export, int line, int column) throws IOException {
            try (Reader reader = export.reader()) {
                int current = 1;
                int previous = -1;
                int c = reader.read();
                for (; c >= 0 && current < line; c = reader.read()) { // \r, \n and \r\n end a line, as for the parser
                    if (c == '\n' && previous != '\r' || c == '\r') {
                        current++;
                    }
                    previous = c;
                }
                if (previous == '\r' && c == '\n') {
                    c = reader.read();
                }
                StringBuilder before = new StringBuilder();
                for (int position = 1; c >= 0 && c != '\n' && c != '\r' && position < column; position++) {
                    before.append((char) c);
                    if (before.length() > WINDOW) {
                        before.deleteCharAt(0);
                    }
                    c = reader.read();
                }
                int at = c == '\n' || c == '\r' ? -1 : c;
                boolean atEnd = c < 0 || at < 0 && reader.read() < 0;
                return new Place(before.toString(), at, atEnd);
            }
        }

        /** A character XML forbids (control characters but tab and line ends), at the place or just before it. */
        @Nullable Integer forbiddenCharacter() {
            int last = before.isEmpty() ? -1 : before.charAt(before.length() - 1);
            for (int c : new int[] {at, last}) {
                if (c >= 0 && (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF)) {
                    return c;
                }
            }
            return null;
        }
    }
}
