package fr.rentree.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file as French spreadsheets open it: semicolons, a byte order mark so that accents read right, and no cell a
 * spreadsheet would run as a formula.
 */
public final class Spreadsheet implements AutoCloseable {

    private final CSVPrinter csv;

    public Spreadsheet(Writer out, List<String> header) {
        try {
            out.write('\ufeff');
            csv = new CSVPrinter(out, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                    .setHeader(header.toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; each cell inert (a school named "=HYPERLINK(…)" stays text). */
    public void line(Object... cells) {
        try {
            for (Object cell : cells) {
                csv.print(cell instanceof String text ? inert(text) : cell);
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell a spreadsheet will not run as a formula: a file named "=HYPERLINK(…)" stays text, as does one that a tab
     * or a carriage return starts (OWASP's list of formula starts).
     */
    public static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void close() {
        try {
            csv.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
