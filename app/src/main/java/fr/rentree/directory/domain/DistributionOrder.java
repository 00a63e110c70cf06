package fr.rentree.directory.domain;

/** How the sheets are sorted, so that the printed stack splits into piles to hand out. */
public enum DistributionOrder {
    ALPHABETICAL,
    /** Pupils, then parents, teachers, staff and guests, each alphabetically. */
    BY_PROFILE,
    /** Each class's pupils then their parents; those without a class after, then the staff by profile. */
    BY_CLASS
}
