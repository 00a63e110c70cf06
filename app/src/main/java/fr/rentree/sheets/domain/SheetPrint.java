package fr.rentree.sheets.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * The audit of a PDF of sheets: who printed the activation codes of which selection, when, and how many.
 *
 * @param selection the filters and order, as the director chose them
 */
public record SheetPrint(@Id @Nullable Long id, String schoolUai, String printedBy, Instant printedAt,
                         String selection, String layout, int sheets) {
}
