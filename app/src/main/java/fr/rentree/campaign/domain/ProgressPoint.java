package fr.rentree.campaign.domain;

import java.time.Instant;

import fr.rentree.directory.domain.Percent;

/** One count of a campaign's activations: a point of its chart. */
public record ProgressPoint(Instant checkedAt, int accounts, int activated) {

    public int percent() {
        return Percent.of(activated, accounts);
    }
}
