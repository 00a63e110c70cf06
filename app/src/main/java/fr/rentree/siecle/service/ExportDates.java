package fr.rentree.siecle.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.jspecify.annotations.Nullable;

/** Dates as the exports write them: dd/MM/yyyy in SIECLE, yyyy-MM-dd in STS-web; 31/12/9999 means "no end". */
enum ExportDates {
    BEE("dd/MM/uuuu", "jj/mm/aaaa"), STS("uuuu-MM-dd", "aaaa-mm-jj");

    private static final LocalDate NO_END = LocalDate.of(9999, 12, 31);

    private final DateTimeFormatter format;
    private final String shownAs;

    ExportDates(String pattern, String shownAs) {
        this.format = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        this.shownAs = shownAs;
    }

    /** The date, null for "no end". */
    @Nullable LocalDate parse(String text) throws DateTimeParseException {
        LocalDate date = LocalDate.parse(text, format);
        return date.equals(NO_END) ? null : date;
    }

    /** The format as a message shows it to the user ({@code jj/mm/aaaa}). */
    String shownAs() {
        return shownAs;
    }
}
