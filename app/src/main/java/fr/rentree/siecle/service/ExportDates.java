package fr.rentree.siecle.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import fr.rentree.siecle.domain.Finding;
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

    /** The date in the field, null when absent or "no end"; an unreadable date is an error said in the findings. */
    @Nullable LocalDate read(Fields record, String field, String file, List<Finding> findings) {
        String text = record.text(field);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, format);
            return date.equals(NO_END) ? null : date;
        } catch (DateTimeParseException e) {
            findings.add(Finding.error("date.invalid", file, record.line(), text, field, shownAs));
            return null;
        }
    }
}
