package fr.rentree.tracking.domain;

import java.util.Optional;

import fr.rentree.directory.domain.Percent;

/** Activated accounts among accounts: a school's, a profile's, or the district's. */
public record Rate(long activated, long accounts) {

    public static final Rate NONE = new Rate(0, 0);

    /** The share activated, in percent; none without any account. */
    public Optional<Integer> percent() {
        return accounts == 0 ? Optional.empty() : Optional.of(Percent.of(activated, accounts));
    }

    public Rate plus(Rate other) {
        return new Rate(activated + other.activated, accounts + other.accounts);
    }
}
