package fr.rentree.tracking.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which lines of a district campaign to read, with what the filter needs beside the lines themselves.
 *
 * @param targetPercent   the campaign's target (the "under target" filter)
 * @param weekAgo         the day whose copy gives the trend
 * @param incidentSchools the schools with a failed step (the "with incident" filter), from the engine
 */
public record LineQuery(long campaignId, DashboardFilter filter, int targetPercent, LocalDate weekAgo,
                        Set<String> incidentSchools) {

    public LineQuery {
        incidentSchools = Set.copyOf(incidentSchools);
    }
}
