package fr.rentree.school.domain;

/** The three kinds of schools an ENT serves; they differ in classes and in who has accounts. */
public enum SchoolKind {
    ECOLE, COLLEGE, LYCEE
}
