package fr.rentree.school.domain;

/** A director saved the settings of a school: published in the saving transaction, for the journal to record. */
public record SettingsChanged(String uai, SchoolSettings settings) {
}
