package fr.rentree.directory.domain;

/** What an import does to one account. */
public enum ChangeKind {
    CREATE, UPDATE, PRE_DELETE, RESTORE
}
