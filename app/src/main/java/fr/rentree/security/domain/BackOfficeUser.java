package fr.rentree.security.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A person who signs in to the back office (not an ENT account holder).
 *
 * @param passwordHash a {@code {bcrypt}...} hash, never the password
 */
public record BackOfficeUser(@Id @Nullable Long id, String username, String passwordHash, String displayName,
        Role role, boolean enabled,
        @MappedCollection(idColumn = "back_office_user") Set<SchoolScope> schools) {
}
