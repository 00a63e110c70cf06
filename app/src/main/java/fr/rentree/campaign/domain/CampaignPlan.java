package fr.rentree.campaign.domain;

import java.time.Duration;
import java.time.LocalDate;

/**
 * What a director decides when launching a campaign.
 *
 * @param deadline      after this day no reminder is sent: the campaign ends with its summary
 * @param targetPercent the share of activated accounts at which the campaign ends, in percent
 * @param cadence       the time between a distribution and the next count of activations
 */
public record CampaignPlan(String name, LocalDate deadline, int targetPercent, Duration cadence) {

    public CampaignPlan {
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A campaign needs a name");
        }
        if (targetPercent < 1 || targetPercent > 100) {
            throw new IllegalArgumentException("Target " + targetPercent + " % is not a percentage");
        }
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("Cadence " + cadence + " is not a wait");
        }
    }
}
