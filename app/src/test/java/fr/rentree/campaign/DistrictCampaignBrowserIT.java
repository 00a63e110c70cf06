package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * District staff launch the rentrée of their schools from "Campagnes de circonscription" (a kind left out, the
 * numbers confirmed), a director finds their school's campaign in "Mes tâches" as launched by the district and
 * works through its first steps, and the district's page shows where each school stands; stopped, the page offers
 * its final report.
 */
@RentreeIntegrationTest
class DistrictCampaignBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    SchoolService schools;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    @Test
    void district_staff_launch_a_director_works_through_the_steps_and_the_district_page_shows_it() {
        var college = fixtures.schoolWithAccounts("Collège Anatole-France", folder);
        List<SchoolKind> kinds = List.of(SchoolKind.ECOLE, SchoolKind.ECOLE, SchoolKind.LYCEE);
        List<String> others = IntStream.range(0, kinds.size()).mapToObj(i -> {
            String uai = Uai.of(9_230_001 + i);
            schools.createIfAbsent(new School(uai, kinds.get(i) == SchoolKind.LYCEE ? "Lycée Jean-Renoir"
                    : "École " + uai, kinds.get(i), Fixtures.DISTRICT, null, null));
            return uai;
        }).toList();
        String officer = fixtures.districtOfficer(Set.copyOf(Stream.concat(Stream.of(college.school().uai()),
                others.stream()).toList()));
        int schoolCount = others.size() + 1;

        try (Browser staff = new Browser(); Browser director = new Browser()) {
            staff.open("http://localhost:" + port + "/circonscription/campagnes");
            staff.signIn(officer, Fixtures.PASSWORD);
            staff.awaitText("h2", "Rentrée des écoles");
            staff.await(By.id("district-campaign-new")).click();
            staff.awaitText("p", schoolCount + " établissements choisis sur " + schoolCount);
            staff.awaitText("vaadin-radio-button", "Par type d’établissement").click();
            staff.awaitText("vaadin-checkbox", "Lycée").click(); // the lycée has its own rentrée
            staff.awaitText("p", (schoolCount - 1) + " établissements choisis sur " + schoolCount);
            staff.screenshot("district-campaign-launch");
            staff.await(By.id("district-campaign-launch")).click();
            staff.awaitDeepText("vaadin-confirm-dialog-overlay", (schoolCount - 1) + " campagnes d’école vont démarrer");
            assertThat(staff.deepText("vaadin-confirm-dialog-overlay"))
                    .contains("1 directeur trouvera la campagne dans");
            staff.screenshot("district-campaign-confirm");
            staff.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
            staff.awaitDeepText("vaadin-notification-card", "lancée\u00a0: les écoles démarrent.");
            staff.awaitText("h2", "Rentrée 20");
            staff.awaitText("span", "Sélection des destinataires · " + (schoolCount - 1));
            staff.awaitText("p", (schoolCount - 1) + " écoles · aucune en retard · taux d’activation");
            staff.screenshot("district-campaign-page");

            // the director finds it in "Mes tâches", launched by the district, and goes through the first steps
            director.open("http://localhost:" + port + "/taches");
            director.signIn(college.director(), Fixtures.PASSWORD);
            director.awaitText("vaadin-grid-cell-content", "Sélectionner les destinataires");
            director.awaitText("span", "lancée par " + Fixtures.DISTRICT);
            director.screenshot("district-campaign-inbox");
            director.awaitText("vaadin-button", "Ouvrir").click();
            director.awaitText("vaadin-button", "Valider la sélection").click();
            director.awaitText("vaadin-grid-cell-content", "Vérifier la liste et choisir l’envoi");
            director.awaitText("vaadin-button", "Ouvrir").click();
            director.await(By.id("verify-validate")).click();
            director.awaitText("vaadin-button", "Envoyer").click();

            // the district's page follows by itself: one school on its way, the other still selecting
            staff.awaitText("span", "Distribution des fiches · 1");
            staff.awaitText("span", "Sélection des destinataires · " + (schoolCount - 2));
            staff.awaitText("a", "Collège Anatole-France");
            // the campaign's e-mails and sheets on its line, the charts drawn, no failed step
            staff.awaitText("span", "fiches imprimées · aucune distribuée");
            for (String chart : List.of("district-chart-rate", "district-chart-phases", "district-chart-profiles")) {
                await(chart).atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(staff.driver()
                        .executeScript("const chart = document.getElementById(arguments[0]);"
                                + " const canvas = chart && chart.querySelector('canvas');"
                                + " return chart.dataset.drawn === 'true' && canvas.width > 0;", chart)));
            }
            staff.awaitText("p", "Aucune étape en échec.");
            staff.screenshot("district-campaign-progress");

            // their home is now this campaign's dashboard
            staff.open("http://localhost:" + port + "/");
            staff.awaitText("h2", "Rentrée 20");
            await().atMost(Duration.ofSeconds(20)).until(staff::currentUrl,
                    url -> url.contains("/circonscription/campagne/"));

            // filtered in the database, and exported as filtered
            staff.type("#district-dashboard vaadin-text-field input", "Anatole");
            staff.awaitText("p", "1 école");
            Browser.Download csv = staff.downloadFile(staff.await(By.id("district-dashboard-export")));
            String text = new String(csv.content(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\ufeffÉtablissement;UAI;Type;Commune;Étape;");
            assertThat(text.lines()).hasSize(2);
            assertThat(text.lines().toList().get(1)).startsWith("Collège Anatole-France;" + college.school().uai()
                    + ";Collège;").contains(";Distribution des fiches;0;non;non;");
            assertThat(csv.fileName()).endsWith(".csv");

            // stopped, the campaign writes its final report, which the page offers once written
            // the button is at the top of the page, scrolled out of sight by the grid
            staff.driver().executeScript("document.getElementById('district-campaign-stop').scrollIntoView()");
            staff.await(By.id("district-campaign-stop")).click();
            staff.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
                    .click();
            staff.await(By.id("district-report-pdf"));
            staff.awaitText("span", "Rapport final");
            staff.screenshot("district-campaign-report");
            Browser.Download pdf = staff.downloadFile(staff.await(By.id("district-report-pdf")));
            assertThat(new String(pdf.content(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(pdf.fileName()).endsWith(".pdf");
            Browser.Download report = staff.downloadFile(staff.await(By.id("district-report-csv")));
            assertThat(new String(report.content(), StandardCharsets.UTF_8))
                    .startsWith("\ufeffÉtablissement;UAI;Type;Étape finale;").contains("Collège Anatole-France;");
        }
    }
}
