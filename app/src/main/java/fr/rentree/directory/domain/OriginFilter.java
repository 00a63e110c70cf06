package fr.rentree.directory.domain;

/** Which accounts a list keeps, by where they came from: imports (SIECLE, STS-web) or a director's hand. */
public enum OriginFilter {
    ALL, IMPORTED, MANUAL
}
