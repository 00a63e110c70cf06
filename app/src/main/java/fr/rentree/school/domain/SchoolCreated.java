package fr.rentree.school.domain;

/** An administrator created a school by hand (for the journal). */
public record SchoolCreated(String uai, String name) {
}
