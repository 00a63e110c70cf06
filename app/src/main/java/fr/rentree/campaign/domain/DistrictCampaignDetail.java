package fr.rentree.campaign.domain;

import java.util.List;
import java.util.Optional;

import fr.rentree.school.domain.SchoolKind;

/** A district campaign's page: the campaign, and each of its schools with the school campaign followed there. */
public record DistrictCampaignDetail(DistrictCampaign campaign, List<Line> schools) {

    /**
     * @param campaign the school campaign the district follows at this school; none until its start has run
     * @param waiting  the person's step that campaign waits at, if it waits for one
     */
    public record Line(DistrictSchool school, String schoolName, SchoolKind kind, Optional<Campaign> campaign,
                       Optional<Waiting> waiting) {

        public boolean late() {
            return waiting.flatMap(Waiting::late).isPresent();
        }
    }
}
