package fr.rentree.directory.domain;

/** An account the directory holds from an earlier import, in the shape of the roster it is compared with. */
public record ImportedAccount(long id, String login, AccountState state, RosterEntry entry) {
}
