package fr.rentree.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;

/**
 * A school campaign taken through its first steps as its director would, through the services: the tests that
 * start at "Vérifier" or at the hand-out share these steps rather than each writing them again.
 */
public final class DirectorSteps {

    private final Fixtures fixtures;
    private final CampaignService campaigns;
    private final InboxService inbox;

    DirectorSteps(Fixtures fixtures, CampaignService campaigns, InboxService inbox) {
        this.fixtures = fixtures;
        this.campaigns = campaigns;
        this.inbox = inbox;
    }

    /** The director's task of this kind ({@code select-recipients}…), once the process has reached it. */
    public String task(String director, String formKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(director, () -> inbox.inbox(0, 20))
                .stream().filter(t -> t.formKey().equals(formKey)).findFirst(), found -> found.isPresent())
                .orElseThrow().id();
    }

    /** A campaign launched at the school, six weeks to go, 90 %, a weekly cadence. */
    public Campaign launch(Fixtures.SchoolAndDirector school) {
        return fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
    }

    /** A campaign at "Vérifier", the default selection made; the task's id. */
    public String verifying(Fixtures.SchoolAndDirector school) {
        launch(school);
        fixtures.as(school.director(), () -> campaigns.submitSelection(task(school.director(), "select-recipients"),
                RecipientSelection.defaults(school.school().uai())));
        return task(school.director(), "verify-recipients");
    }

    /** A campaign whose first round's PDF is ready to hand out, every sheet on paper by class. */
    public Campaign handingOut(Fixtures.SchoolAndDirector school, SheetLayout layout) {
        String verify = verifying(school);
        fixtures.as(school.director(), () -> campaigns.validate(verify, new Distribution(DistributionOrder.BY_CLASS,
                ParentPlacement.WITH_YOUNGEST_CHILD, layout, DistributionMode.PAPER)));
        task(school.director(), "hand-out-sheets");
        return fixtures.as(school.director(), () -> campaigns.myCampaigns()).stream()
                .filter(c -> c.schoolUai().equals(school.school().uai())).findFirst().orElseThrow();
    }
}
