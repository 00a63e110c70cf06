package fr.rentree.directory.domain;

/** Which accounts of the list, by their state (seed 004): in use by default, and each other state on its own. */
public enum StateFilter {
    /** Active accounts, the school's current users. */
    IN_USE,
    /** Accounts whose holders left, as the last import found. */
    PRE_DELETION,
    /** Manual accounts a director deleted: masked, restorable. */
    DELETED,
    /** Active accounts whose login too many wrong codes locked. */
    LOCKED,
    /** Every account, whatever its state. */
    ALL
}
