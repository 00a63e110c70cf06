package fr.rentree.campaign.domain;

import org.jspecify.annotations.Nullable;

/**
 * A school of a district campaign: its place in the launch, and once its start ran, the school campaign the district
 * follows there, started for it or adopted (the school had one open already).
 */
public record DistrictSchool(int position, String schoolUai, @Nullable Long campaignId, boolean adopted) {

    public boolean started() {
        return campaignId != null;
    }
}
