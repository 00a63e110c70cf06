package fr.rentree.campaign.domain;

import java.time.Duration;

/**
 * What district staff decide when launching a district campaign: the plan every school campaign gets, and how long
 * a school may stay on one waiting step before it counts as late.
 */
public record DistrictPlan(CampaignPlan schools, Duration escalationDelay) {

    public DistrictPlan {
        if (escalationDelay.isNegative() || escalationDelay.isZero()) {
            throw new IllegalArgumentException("Escalation delay " + escalationDelay + " is not a wait");
        }
    }
}
