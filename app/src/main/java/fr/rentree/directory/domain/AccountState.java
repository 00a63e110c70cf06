package fr.rentree.directory.domain;

/** An account's lifecycle in the directory. */
public enum AccountState {
    ACTIVE,
    /** gone from the last import: hidden, kept, restored if the holder comes back in a later import */
    PRE_DELETION,
    /** removed by hand (manual accounts only); kept for the record */
    DELETED
}
