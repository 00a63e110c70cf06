package fr.rentree.directory.domain;

import java.util.Set;

/**
 * The part of a school's imported accounts one export describes in full: an account of a covered part that the
 * export no longer lists has left; the parts not covered are left alone.
 */
public enum Coverage {
    /** SIECLE pupils (ElevesSansAdresses / ElevesAvecAdresses) */
    STUDENTS(Origin.SIECLE, Set.of(Profile.STUDENT)),
    /** SIECLE legal guardians (ResponsablesAvecAdresses) */
    PARENTS(Origin.SIECLE, Set.of(Profile.PARENT)),
    /** STS-web teachers and staff (sts_emp) */
    STAFF(Origin.STS_WEB, Set.of(Profile.TEACHER, Profile.STAFF));

    private final Origin origin;
    private final Set<Profile> profiles;

    Coverage(Origin origin, Set<Profile> profiles) {
        this.origin = origin;
        this.profiles = profiles;
    }

    public Origin origin() {
        return origin;
    }

    public boolean covers(Origin accountOrigin, Profile profile) {
        return origin == accountOrigin && profiles.contains(profile);
    }
}
