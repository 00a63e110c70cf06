package fr.rentree.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.Browser;
import fr.rentree.support.DirectorSteps;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A task's dialog (issue 22, B7): Back, the next step opened at once, a task done elsewhere, buttons in sight, piles. */
@RentreeIntegrationTest
class TaskDialogBrowserIT {

    private static final String OPEN_DIALOG = "vaadin-dialog-overlay[opened]";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectorSteps steps;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RoundSheets roundSheets;
    @Autowired
    InboxService inbox;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void back_closes_the_task_dialog() {
        var school = fixtures.schoolWithDirector("Collège Olympe-de-Gouges");
        steps.launch(school);
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/campagnes");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h2", "Campagnes");
            browser.awaitText("vaadin-side-nav-item", "Mes tâches").click();
            browser.awaitText("vaadin-button", "Ouvrir").click();
            browser.await(By.cssSelector(OPEN_DIALOG));

            browser.driver().navigate().back();
            browser.awaitText("h2", "Campagnes");
            browser.screenshot("task-dialog-back");
            assertThat(browser.driver().findElements(By.cssSelector(OPEN_DIALOG))).as("the task's dialog").isEmpty();
        }
    }

    /** "Modifier les critères" said "c'est fait" and left the director to find the selection in the list again. */
    @Test
    void changing_the_criteria_opens_the_selection_at_once() {
        var school = fixtures.schoolWithAccounts("Collège Simone-Veil", folder);
        steps.verifying(school);
        try (Browser browser = Browser.laptop()) {
            openTask(browser, school, "Vérifier la liste et choisir l’envoi");
            browser.await(By.id("verify-change")).click();

            browser.awaitText("vaadin-button", "Valider la sélection");
            browser.awaitDeepText(OPEN_DIALOG, "Sélectionner les destinataires");
            browser.screenshot("task-dialog-criteria-changed");
            assertThat(inSight(browser, "selection-submit")).as("its button, at 1366x768").isTrue();
            assertThat(browser.deepText("vaadin-notification-card")).doesNotContain("c’est fait");
            assertThat(fixtures.as(school.director(), () -> inbox.inbox(0, 5))).singleElement()
                    .satisfies(task -> assertThat(task.formKey()).isEqualTo("select-recipients"));
        }
    }

    /** A task handled in another tab: the click says so, and the dialog closes (it stayed open). */
    @Test
    void a_task_handled_elsewhere_says_so_and_closes_its_dialog() {
        handledElsewhere("Collège Germaine-Tillion", browser -> {
            try { // clicked at once: the screen's poll (every 5 s) closing the dialog first is the next test's
                browser.driver().findElement(By.id("verify-validate")).click();
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                // closed by the poll already
            }
        });
    }

    /** A dialog left open on a task handled elsewhere closes by itself, saying why, before anyone clicks in vain. */
    @Test
    void a_dialog_open_on_a_task_handled_elsewhere_closes_by_itself() {
        handledElsewhere("Collège Joséphine-Baker", browser -> { });
    }

    /** "Vérifier" open in the browser while another tab changes the criteria, then {@code then} in the browser. */
    private void handledElsewhere(String schoolName, Consumer<Browser> then) {
        var school = fixtures.schoolWithAccounts(schoolName, folder);
        String verify = steps.verifying(school);
        try (Browser browser = Browser.laptop()) {
            openTask(browser, school, "Vérifier la liste et choisir l’envoi");
            browser.awaitText("vaadin-grid-cell-content", "anne-sophie.boeuf");
            fixtures.as(school.director(), () -> campaigns.changeCriteria(verify)); // the other tab
            then.accept(browser);

            browser.awaitDeepText("vaadin-notification-card", "Cette tâche a déjà été traitée.");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver()
                    .findElements(By.cssSelector(OPEN_DIALOG)).isEmpty());
            browser.screenshot("task-dialog-handled-elsewhere");
            browser.awaitText("vaadin-grid-cell-content", "Sélectionner les destinataires");
        }
    }

    /** At 1366 × 768 and 1440 × 900 the main buttons of "Vérifier" fell below the fold. */
    @Test
    void the_main_buttons_of_verify_are_in_sight_without_scrolling() {
        var school = fixtures.schoolWithAccounts("Collège Lucie-Aubrac", folder);
        steps.verifying(school);
        for (int[] size : List.of(new int[] {1366, 768}, new int[] {1440, 900})) {
            try (Browser browser = Browser.sized(size[0], size[1])) {
                openTask(browser, school, "Vérifier la liste et choisir l’envoi");
                browser.awaitText("vaadin-grid-cell-content", "anne-sophie.boeuf");
                browser.screenshot("verify-" + size[0] + "x" + size[1]);
                for (String button : List.of("verify-validate", "verify-change")) {
                    assertThat(inSight(browser, button)).as("%s at %dx%d", button, size[0], size[1]).isTrue();
                }
            }
        }
    }

    /** A pile ticked by mistake could not be unticked. */
    @Test
    void a_pile_ticked_by_mistake_is_unticked() {
        var school = fixtures.schoolWithAccounts("Collège Missak-Manouchian", folder);
        Campaign campaign = steps.handingOut(school, SheetLayout.ONE_PER_PAGE);
        try (Browser browser = Browser.laptop()) {
            openTask(browser, school, "Distribuer les fiches");
            WebElement pile = browser.awaitText("vaadin-checkbox", "Classe 6A (");
            pile.click();
            await().atMost(Duration.ofSeconds(10)).until(() -> handedOut(campaign) == 1);
            browser.awaitText("vaadin-checkbox", "Classe 6A (").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> handedOut(campaign) == 0);
            browser.screenshot("hand-out-unticked");
            assertThat(browser.awaitText("vaadin-checkbox", "Classe 6A (").getDomProperty("checked"))
                    .isEqualTo("false");
            assertThat(browser.driver().findElements(By.cssSelector(OPEN_DIALOG))).as("the task's dialog")
                    .isNotEmpty();
        }
    }

    /** A reminder round printed its sheets with the campaign's model, 8 per page (the carnet de liaison) out of reach. */
    @Test
    void a_reminder_round_chooses_its_model() throws IOException {
        var school = fixtures.schoolWithAccounts("Collège Pierre-Brossolette", folder);
        Campaign campaign = steps.handingOut(school, SheetLayout.ONE_PER_PAGE);
        String first = steps.task(school.director(), "hand-out-sheets");
        fixtures.as(school.director(), () -> roundSheets.finishHandOut(first));
        fixtures.fireTimer(campaign.processInstanceId()); // nobody activated: a reminder round, paper for those without an address
        await().atMost(Duration.ofSeconds(30)).until(() -> !steps.task(school.director(), "hand-out-sheets").equals(first));

        try (Browser browser = Browser.laptop()) {
            openTask(browser, school, "Distribuer les fiches");
            browser.awaitText("p", "Relance");
            WebElement eight = browser.awaitText("vaadin-radio-button", "8 comptes par page");
            assertThat(browser.awaitText("vaadin-radio-button", "1 compte par page").getDomProperty("checked"))
                    .as("the campaign's model first").isEqualTo("true");
            int onePerPage = pages(browser);
            eight.click();
            browser.awaitDeepText("vaadin-notification-card", "8 comptes par page");
            browser.screenshot("hand-out-reminder-model");
            assertThat(pages(browser)).as("the PDF printed again, 8 a page").isLessThan(onePerPage);
        }
    }

    private static int pages(Browser browser) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(browser.download(browser.await(By.id("hand-out-download"))))) {
            return pdf.getNumberOfPages();
        }
    }

    private void openTask(Browser browser, Fixtures.SchoolAndDirector school, String name) {
        browser.open("http://localhost:" + port + "/taches");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("vaadin-grid-cell-content", name);
        browser.awaitText("vaadin-button", "Ouvrir").click();
        browser.await(By.cssSelector(OPEN_DIALOG));
    }

    private int handedOut(Campaign campaign) {
        return jdbc.sql("""
                select count(*) from handed_out_pile p join campaign_round r on r.id = p.round_id
                where r.campaign_id = ? and p.pile_name = '6A'""").param(campaign.id()).query(Integer.class).single();
    }

    /**
     * Whether the element is on screen as it opened, nothing scrolled: inside the window and the topmost element at
     * its centre (not hidden under the dialog's scrolled-out part).
     */
    private static boolean inSight(Browser browser, String id) {
        Object seen = browser.driver().executeScript("""
                const element = document.getElementById(arguments[0]);
                if (!element) return false;
                const box = element.getBoundingClientRect();
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                if (box.width === 0 || y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
                const top = document.elementFromPoint(x, y);
                return top === element || element.contains(top);""", id);
        return Boolean.TRUE.equals(seen);
    }
}
