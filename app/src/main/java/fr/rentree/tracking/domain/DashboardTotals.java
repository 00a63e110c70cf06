package fr.rentree.tracking.domain;

import java.util.Map;

import fr.rentree.directory.domain.Profile;

/**
 * The totals above a district campaign's dashboard, over all its schools whatever the filter.
 *
 * @param byPhase how many schools stand at each phase (absent: none)
 * @param late    how many are late at their step
 * @param rate      the activation of all their accounts
 * @param byProfile the activation of their accounts of each profile followed (pupils, parents, teachers, staff)
 */
public record DashboardTotals(int schools, Map<Phase, Integer> byPhase, int late, Rate rate,
                              Map<Profile, Rate> byProfile) {
}
