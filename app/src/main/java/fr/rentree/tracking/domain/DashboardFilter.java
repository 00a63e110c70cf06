package fr.rentree.tracking.domain;

import java.util.Set;

import fr.rentree.school.domain.SchoolKind;
import org.jspecify.annotations.Nullable;

/**
 * Which schools of a district campaign the dashboard shows.
 *
 * @param kinds       the kinds kept; none means every kind
 * @param phase       the one phase kept; none means every phase
 * @param lateOnly    only the schools late at their step
 * @param underTarget  only the schools whose activation is below the campaign's target
 * @param withIncident only the schools with a failed step waiting for a person
 * @param text         a part of the school's name, UAI or commune; blank means any
 */
public record DashboardFilter(Set<SchoolKind> kinds, @Nullable Phase phase, boolean lateOnly, boolean underTarget,
                              boolean withIncident, String text) {

    public static final DashboardFilter ALL = new DashboardFilter(Set.of(), null, false, false, false, "");

    public DashboardFilter {
        kinds = Set.copyOf(kinds);
        text = text.strip();
    }
}
