package fr.rentree.campaign.domain;

import java.util.List;
import java.util.Optional;

import fr.rentree.process.domain.Incident;
import fr.rentree.process.domain.ProcessTrail;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as its page shows it: where its process went and stands, its rounds with their counts, its activation
 * rate over time and what failed. Counts only: nothing here names a family or holds a code, so district staff read it
 * as the school's directors do.
 *
 * @param trail     its process's trail; null for a campaign that never had a process
 * @param incidents the steps that failed on every retry and wait for someone to retry them
 */
public record CampaignDetail(Campaign campaign, String schoolName, @Nullable ProcessTrail trail,
                             List<RoundReport> rounds, List<ProgressPoint> progress, List<Incident> incidents) {

    public CampaignDetail {
        rounds = List.copyOf(rounds);
        progress = List.copyOf(progress);
        incidents = List.copyOf(incidents);
    }

    public Optional<ProcessTrail> processTrail() {
        return Optional.ofNullable(trail);
    }
}
