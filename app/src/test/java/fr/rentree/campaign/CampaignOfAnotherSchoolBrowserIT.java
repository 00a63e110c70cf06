package fr.rentree.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 22, E20: a director at another school's campaign page reads a director's words, not district staff's. */
@RentreeIntegrationTest
class CampaignOfAnotherSchoolBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;

    @Test
    void a_director_at_another_schools_campaign_is_told_it_is_not_in_their_charge(@TempDir Path folder) {
        var school = fixtures.schoolWithAccounts("Collège Jules-Ferry", folder);
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        String otherDirector = fixtures.schoolWithDirector("Collège Victor-Hugo").director();

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/campagne/" + campaign.id());
            browser.signIn(otherDirector, Fixtures.PASSWORD);
            // the same words as for a campaign that does not exist (ids cannot be enumerated), in a director's terms
            browser.awaitText("h2", "Cette campagne n’existe pas, ou elle concerne un établissement dont vous n’avez"
                    + " pas la charge");
        }
    }
}
