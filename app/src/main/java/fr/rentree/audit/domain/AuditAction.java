package fr.rentree.audit.domain;

/**
 * What the journal records: the actions on a school's accounts and codes that someone may have to account for, and
 * the administrators' actions on schools and back-office users.
 */
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
    SCHOOL_SETTINGS,
    CREATE_SCHOOL,
    REMOVE_SCHOOL,
    IMPORT_SCHOOLS,
    CREATE_USER,
    EDIT_USER,
    DISABLE_USER,
    ENABLE_USER,
    RESET_SECOND_FACTOR,
    INVITE
}
