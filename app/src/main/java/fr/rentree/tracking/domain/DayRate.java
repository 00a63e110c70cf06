package fr.rentree.tracking.domain;

import java.time.LocalDate;

/** The activation of a district campaign's schools at the end of a day. */
public record DayRate(LocalDate day, Rate rate) {
}
