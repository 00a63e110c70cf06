package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 004 in a real Chromium: a director creates a substitute teacher by hand (after a probable duplicate is
 * pointed out), prints the sheet, the teacher activates on a phone from the code read off the PDF, and the school's
 * statistics count it; then the director edits, deletes and restores the account.
 */
@RentreeIntegrationTest
class AccountManagementBrowserIT {

    private static final String CONFIRM = "vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    StatisticsService statistics;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void a_director_creates_a_teacher_who_activates_from_the_printed_sheet_then_edits_deletes_and_restores_it()
            throws Exception {
        fixtures.emptyDirectory();
        var school = fixtures.schoolWithAccounts("Collège Lucie-Aubrac", folder);
        String uai = school.school().uai();
        String contact = school.school().contactEmail();
        jdbc.sql("update school set contact_email = null where uai = ?").param(uai).update();
        String code;
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            // no contact address yet: the buttons say why they are unavailable
            browser.awaitText("span", "renseignez d’abord le nom et l’adresse électronique de l’établissement");
            assertThat(browser.await(By.id("new-teacher")).getDomAttribute("disabled")).isNotNull();
            browser.screenshot("accounts-cannot-create");
            jdbc.sql("update school set contact_email = ? where uai = ?").params(contact, uai).update();
            browser.open("http://localhost:" + port + "/etablissement");
            browser.await(By.id("new-teacher")).click();

            // Béatrice Durand came with STS-web already: the director is warned before making a second account
            browser.awaitText("vaadin-radio-button", "M.").click();
            browser.type("#new-last-name input", "durand");
            browser.type("#new-first-name input", "Beatrice");
            browser.type("#new-birth-date input", "17/05/1980");
            browser.await(By.cssSelector("#new-birth-date input")).sendKeys(Keys.TAB);
            browser.await(By.id("create-account")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "DURAND Béatrice (beatrice.durand, Enseignant");
            browser.screenshot("account-duplicate");
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='cancel-button']")).click();

            // a substitute missing from STS-web
            browser.type("#new-last-name input", "Lefort");
            browser.type("#new-first-name input", "Élie");
            browser.type("#new-birth-date input", "02/04/1988");
            browser.await(By.cssSelector("#new-birth-date input")).sendKeys(Keys.TAB);
            browser.type("#new-email input", "elie.lefort@exemple.fr");
            browser.await(By.cssSelector("#new-classes input")).sendKeys("6A", Keys.ENTER);
            browser.type("#new-discipline input", "Mathématiques");
            browser.screenshot("account-new-teacher");
            browser.await(By.id("create-account")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Compte elie.lefort créé");
            String shown = browser.await(By.id("new-activation-code")).getText();
            browser.screenshot("account-created");

            // the sheet printed from the dialog carries the code
            byte[] sheet = browser.download(browser.await(By.cssSelector("vaadin-confirm-dialog-overlay a.print-sheet")));
            String text;
            try (PDDocument pdf = Loader.loadPDF(sheet)) {
                text = new PDFTextStripper().getText(pdf);
            }
            Matcher printed = Pattern.compile("(?m)^([" + ActivationCode.ALPHABET + "]{8})$").matcher(text);
            assertThat(printed.find()).as(text).isTrue();
            code = printed.group(1);
            assertThat(code).isEqualTo(shown);
            assertThat(text).contains("elie.lefort");
            browser.await(By.cssSelector(CONFIRM)).click();
        }
        long before = activatedTeachers(uai);

        try (Browser phone = Browser.phone()) {
            phone.open("http://localhost:" + port + "/activation?identifiant=elie.lefort");
            phone.type("vaadin-text-field:nth-of-type(2) input", code);
            phone.awaitText("vaadin-button", "Continuer").click();
            phone.awaitText("h2", "Bonjour Élie");
            phone.type("vaadin-password-field input", "Tableau-Noir-2026!");
            phone.type("vaadin-password-field:nth-of-type(2) input", "Tableau-Noir-2026!");
            phone.awaitText("vaadin-checkbox", "J’ai lu et j’accepte la charte").click();
            phone.awaitText("vaadin-button", "Activer mon compte").click();
            phone.awaitText("h1", "Votre compte est activé");
        }
        assertThat(activatedTeachers(uai)).isEqualTo(before + 1);

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.type("vaadin-text-field[aria-label] input", "lefort");
            browser.awaitText("vaadin-grid-cell-content", "Activé");

            // the edit: ID ENT and local administrator; an imported account says what the import rewrites
            browser.await(By.cssSelector("vaadin-button.edit-account")).click();
            browser.type("#edit-ent-id input", "ENT-0042");
            browser.await(By.id("edit-local-admin")).click();
            browser.await(By.id("save-account")).click();
            browser.awaitDeepText("vaadin-notification-card", "Compte elie.lefort enregistré.");
            assertThat(jdbc.sql("select concat(ent_id, ' ', local_admin) from account where login = 'elie.lefort'")
                    .query(String.class).single()).isEqualTo("ENT-0042 1");
            browser.type("vaadin-text-field[aria-label] input", "durand");
            browser.await(By.cssSelector("vaadin-button.edit-account")).click();
            browser.awaitDeepText("#account-editor", "Le prochain import STS-web remplacera ce champ.");
            browser.awaitDeepText("#account-editor", "il ne se supprime pas ici");
            browser.screenshot("account-edit-imported");
            browser.awaitText("vaadin-button", "Annuler").click();
            assertThat(browser.driver().findElements(By.cssSelector("vaadin-button.delete-account"))).isEmpty();

            // deleted: gone from the accounts in use, found among the deleted ones, restorable
            browser.type("vaadin-text-field[aria-label] input", "lefort");
            browser.await(By.cssSelector("vaadin-button.delete-account")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Supprimer le compte d’Élie Lefort (elie.lefort)");
            browser.await(By.cssSelector(CONFIRM)).click();
            browser.awaitDeepText("vaadin-notification-card", "Compte elie.lefort supprimé.");
            browser.awaitText("span", "Aucun compte ne correspond.");
            browser.awaitText("vaadin-select", "Comptes en service").click();
            browser.awaitText("vaadin-select-item", "Supprimés").click();
            browser.awaitText("vaadin-grid-cell-content", "Supprimé");
            browser.screenshot("account-deleted");
            browser.await(By.cssSelector("vaadin-button.restore-account")).click();
            browser.await(By.cssSelector(CONFIRM)).click();
            browser.awaitDeepText("vaadin-notification-card", "Compte elie.lefort remis en service.");
        }
        assertThat(jdbc.sql("select state from account where login = 'elie.lefort'").query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(activatedTeachers(uai)).isEqualTo(before + 1);
    }

    private long activatedTeachers(String uai) {
        return statistics.ofSchool(uai).stream().filter(tally -> tally.profile() == Profile.TEACHER)
                .mapToLong(ActivationTally::activated).sum();
    }
}
