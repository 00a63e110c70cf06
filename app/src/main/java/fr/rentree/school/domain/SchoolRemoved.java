package fr.rentree.school.domain;

/** An administrator removed a school that had no data (for the journal). */
public record SchoolRemoved(String uai, String name) {
}
