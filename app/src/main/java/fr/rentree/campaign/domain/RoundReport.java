package fr.rentree.campaign.domain;

/** A round of a campaign with its counts, as the campaign page lists it. */
public record RoundReport(CampaignRound round, RoundCounts counts) {
}
