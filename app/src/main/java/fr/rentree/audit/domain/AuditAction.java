package fr.rentree.audit.domain;

/** What the journal records: the actions on a school's accounts and codes that someone may have to account for. */
public enum AuditAction {
    SIGN_IN,
    IMPORT,
    PRINT,
    NEW_CODE,
    SEND_CODE,
    SEND_CAMPAIGN,
    CREATE_ACCOUNT,
    EDIT_ACCOUNT,
    DELETE_ACCOUNT,
    RESTORE_ACCOUNT,
    UNLOCK,
    RESET_PASSWORD,
    SCHOOL_SETTINGS
}
