package fr.rentree.security.domain;

/** What became of one attempt at the back-office sign-in, or what it set off; one row of {@code sign_in_attempt}. */
public enum SignInOutcome {
    /** Signed in: the username's count of failures starts again from zero. */
    SUCCESS,
    /** A wrong username or password (or a disabled user): counted against the username and the address. */
    FAILURE,
    /** Refused unread: too soon after the username's last failure. Not counted, it is no new guess. */
    THROTTLED,
    /** Refused unread: the username is locked for now. Not counted. */
    LOCKED,
    /** Refused unread: the client address is locked for now. Not counted. */
    ADDRESS_LOCKED,
    /** The failure just recorded locked the username. */
    LOCKOUT_USERNAME,
    /** The failure just recorded locked the client address. */
    LOCKOUT_ADDRESS,
    /**
     * The password was right and the second factor is awaited: the username's count of failures stays, so that
     * someone who knows the password cannot clear it between guesses at the code.
     */
    AWAITING_CODE,
    /** A wrong second-factor code (or one already used): counted like a wrong password. */
    WRONG_CODE;

    /** Whether the attempt was turned away before its password was even looked at. */
    public boolean refusedUnread() {
        return this == THROTTLED || this == LOCKED || this == ADDRESS_LOCKED;
    }
}
