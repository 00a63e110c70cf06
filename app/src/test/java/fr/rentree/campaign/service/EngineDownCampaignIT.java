package fr.rentree.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.Set;

import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.mailing.service.MailService;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.UnreachableEngine;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Launching a campaign while the engine is down creates nothing half-made. */
@RentreeIntegrationTest
class EngineDownCampaignIT {

    @Autowired
    CampaignRepository repository;
    @Autowired
    SchoolService schools;
    @Autowired
    MailService mail;
    @Autowired
    MessageSource messages;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_launch_the_engine_does_not_answer_is_refused_and_leaves_no_campaign_behind() {
        var school = fixtures.schoolWithDirector("École Jacques-Prévert");

        try (CamundaClient down = UnreachableEngine.client()) {
            CampaignService duringRestart = new CampaignService(repository, schools, mail, messages, down,
                    Clock.systemUTC());
            CampaignException refused = catchThrowableOfType(CampaignException.class,
                    () -> duringRestart.launch(school.school().uai(), school.director()));
            assertThat(refused.reason()).isEqualTo(CampaignException.Reason.ENGINE_UNAVAILABLE);
        }
        assertThat(campaigns.campaignsOf(Set.of(school.school().uai()))).isEmpty();

        // the engine is back: the director launches again and it works
        assertThat(campaigns.launch(school.school().uai(), school.director()).processInstanceKey()).isNotNull();
    }
}
