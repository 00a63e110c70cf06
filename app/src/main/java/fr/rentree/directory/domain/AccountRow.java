package fr.rentree.directory.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One line of the accounts table of a school. */
public record AccountRow(long id, Profile profile, Origin origin, String login, String lastName, String firstName,
                         @Nullable LocalDate birthDate, @Nullable String classes, @Nullable String email,
                         AccountState state, @Nullable Instant activatedAt, Instant createdAt) {
}
