package fr.rentree.campaign.domain;

import java.util.List;
import java.util.Optional;

import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;

/**
 * A campaign as the "Campagnes" screen lists it: where its process stands and what failed there.
 *
 * @param steps       the steps its process stands at (none once it has ended)
 * @param incidents   the steps that failed on every retry and wait for someone to retry them
 * @param interrupted the steps a stopped campaign was stopped at (none for any other)
 * @param launchedBy  who launched it, as this user may read it: a username, or empty for "the school's direction"
 *                    (district staff do not read directors' usernames)
 */
public record CampaignOverview(Campaign campaign, List<CurrentStep> steps, List<Incident> incidents,
                               List<CurrentStep> interrupted, Optional<String> launchedBy) {

    public CampaignOverview {
        steps = List.copyOf(steps);
        incidents = List.copyOf(incidents);
        interrupted = List.copyOf(interrupted);
    }
}
