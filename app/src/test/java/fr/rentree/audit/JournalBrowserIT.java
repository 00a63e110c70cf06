package fr.rentree.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import fr.rentree.directory.domain.Civility;
import fr.rentree.directory.domain.NewAccount;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.SchoolAccounts;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Journal" in a real Chromium: the director's own sign-in and an account they created are there, newest first, with
 * the address they came from; filtered by action; exported as CSV.
 */
@RentreeIntegrationTest
class JournalBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAccounts accounts;
    @TempDir
    Path folder;

    @Test
    void a_director_reads_filters_and_exports_their_schools_journal() {
        fixtures.emptyDirectory();
        var school = fixtures.schoolWithAccounts("Collège Simone-Veil", folder);
        String uai = school.school().uai();
        fixtures.as(school.director(), () -> accounts.create(uai, new NewAccount(Profile.STAFF, Civility.M, "Garnier",
                "Paul", LocalDate.of(1969, 9, 9), null, Set.of(), null)));
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/journal");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("vaadin-grid-cell-content", "Connexion");
            browser.awaitText("vaadin-grid-cell-content", "127.0.0.1");
            browser.awaitText("vaadin-grid-cell-content", "Compte créé");
            browser.awaitText("vaadin-grid-cell-content", "paul.garnier");
            browser.awaitText("vaadin-grid-cell-content", "Import SIECLE / STS-web");
            browser.awaitText("vaadin-grid-cell-content", "11 comptes créés, 0 mis à jour, 0 en pré-suppression,"
                    + " 0 rétabli · ElevesSansAdresses");
            browser.awaitText("span", "3 lignes");
            browser.screenshot("journal");

            browser.await(By.cssSelector("vaadin-multi-select-combo-box input")).sendKeys("Compte");
            browser.awaitText("vaadin-multi-select-combo-box-item", "Compte créé").click();
            browser.awaitText("span", "1 ligne");
            assertThat(browser.deepText("#journal")).doesNotContain("Connexion");

            String csv = new String(browser.download(browser.await(By.cssSelector("#journal-export"))),
                    StandardCharsets.UTF_8);
            assertThat(csv.split("\r\n")).hasSize(2);
            assertThat(csv).startsWith("\ufeffDate;Par;Adresse;Établissement;Action;Détail\r\n")
                    .contains(";" + school.director() + ";;" + school.school().uai() + ";Compte créé;paul.garnier\r\n");
            assertThat(browser.contentSecurityPolicyViolations()).as("what the Content Security Policy refused")
                    .isEmpty();
        }
    }
}
