package fr.rentree.directory.domain;

/** Which accounts a selection keeps, by the school's local-administrator flag (seed 001). */
public enum LocalAdminFilter {
    ALL, ONLY, EXCLUDED
}
