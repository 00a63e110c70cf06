package fr.rentree.directory.domain;

/**
 * A person's name as families write it, on sheets, e-mails and the public pages. SIECLE joins the two parts of a
 * double family name with two hyphens ("DUFOUR--ROBIN", the civil registry's way of telling a double name from a
 * hyphenated one); nobody writes it so, and a parent reading "DUFOUR--ROBIN" on a sheet thinks of a typing error.
 * The directory keeps the name as imported (the next import matches on it).
 */
public final class WrittenName {

    private WrittenName() {
    }

    /** "Léa DUFOUR-ROBIN" for SIECLE's "Léa" and "DUFOUR--ROBIN". */
    public static String of(String firstName, String lastName) {
        return written(firstName) + " " + written(lastName);
    }

    /** One part of a name, its double hyphens made single. */
    public static String written(String name) {
        return name.replaceAll("\\s*-{2,}\\s*", "-");
    }
}
