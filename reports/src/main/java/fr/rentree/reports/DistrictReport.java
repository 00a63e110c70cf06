package fr.rentree.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The final report of a district campaign, as the PDF lays it out: every text already in the reader's words (the
 * application formats dates, kinds, steps and percentages), counts only, never an account.
 *
 * @param dates       when it was launched, its deadline, when it ended
 * @param outcome     how it ended (its schools done, the deadline, stopped)
 * @param target      the target, as written ("90 %")
 * @param schools     every school of the campaign, in name order
 * @param underTarget the schools whose final rate stays under the target, in name order
 */
public record DistrictReport(String district, String campaign, String dates, String outcome, int targetPercent,
                             String target, Rates rates, List<School> schools, List<School> underTarget) {

    public DistrictReport {
        schools = List.copyOf(schools);
        underTarget = List.copyOf(underTarget);
    }

    /** The district's final activation, overall and per profile. */
    public record Rates(Figure all, Figure students, Figure parents, Figure teachers, Figure staff) {
    }

    /** A rate: its percentage (none without accounts) and how it reads ("72 % (720 / 1 000)"). */
    public record Figure(@Nullable Integer percent, String text) {
    }

    /** One line of the per-school table. */
    public record School(String name, String uai, String kind, String step, Figure rate) {
    }
}
