package fr.rentree.process.domain;

/**
 * The names of the candidate groups of user tasks: {@code school:<UAI>} for the directors of a school,
 * {@code district:<district>} for the staff who follow a district. BPMN models write them the same way.
 */
public final class CandidateGroups {

    private CandidateGroups() {
    }

    public static String school(String uai) {
        return "school:" + uai;
    }

    public static String district(String district) {
        return "district:" + district;
    }
}
