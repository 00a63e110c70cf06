package fr.rentree.directory.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The activation tallies of a group of accounts: a class (parents counted under their children's class) or a school.
 *
 * @param key   the class code or the school's UAI
 * @param label the class's long label or the school's name
 */
public record GroupTally(String key, String label, List<ActivationTally> byProfile) {

    public GroupTally {
        byProfile = List.copyOf(byProfile);
    }

    public long activated() {
        return byProfile.stream().mapToLong(ActivationTally::activated).sum();
    }

    public long total() {
        return byProfile.stream().mapToLong(ActivationTally::total).sum();
    }

    /** The share of the group's accounts activated, in percent, rounded; 0 when it has none. */
    public int percent() {
        return Percent.of(activated(), total());
    }

    /** The tallies of a profile summed over groups: a district's own "Statistiques" block. */
    public static List<ActivationTally> sum(Collection<GroupTally> groups) {
        Map<Profile, ActivationTally> sum = new EnumMap<>(Profile.class);
        groups.forEach(group -> group.byProfile().forEach(tally -> sum.merge(tally.profile(), tally,
                (a, b) -> new ActivationTally(a.profile(), a.activated() + b.activated(),
                        a.notActivated() + b.notActivated()))));
        return List.copyOf(sum.values());
    }

    /** This group's tally of one profile (zero when it has none). */
    public ActivationTally of(Profile profile) {
        return byProfile.stream().filter(tally -> tally.profile() == profile).findFirst()
                .orElse(new ActivationTally(profile, 0, 0));
    }
}
