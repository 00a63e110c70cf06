package fr.rentree.directory.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a set of exports says a school's imported accounts must be: the desired state an import moves the
 * directory to.
 *
 * @param coverage    the parts of the school's accounts these exports describe in full
 * @param classLabels long labels of the classes, by code, where the exports give them
 */
public record Roster(String schoolUai, SchoolYear year, Set<Coverage> coverage, List<RosterEntry> entries,
                     Map<String, String> classLabels) {

    public Roster {
        coverage = Set.copyOf(coverage);
        entries = List.copyOf(entries);
        classLabels = Map.copyOf(classLabels);
    }

    public boolean covers(Origin origin, Profile profile) {
        return coverage.stream().anyMatch(part -> part.covers(origin, profile));
    }
}
