package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The school's pages in a real Chromium: a director's accounts list (readable, searchable), district staff's
 * statistics without a person in them, and what an unknown or refused address shows.
 */
@RentreeIntegrationTest
class DirectoryBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectoryService directory;
    @TempDir
    Path folder;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        fixtures.emptyDirectory();
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        List<String> refused = browser.contentSecurityPolicyViolations();
        browser.close();
        assertThat(refused).as("what the Content Security Policy refused").isEmpty();
    }

    @Test
    void a_director_reads_every_login_in_full_and_finds_an_account_by_first_and_last_name_in_either_order() {
        var school = fixtures.schoolWithAccounts("Collège Germaine-Tillion", folder);
        browser.open("http://localhost:" + port + "/etablissement");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("vaadin-grid-cell-content", "zoe.martin-dupont");
        awaitFound("11 comptes");

        // nothing cut: each cell's text fits its column, and every row has the same height
        assertThat(truncatedCells("#accounts")).isEmpty();
        assertThat(truncatedCells("#class-statistics")).isEmpty();
        List<Long> heights = rowHeights("#accounts");
        assertThat(heights).hasSizeGreaterThan(5);
        assertThat(Collections.max(heights) - Collections.min(heights)).isLessThanOrEqualTo(1); // a border at most
        browser.scrollTo("#accounts");
        browser.screenshot("school-accounts");

        // the filters of seed 004: no account here was created by hand
        browser.awaitText("vaadin-select", "Toutes origines").click();
        browser.awaitText("vaadin-select-item", "Créés à la main").click();
        awaitFound("Aucun compte ne correspond.");
        browser.awaitText("vaadin-select", "Créés à la main").click();
        browser.awaitText("vaadin-select-item", "Importés (SIECLE, STS-web)").click();
        awaitFound("11 comptes");

        for (String typed : List.of("Zoé Martin", "martin--dupont zoe", "zoe.martin")) {
            search(typed);
            awaitFound("1 compte");
            assertThat(visibleCells("#accounts")).contains("zoe.martin-dupont").doesNotContain("noel.boeuf");
        }
        search("Personne Inconnue");
        awaitFound("Aucun compte ne correspond.");
        browser.screenshot("school-search-none");
    }

    @Test
    void an_unknown_school_code_or_page_says_so_in_french_inside_the_layout() {
        var school = fixtures.schoolWithAccounts("Collège Germaine-Tillion", folder);
        browser.open("http://localhost:" + port + "/etablissement?uai=0999999Z");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("p", "Aucun de vos établissements n’a le code UAI «\u00a00999999Z\u00a0»");
        assertThat(visibleCells("#accounts")).doesNotContain("zoe.martin-dupont"); // no other school instead
        browser.screenshot("school-unknown-uai");

        browser.open("http://localhost:" + port + "/page-inconnue");
        browser.awaitText("h2", "Page introuvable");
        browser.awaitText("p", "L’adresse «\u00a0/page-inconnue\u00a0» ne mène à aucune page qui vous soit ouverte");
        browser.awaitText("vaadin-side-nav-item", "Fiches de connexion"); // inside the layout, its menu in reach
        browser.screenshot("page-not-found");
        // a page of another role: the same answer, which does not say the page exists
        browser.open("http://localhost:" + port + "/circonscription");
        browser.awaitText("p", "L’adresse «\u00a0/circonscription\u00a0» ne mène à aucune page qui vous soit ouverte");
        browser.awaitText("a", "Retour à l’accueil").click();
        browser.awaitText("h2", "Mes tâches");
    }

    @Test
    void district_staff_follow_their_schools_one_by_its_counts_never_its_people() {
        var first = fixtures.schoolWithDirector("École maternelle et élémentaire Louise-Michel-de-la-Butte-aux-Cailles");
        var second = fixtures.schoolWithAccounts("Collège Jean-Jaurès", folder);
        String uai = second.school().uai();
        directory.recordActivations(directory.accounts(AccountQuery.matching(uai, "zoe"), 0, 10)
                .stream().map(AccountRow::id).toList());
        String officer = fixtures.districtOfficer(Set.of(first.school().uai(), uai));

        browser.open("http://localhost:" + port + "/");
        browser.signIn(officer, Fixtures.PASSWORD);
        // they land on their district's campaign under way, or on their district campaigns when none runs
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).withMessage(browser::currentUrl)
                .until(d -> d.getCurrentUrl().contains("/circonscription/campagne"));
        browser.open("http://localhost:" + port + "/circonscription");

        browser.awaitText("h2", "Suivi des écoles");
        String menu = browser.deepText("vaadin-side-nav");
        assertThat(menu).contains("Suivi des écoles", "Campagnes").doesNotContain("Mon établissement", "Mes tâches",
                "Fiches de connexion", "Import SIECLE");
        browser.awaitText("vaadin-grid-cell-content", "Collège Jean-Jaurès");
        assertThat(browser.deepText("#district-statistics")).contains(
                "École maternelle et élémentaire Louise-Michel-de-la-Butte-aux-Cailles", first.school().uai(),
                "1 / 4 (25 %)");
        assertThat(browser.deepText("#district-total")).contains("Élève 1 3 25 %");
        assertThat(truncatedCells("#district-statistics")).isEmpty();
        browser.screenshot("district");

        browser.awaitText("a", "Collège Jean-Jaurès").click();
        browser.awaitText("h2", "Collège Jean-Jaurès");
        browser.await(By.id("class-statistics"));
        assertThat(browser.deepText("#school-statistics")).contains("Élève 1 3 25 %");
        assertThat(browser.driver().getPageSource()).doesNotContain("zoe.martin-dupont", "MARTIN--DUPONT");
        browser.screenshot("district-school");

        // the director's page of that school, typed in: refused like any page that is not theirs
        browser.open("http://localhost:" + port + "/etablissement?uai=" + uai);
        browser.awaitText("h2", "Page introuvable");
        assertThat(browser.driver().getPageSource()).doesNotContain("zoe.martin-dupont");
        browser.open("http://localhost:" + port + "/circonscription/ecole?uai=0999999Z");
        browser.awaitText("h2", "École introuvable");
        browser.awaitText("p", "Aucune des écoles que vous suivez n’a le code UAI «\u00a00999999Z\u00a0»");
    }

    private void search(String text) {
        browser.type("vaadin-text-field input", text);
    }

    private void awaitFound(String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> text.equals(
                driver.findElement(By.id("accounts-found")).getText()));
    }

    /** The texts of the cells of a grid's rows in view (a grid keeps rows it does not show). */
    private List<String> visibleCells(String grid) {
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) browser.driver().executeScript("""
                return [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content')]
                    .filter(cell => cell.offsetWidth > 0 && cell.offsetHeight > 0)
                    .map(cell => cell.textContent.trim());""", grid);
        return cells;
    }

    /** The texts of a grid's cells that do not fit their column (shown with "…"). */
    private List<String> truncatedCells(String grid) {
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) browser.driver().executeScript("""
                const cut = element => element.offsetWidth > 0 && element.scrollWidth > element.clientWidth + 1;
                const cells = [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content')];
                // a sortable header's title sits in the sorter's shadow, where it is cut on its own
                const sorters = [...document.querySelectorAll(arguments[0] + ' vaadin-grid-sorter')]
                    .filter(sorter => cut(sorter.shadowRoot.querySelector('[part=content]')));
                return cells.filter(cut).concat(sorters).map(element => element.textContent);""", grid);
        return cut;
    }

    /** The heights of a grid's body rows, in pixels. */
    private List<Long> rowHeights(String grid) {
        @SuppressWarnings("unchecked")
        List<Long> heights = (List<Long>) browser.driver().executeScript("""
                return [...document.querySelector(arguments[0]).shadowRoot.querySelectorAll('tbody tr')]
                    .filter(row => !row.hidden && row.offsetHeight > 0).map(row => row.offsetHeight);""", grid);
        return heights;
    }
}
