package fr.rentree.directory.domain;

import org.jspecify.annotations.Nullable;

/**
 * One sheet's place in a distribution: whose it is and the pile it goes in. A list of them, read in one statement,
 * is what a print or a campaign round works through, whatever an import changes meanwhile.
 *
 * @param email the account's address when the list was read; null when it has none
 */
public record Placement(long accountId, Pile pile, @Nullable String email) {
}
