package fr.rentree.demo.district;

import java.util.Objects;

/**
 * One school of the demo district: what {@link SiecleExport} needs to invent its pupils, guardians and staff.
 *
 * @param uai    the national establishment number, 7 digits and a check letter
 * @param name   the name shown to users, e.g. "Collège Lucie-Aubrac"
 * @param kind   which levels the school teaches
 * @param pupils how many pupils its exports hold
 */
public record DemoSchool(String uai, String name, Kind kind, int pupils) {

    /** The three kinds of school, each with its own levels and class codes. */
    public enum Kind { ECOLE, COLLEGE, LYCEE }

    public DemoSchool {
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (pupils < 1) {
            throw new IllegalArgumentException("a school has at least one pupil: " + pupils);
        }
    }
}
