package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import fr.rentree.base.FieldsRefused;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Launching a school's campaign, at 1366 × 768: a deadline in the past was accepted (the field turned red, the
 * campaign launched and ended at its first count); one line over the button said something was wrong, not what; a
 * second campaign was proposed the first one's name; and the "second campaign?" confirmation focused "Lancer".
 */
@RentreeIntegrationTest
class CampaignLaunchBrowserIT {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Clock clock;

    @Test
    void the_service_refuses_a_deadline_in_the_past_and_launches_nothing() {
        var school = fixtures.schoolWithDirector("Collège Rosa-Bonheur");
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);

        assertThatThrownBy(() -> fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", yesterday, 90, Duration.ofDays(7)), false)))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems())
                        .containsExactly(java.util.Map.entry("deadline", "campaigns.deadline.past")));
        assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).isEmpty();
    }

    @Test
    void each_faulty_field_says_what_is_wrong_a_second_campaign_gets_another_name_and_its_confirmation_focuses_cancel() {
        var school = fixtures.schoolWithDirector("Collège Camille-Claudel");
        LocalDate today = LocalDate.now(clock);
        String year = String.valueOf(SchoolYear.of(today).startYear());

        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/campagnes");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h2", "Campagnes");
            assertThat(value(browser, "#campaign-name input")).isEqualTo("Rentrée " + year);

            browser.type("#campaign-name input", " ");
            browser.type("#campaign-deadline input", today.minusDays(3).format(TYPED) + Keys.ENTER);
            browser.type("#campaign-target input", "0");
            browser.await(By.cssSelector("#campaign-cadence input")).sendKeys(Keys.chord(Keys.CONTROL, "a"),
                    Keys.DELETE, Keys.TAB);
            browser.await(By.id("campaign-launch")).click();

            browser.awaitDeepText("#campaign-name", "Donnez un nom à la campagne.");
            browser.awaitDeepText("#campaign-deadline", "L’échéance est passée");
            browser.awaitDeepText("#campaign-target", "Un taux entre 1 et 100 %");
            browser.awaitDeepText("#campaign-cadence", "Un nombre de jours entre 1 et 60");
            browser.screenshot("campaign-launch-refused");
            assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).isEmpty();

            browser.type("#campaign-name input", "Rentrée " + year);
            browser.type("#campaign-deadline input", today.plusWeeks(4).format(TYPED) + Keys.ENTER);
            browser.type("#campaign-target input", "80");
            browser.type("#campaign-cadence input", "7");
            browser.await(By.id("campaign-launch")).click();
            browser.awaitDeepText("vaadin-notification-card", "Campagne lancée pour le collège Camille-Claudel");
            assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).singleElement()
                    .satisfies(campaign -> {
                        assertThat(campaign.deadline()).isEqualTo(today.plusWeeks(4));
                        assertThat(campaign.targetPercent()).isEqualTo(80);
                    });

            // a second campaign is proposed a name of its own
            await().atMost(Duration.ofSeconds(10)).until(() -> value(browser, "#campaign-name input"),
                    ("Rentrée " + year + " (2)")::equals);
            browser.await(By.id("campaign-launch")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Lancer une seconde campagne");
            // Enter or Space on the focused button must not launch it: "Ne rien lancer" has the focus
            await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(browser.driver().executeScript(
                    "return document.activeElement ? document.activeElement.textContent.trim() : ''")),
                    "Ne rien lancer"::equals);
            browser.screenshot("campaign-second-confirmation");
        }
        assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).hasSize(1);
    }

    private static String value(Browser browser, String css) {
        return browser.await(By.cssSelector(css)).getDomProperty("value");
    }
}
