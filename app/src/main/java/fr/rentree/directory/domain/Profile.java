package fr.rentree.directory.domain;

/** The profiles of ENT accounts; each holder has exactly one. */
public enum Profile {
    /** a pupil (Élève), imported from SIECLE */
    STUDENT,
    /** a legal guardian (Parent), imported from SIECLE, with links to their children */
    PARENT,
    /** a teacher (Enseignant), imported from STS-web or created by the director */
    TEACHER,
    /** any other staff member (Personnel): direction, CPE, librarian... */
    STAFF,
    /** someone from outside the school (Invité), always created by hand */
    GUEST
}
