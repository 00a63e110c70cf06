package fr.rentree.security.domain;

/** A school's director as the campaigns write to them: who, and where. */
public record DirectorContact(String username, String displayName, String email) {
}
