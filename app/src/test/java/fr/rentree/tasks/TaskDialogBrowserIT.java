package fr.rentree.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task's dialog and the browser's Back (issue 22, B7): the dialog stayed open over the page gone back to. */
@RentreeIntegrationTest
class TaskDialogBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;

    @Test
    void back_closes_the_task_dialog() {
        var school = fixtures.schoolWithDirector("Collège Olympe-de-Gouges");
        fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/campagnes");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h2", "Campagnes");
            browser.awaitText("vaadin-side-nav-item", "Mes tâches").click();
            browser.awaitText("vaadin-button", "Ouvrir").click();
            browser.await(By.cssSelector("vaadin-dialog-overlay[opened]"));

            browser.driver().navigate().back();
            browser.awaitText("h2", "Campagnes");
            browser.screenshot("task-dialog-back");
            assertThat(browser.driver().findElements(By.cssSelector("vaadin-dialog-overlay[opened]")))
                    .as("the task's dialog").isEmpty();
        }
    }
}
