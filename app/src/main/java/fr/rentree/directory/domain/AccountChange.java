package fr.rentree.directory.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One change of an import.
 *
 * @param accountId     the account changed; null for a creation
 * @param login         its login; null for a creation (given when applied)
 * @param entry         the holder as the export says (for a pre-deletion: as the directory knew them)
 * @param changedFields for an update or a restoration: the fields that change ({@link RosterChanges#FIELDS})
 */
public record AccountChange(ChangeKind kind, @Nullable Long accountId, @Nullable String login, RosterEntry entry,
                            Set<String> changedFields) {
}
