package fr.rentree.campaign.domain;

/** The profiles of ENT accounts, as the selection filters name them. */
public enum Profile {
    STUDENT, PARENT, TEACHER, STAFF, GUEST
}
