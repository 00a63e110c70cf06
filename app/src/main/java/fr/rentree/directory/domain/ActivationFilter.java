package fr.rentree.directory.domain;

/** Which accounts a selection keeps, by activation: at the start of the year, the ones not activated. */
public enum ActivationFilter {
    NOT_ACTIVATED, ACTIVATED, ALL
}
