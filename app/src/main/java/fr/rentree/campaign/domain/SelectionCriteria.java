package fr.rentree.campaign.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Profile;

/**
 * The filters of step 1 of a publipostage. No profile chosen means every profile, as in the ENT consoles.
 */
public record SelectionCriteria(Set<Profile> profiles, ActivationFilter activation) {

    public SelectionCriteria {
        profiles = profiles.isEmpty() ? EnumSet.allOf(Profile.class) : EnumSet.copyOf(profiles);
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
