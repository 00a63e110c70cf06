package fr.rentree.security.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A person who signs in to the back office (not an ENT account holder).
 *
 * @param passwordHash a {@code {bcrypt}...} hash, never the password; none until an invited user has chosen one (the
 *                     sign-in then compares with a hash nothing matches)
 * @param email        where the invitation goes
 * @param district     for district staff: they follow every school of this district (besides {@code schools})
 * @param sessionEpoch raised to end every session of the user (disabled, schools changed)
 */
public record BackOfficeUser(@Id @Nullable Long id, String username, @Nullable String passwordHash, String displayName,
        Role role, boolean enabled, @Nullable String email, @Nullable String district, int sessionEpoch,
        @MappedCollection(idColumn = "back_office_user") Set<SchoolScope> schools) {
}
