package fr.rentree.security.domain;

/** What a back-office user may do. */
public enum Role {
    /** Local administrator of one school (sometimes a few): runs its campaign and manages its accounts. */
    DIRECTOR,
    /** DSDEN, académie or collectivité: launches and follows campaigns, reads accounts, never sees codes. */
    DISTRICT_STAFF
}
