package fr.rentree.campaign.domain;

import java.util.List;

import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;

/**
 * A campaign as the "Campagnes" screen lists it: where its process stands and what failed there.
 *
 * @param steps     the steps its process stands at (none once it has ended)
 * @param incidents the steps that failed on every retry and wait for someone to retry them
 */
public record CampaignOverview(Campaign campaign, List<CurrentStep> steps, List<Incident> incidents) {

    public CampaignOverview {
        steps = List.copyOf(steps);
        incidents = List.copyOf(incidents);
    }
}
