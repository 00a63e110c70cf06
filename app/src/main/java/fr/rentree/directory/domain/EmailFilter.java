package fr.rentree.directory.domain;

/** Which accounts a selection keeps, by e-mail address: those with one can be reached by mail. */
public enum EmailFilter {
    ALL, WITH_EMAIL, WITHOUT_EMAIL
}
