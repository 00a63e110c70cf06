package fr.rentree.campaign.domain;

import fr.rentree.process.domain.Incident;

/**
 * A step that failed for one school of a district campaign: its start in the district's process, or a step of its
 * own school campaign.
 *
 * @param ofDistrict the step is the district process's (its staff retry it); otherwise it is the school campaign's
 *                   (its directors retry it from the campaign's page)
 */
public record SchoolIncident(String schoolUai, String schoolName, Incident incident, boolean ofDistrict) {
}
