package fr.rentree.directory.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of the accounts table of a school.
 *
 * @param locked   whether too many wrong codes locked the login (until a director unlocks it)
 * @param reported whether the holder, a parent, reported a pupil who is not theirs and the school has not handled it
 */
public record AccountRow(long id, Profile profile, Origin origin, String login, String lastName, String firstName,
                         @Nullable LocalDate birthDate, @Nullable String classes, @Nullable String email,
                         AccountState state, @Nullable Instant activatedAt, boolean locked,
                         boolean reported, Instant createdAt) {
}
