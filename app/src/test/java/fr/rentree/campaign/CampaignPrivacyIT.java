package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a campaign's page and list tell those who should not learn it: another school's campaign reads as a missing
 * one (its id cannot be told from a free one), and district staff never read a director's username.
 */
@RentreeIntegrationTest
class CampaignPrivacyIT {

    @Autowired
    CampaignService campaigns;
    @Autowired
    Fixtures fixtures;

    @Test
    void another_schools_campaign_is_refused_exactly_as_a_missing_one() {
        var school = fixtures.schoolWithDirector("Collège Simone-Veil");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(),
                false));
        String stranger = fixtures.schoolWithDirector("École des Tilleuls").director();
        String otherDistrict = fixtures.districtOfficer(Set.of(fixtures.schoolWithDirector("École des Ormes")
                .school().uai()));
        long missing = campaign.id() + 1_000_000;

        for (String user : new String[] {stranger, otherDistrict}) {
            CampaignException theirs = catchThrowableOfType(CampaignException.class,
                    () -> fixtures.as(user, () -> campaigns.detail(campaign.id())));
            CampaignException none = catchThrowableOfType(CampaignException.class,
                    () -> fixtures.as(user, () -> campaigns.detail(missing)));
            assertThat(theirs).as(user + ": another school's campaign").isNotNull();
            assertThat(none).as(user + ": a missing campaign").isNotNull();
            assertThat(theirs.reason()).isEqualTo(none.reason()).isEqualTo(CampaignException.Reason.UNKNOWN);
            assertThat(theirs.messageKey()).isEqualTo(none.messageKey());
            assertThat(theirs.getMessage().replace(String.valueOf(campaign.id()), "<id>"))
                    .isEqualTo(none.getMessage().replace(String.valueOf(missing), "<id>"));
        }
    }

    @Test
    void district_staff_read_the_schools_direction_never_a_directors_username() {
        var school = fixtures.schoolWithDirector("Collège Louise-Michel");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(),
                false));
        String officer = fixtures.districtOfficer(Set.of(school.school().uai()));

        assertThat(launchedBy(officer, campaign)).isEmpty();
        assertThat(launchedBy(school.director(), campaign)).as("a director reads who of the school launched it")
                .contains(school.director());
    }

    private Optional<String> launchedBy(String user, Campaign campaign) {
        return fixtures.as(user, () -> campaigns.overview()).stream()
                .filter(overview -> overview.campaign().id().equals(campaign.id())).findFirst()
                .orElseThrow().launchedBy();
    }

    private static CampaignPlan plan() {
        return new CampaignPlan("Rentrée 2026", LocalDate.now().plusWeeks(6), 60, Duration.ofDays(7));
    }
}
