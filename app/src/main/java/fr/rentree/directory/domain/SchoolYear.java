package fr.rentree.directory.domain;

import java.time.LocalDate;
import java.time.Month;

/**
 * A school year, named by the year it starts in (2026 = 2026-2027), as SIECLE's {@code ANNEE_SCOLAIRE} does.
 * The year turns on the 1st of August, when schools start preparing the next rentrée.
 */
public record SchoolYear(int startYear) {

    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonth().compareTo(Month.AUGUST) >= 0 ? day.getYear() : day.getYear() - 1);
    }

    public String label() {
        return startYear + "-" + (startYear + 1);
    }
}
