package fr.rentree.activation.domain;

/**
 * Why the public pages refuse an attempt. A wrong login and a wrong code are one reason: the page never says which.
 */
public enum Refusal {
    /** The login or the code is wrong (or the account is already activated, or gone). */
    WRONG,
    /** The code was right but is past its validity: the school issues a new one. */
    EXPIRED,
    /** Too many failures on this login just now: wait a little. */
    THROTTLED,
    /** Too many failures on this login: the school unlocks it. */
    LOGIN_LOCKED,
    /** Too many failures from this connection: it waits an hour. */
    ADDRESS_LOCKED
}
