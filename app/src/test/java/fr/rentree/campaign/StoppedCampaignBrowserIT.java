package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.service.InboxService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign stopped by its school, at 1366 × 768: the step it was stopped at was ticked "✓" and drawn green, and
 * its header read "Arrêtée … terminée le", as if it had run to its end (issue 22, B6).
 */
@RentreeIntegrationTest
class StoppedCampaignBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;

    @Test
    void the_step_a_campaign_was_stopped_at_shows_as_interrupted_on_its_page_and_in_the_list(@TempDir Path folder) {
        var school = fixtures.schoolWithAccounts("Collège Marie-Curie", folder);
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        fixtures.as(director, () -> campaigns.submitSelection(inbox.inbox(0, 1).getFirst().id(),
                RecipientSelection.defaults(school.school().uai())));
        fixtures.as(director, () -> campaigns.cancel(campaign.id())); // while the list waits to be verified

        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/campagne/" + campaign.id());
            browser.signIn(director, Fixtures.PASSWORD);
            browser.await(By.cssSelector(
                    "#campaign-diagram[data-drawn] g[data-element-id=VerifyRecipients].step-interrupted"));
            assertThat(browser.driver().findElements(By.cssSelector(
                    "#campaign-diagram g[data-element-id=VerifyRecipients].step-done"))).as("not drawn as done")
                    .isEmpty();
            browser.await(By.cssSelector("#campaign-diagram g[data-element-id=SelectRecipients].step-done"));
            browser.awaitText("li", "✓ Sélection des destinataires — le");
            browser.awaitText("li", "Vérification de la liste — interrompue le");
            assertThat(browser.await(By.id("campaign-steps")).getText())
                    .doesNotContain("✓ Vérification de la liste");
            // labels drawn large enough to read (they were about 7 px high), the step stopped at in the frame
            Number labelHeight = (Number) browser.driver().executeScript("return document.querySelector("
                    + "'#campaign-diagram g[data-element-id=SendMails] text tspan').getBoundingClientRect().height");
            assertThat(labelHeight.doubleValue()).as("a label's line height in px").isGreaterThanOrEqualTo(10);
            Number outside = (Number) browser.driver().executeScript("const d = document.querySelector("
                    + "'#campaign-diagram'); const s = d.querySelector('g[data-element-id=VerifyRecipients]')"
                    + ".getBoundingClientRect(); const b = d.getBoundingClientRect();"
                    + " return Math.max(b.left - s.left, s.right - b.right, b.top - s.top, s.bottom - b.bottom);");
            assertThat(outside.doubleValue()).as("px of the step out of the frame").isLessThanOrEqualTo(0);
            browser.scrollTo("#campaign-page > h2");
            browser.screenshot("campaign-stopped");
            String summary = browser.await(By.id("campaign-summary")).getText();
            assertThat(summary).startsWith("Arrêtée").contains("arrêtée le").doesNotContain("terminée");

            browser.open("http://localhost:" + port + "/campagnes");
            browser.awaitText("vaadin-grid-cell-content", "Arrêtée pendant «\u00a0Vérification de la liste");
            browser.screenshot("campaigns-stopped");
        }
    }
}
