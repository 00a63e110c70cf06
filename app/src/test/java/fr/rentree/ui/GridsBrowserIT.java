package fr.rentree.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.rentree.activation.service.AccountActivation;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grids at common widths (issue 22, B9): at 1366 px the accounts list's frozen "Actions" column covered Classe,
 * Courriel, État and Date (and after "Débloquer" the hidden cell still said "Bloqué"); at 1920 px "Date de création"
 * was still out of sight; district staff's grid hid "Taux d'activation" at 1366 px; the schools list cut Commune.
 * Every column of each grid is checked in sight, whole and on top (not under a frozen column), at 1366 × 768 and
 * 1920 × 1080.
 */
@RentreeIntegrationTest
class GridsBrowserIT {

    private static final List<Dimension> SCREENS = List.of(new Dimension(1366, 768), new Dimension(1920, 1080));

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountActivation activation;
    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_column_of_every_grid_is_in_sight_at_1366_and_1920_and_an_unlocked_account_says_so_at_once(
            @TempDir Path folder) throws InterruptedException {
        var school = fixtures.schoolWithAccounts("Collège Simone-Veil", folder);
        String uai = school.school().uai();
        String locked = jdbc.sql("select login from account where school_uai = ? and activated_at is null"
                + " order by login limit 1").param(uai).query(String.class).single();
        for (int attempt = 1; attempt <= 6; attempt++) { // wrong codes, spaced out past the throttle, lock the login
            activation.check(locked, "AAAAAAAA", "192.0.2.7");
            Thread.sleep(attempt >= 3 ? 1_100 : 0);
        }
        // as the national directory names them: long names, long communes
        jdbc.sql("update school set name = ?, commune = ? where uai = ?").params(
                "Collège Simone-Veil (section internationale)", "Saint-Maur-des-Fossés", uai).update();
        String officer = fixtures.districtOfficer(Set.of(uai));
        DistrictCampaign district = fixtures.as(officer, () -> districtCampaigns.launch(Fixtures.DISTRICT,
                new DistrictPlan(new CampaignPlan("Rentrée des collèges", LocalDate.now().plusWeeks(6), 90,
                        Duration.ofDays(7)), Duration.ofDays(7)), List.of(uai)));

        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("vaadin-grid-cell-content", locked);
            assertColumnsReachable(browser, "#accounts", "accounts", List.of("Nom et prénom", "Profil", "État"));

            // "Débloquer": the state says it at once, in sight
            browser.driver().manage().window().setSize(SCREENS.getFirst());
            browser.awaitText("vaadin-grid-cell-content", "Bloqué");
            browser.await(By.cssSelector("vaadin-button.unlock")).click();
            browser.awaitDeepText("vaadin-notification-card", "est débloqué");
            browser.awaitGone("vaadin-grid-cell-content", "Bloqué");
            browser.screenshot("grid-accounts-unlocked");
        }
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/circonscription/campagne/" + district.id());
            browser.signIn(officer, Fixtures.PASSWORD);
            browser.awaitText("vaadin-grid-cell-content", "Collège Simone-Veil (section");
            // the school, its step and its rate in sight at 1366 px, its trend, profiles and deliveries a scroll away
            assertColumnsReachable(browser, "#district-dashboard-schools", "district",
                    List.of("Établissement", "Type", "Étape", "Activés"));
        }
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/admin/etablissements");
            browser.signIn(fixtures.admin(), Fixtures.PASSWORD);
            // found as an administrator finds it among an académie's schools
            browser.type("vaadin-text-field[placeholder^='UAI'] input", uai);
            browser.awaitText("vaadin-grid-cell-content", uai);
            assertColumnsInSight(browser, "#schools", "schools");
        }
    }

    /** Every column in sight at once, at both sizes. */
    private static void assertColumnsInSight(Browser browser, String grid, String name) {
        for (Dimension screen : SCREENS) {
            Sight sight = look(browser, grid, name, screen);
            assertThat(sight.outside()).as("columns of %s out of sight at %s", grid, screen).isEmpty();
            assertThat(sight.covered()).as("columns of %s covered at %s", grid, screen).isEmpty();
        }
    }

    /**
     * At 1366 px, the columns a person reads first in sight and the others reached by scrolling sideways, none
     * under a frozen column at either end; every column in sight at once at 1920 px.
     */
    private static void assertColumnsReachable(Browser browser, String grid, String name, List<String> first) {
        Sight start = look(browser, grid, name, SCREENS.getFirst());
        assertThat(start.covered()).as("columns covered at 1366").isEmpty();
        assertThat(start.outside()).as("columns read first").doesNotContainAnyElementsOf(first);
        browser.driver().executeScript("const table = document.querySelector(arguments[0]).$.table;"
                + " table.scrollLeft = table.scrollWidth;", grid);
        Sight end = look(browser, grid, name + "-scrolled", SCREENS.getFirst());
        // scrolled to the end, a column read at the start may pass under the frozen name: not one read only there
        assertThat(end.covered()).as("columns covered at 1366, scrolled to the end")
                .doesNotContainAnyElementsOf(start.outside());
        assertThat(end.outside()).as("columns out of reach at 1366").doesNotContainAnyElementsOf(start.outside());
        browser.driver().executeScript("document.querySelector(arguments[0]).$.table.scrollLeft = 0;", grid);
        Sight wide = look(browser, grid, name, SCREENS.getLast());
        assertThat(wide.outside()).as("columns out of sight at 1920").isEmpty();
        assertThat(wide.covered()).as("columns covered at 1920").isEmpty();
    }

    private record Sight(List<String> outside, List<String> covered) {
    }

    /** The headers of the columns not wholly inside the grid's box, and of those under another cell (frozen). */
    @SuppressWarnings("unchecked")
    private static Sight look(Browser browser, String grid, String name, Dimension screen) {
        if (!browser.driver().manage().window().getSize().equals(screen)) {
            browser.driver().manage().window().setSize(screen);
        }
        browser.await(By.cssSelector(grid));
        browser.driver().executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})",
                grid);
        try {
            Thread.sleep(500); // the grid lays out its columns again after a resize or a scroll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.screenshot("grid-" + name + "-" + screen.getWidth());
        List<List<String>> found = (List<List<String>>) browser.driver().executeScript("""
                const grid = document.querySelector(arguments[0]);
                const box = grid.$.table.getBoundingClientRect();
                const outside = [], covered = [];
                for (const th of grid.shadowRoot.querySelectorAll('#header th')) {
                  const slot = th.querySelector('slot');
                  const content = slot && slot.assignedElements()[0];
                  const text = content ? content.textContent.trim() : '';
                  const r = th.getBoundingClientRect();
                  if (r.width === 0 || th.hidden || text === '') continue;
                  if (r.left < box.left - 1 || r.right > box.right + 1) { outside.push(text); continue; }
                  let top = grid.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  while (top && top !== th) top = top.assignedSlot || top.parentNode || top.host;
                  if (top !== th) { covered.push(text); continue; }
                  // a header cut by an ellipsis is not read either
                  const parts = [content, ...content.querySelectorAll('*')];
                  parts.filter(e => e.shadowRoot).forEach(e => parts.push(...e.shadowRoot.querySelectorAll('[part]')));
                  if (parts.some(e => e.scrollWidth > e.clientWidth + 1)) covered.push(text + ' (cut)');
                }
                return [outside, covered];""", grid);
        return new Sight(found.get(0), found.get(1));
    }
}
