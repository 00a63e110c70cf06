package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
            browser.await(By.cssSelector("#new-birth-date input")).sendKeys(Keys.ENTER);
            browser.screenshot("account-new-duplicate-form");
            browser.await(By.id("create-account")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "DURAND Béatrice (beatrice.durand, Enseignant");
            browser.screenshot("account-duplicate");
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='cancel-button']")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .invisibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));

            // a substitute missing from STS-web
            browser.type("#new-last-name input", "Lefort");
            browser.type("#new-first-name input", "Élie");
            browser.type("#new-birth-date input", "02/04/1988");
            browser.await(By.cssSelector("#new-birth-date input")).sendKeys(Keys.ENTER);
            browser.type("#new-email input", "elie.lefort@exemple.fr");
            browser.await(By.cssSelector("#new-classes input")).sendKeys("6A");
            browser.awaitText("vaadin-multi-select-combo-box-item", "6A").click();
            browser.await(By.cssSelector("#new-classes input")).sendKeys(Keys.ESCAPE);
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
            browser.type("#account-search input", "lefort");
            browser.awaitText("span[@id='accounts-found']", "1 compte");
            browser.screenshot("account-activated");
            assertThat(browser.deepText("#accounts")).contains("elie.lefort", "Activé");

            // the edit: ID ENT and local administrator; an imported account says what the import rewrites
            clickTheOnly(browser, "vaadin-button.edit-account", By.id("edit-email"));
            browser.type("#edit-email input", "elie.lefort@");
            browser.await(By.id("save-account")).click();
            browser.awaitDeepText("#edit-email", "Cette adresse électronique n’est pas valide.");
            assertThat(browser.deepText("#edit-classes")).contains("6A");
            browser.screenshot("account-edit-invalid");
            browser.type("#edit-email input", " e.lefort@exemple.fr ");
            browser.type("#edit-ent-id input", "ENT-0042");
            browser.await(By.cssSelector("#edit-local-admin label")).click();
            browser.await(By.id("save-account")).click();
            browser.awaitDeepText("vaadin-notification-card", "Compte elie.lefort enregistré.");
            assertThat(jdbc.sql("select concat(email, ' ', ent_id, ' ', local_admin) from account"
                    + " where login = 'elie.lefort'").query(String.class).single())
                    .isEqualTo("e.lefort@exemple.fr ENT-0042 1");
            browser.type("#account-search input", "durand");
            browser.awaitDeepText("#accounts", "beatrice.durand");
            clickTheOnly(browser, "vaadin-button.edit-account", By.id("edit-email"));
            browser.await(By.id("edit-email"));
            browser.screenshot("account-edit-imported");
            browser.awaitDeepText("vaadin-dialog-overlay[opened]", "Modifier le compte de Béatrice DURAND");
            browser.awaitText("div", "Le prochain import STS-web remplacera ce champ.");
            browser.awaitText("p", "il ne se supprime pas ici");
            browser.awaitText("vaadin-button", "Annuler").click();
            assertThat(browser.driver().findElements(By.cssSelector("vaadin-button.delete-account")).stream()
                    .filter(WebElement::isDisplayed)).as("an imported account is not deleted by hand").isEmpty();

            // deleted: gone from the accounts in use, found among the deleted ones, restorable
            browser.type("#account-search input", "lefort");
            browser.awaitDeepText("#accounts", "elie.lefort");
            clickTheOnly(browser, "vaadin-button.delete-account", By.cssSelector(CONFIRM));
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Supprimer le compte d’Élie LEFORT (elie.lefort)");
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

    /**
     * Clicks the button of the one account listed until what it opens shows: the grid replaces its rows' buttons
     * as it renders a new search, and a click on a replaced button is lost.
     */
    private static void clickTheOnly(Browser browser, String css, By opened) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<WebElement> shown = driver.findElements(By.cssSelector(css)).stream()
                            .filter(WebElement::isDisplayed).toList();
                    if (shown.size() == 1) {
                        // the actions column is not frozen: the grid scrolled sideways first, as a person does
                        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                                "const table = document.querySelector('#accounts').$.table;"
                                        + " table.scrollLeft = table.scrollWidth;");
                        shown.getFirst().click();
                        try {
                            new WebDriverWait(driver, Duration.ofSeconds(2))
                                    .until(ExpectedConditions.visibilityOfElementLocated(opened));
                            return true;
                        } catch (TimeoutException notYet) {
                            return false;
                        }
                    }
                    return false;
                });
    }

    private long activatedTeachers(String uai) {
        return statistics.ofSchool(uai).stream().filter(tally -> tally.profile() == Profile.TEACHER)
                .mapToLong(ActivationTally::activated).sum();
    }
}
