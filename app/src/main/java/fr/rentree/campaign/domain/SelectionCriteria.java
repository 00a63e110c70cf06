package fr.rentree.campaign.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Profile;

/**
 * The filters of step 1 of a publipostage. No profile chosen means every profile, as in the ENT consoles.
 * Travels as small process variables, never as a list of accounts.
 */
public record SelectionCriteria(Set<Profile> profiles, ActivationFilter activation) {

    public SelectionCriteria {
        profiles = profiles.isEmpty() ? EnumSet.allOf(Profile.class) : EnumSet.copyOf(profiles);
    }

    public Map<String, Object> toVariables() {
        return Map.of("profiles", profiles.stream().map(Enum::name).toList(), "activation", activation.name());
    }

    public static SelectionCriteria fromVariables(List<String> profiles, String activation) {
        return new SelectionCriteria(profiles.stream().map(Profile::valueOf).collect(Collectors.toSet()),
                ActivationFilter.valueOf(activation));
    }

    /** The profiles as stored in one column, in a stable order. */
    String profilesColumn() {
        return profiles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Profile> parseProfiles(String column) {
        return Arrays.stream(column.split(",")).map(Profile::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Profile.class)));
    }
}
