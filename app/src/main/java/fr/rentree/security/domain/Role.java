package fr.rentree.security.domain;

/** What a back-office user may do. */
public enum Role {
    /** Local administrator of one school (sometimes a few): runs its campaign and manages its accounts. */
    DIRECTOR,
    /** DSDEN, académie or collectivité: launches and follows campaigns, counts only: never a name, a login or a code. */
    DISTRICT_STAFF,
    /**
     * The district's ENT officer: creates schools and back-office users and reads the whole journal; directs no
     * school, so never reads a family's data or codes.
     */
    ADMIN
}
