package fr.rentree.school.domain;

/** An administrator imported an export of the national directory (for the journal). */
public record SchoolsImported(String fileName, int created, int updated, int unchanged) {
}
