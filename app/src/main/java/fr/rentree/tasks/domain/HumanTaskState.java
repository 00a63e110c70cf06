package fr.rentree.tasks.domain;

/** Where a mirrored user task stands. */
public enum HumanTaskState {
    /** In the inbox, waiting for its candidate group. */
    OPEN,
    /** Someone submitted it; the engine is being told. Guards against a double submission. */
    COMPLETING,
    /** The engine accepted the completion; the process moved on. */
    COMPLETED,
    /** The engine no longer has the job (process cancelled or ended): out of every inbox. */
    CANCELLED
}
