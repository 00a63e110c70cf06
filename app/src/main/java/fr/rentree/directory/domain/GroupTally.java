package fr.rentree.directory.domain;

import java.util.List;

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
}
