package fr.rentree.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.sheets.service.SheetService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family's path, in a real Chromium the size of a phone: the code read off the printed sheet, the page the sheet's
 * QR code opens, a password refused then accepted, and the school's statistics counting the account at once.
 */
@RentreeIntegrationTest
class ActivationBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SheetService sheets;
    @Autowired
    StatisticsService statistics;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void a_parent_activates_from_the_printed_sheet_on_a_phone_and_the_statistics_count_it() throws Exception {
        fixtures.emptyDirectory();
        var school = fixtures.schoolWithAccounts("Collège Germaine-Tillion", folder);
        String uai = school.school().uai();
        long helene = jdbc.sql("select id from account where login = 'helene.boeuf'").query(Long.class).single();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        fixtures.as(school.director(), () -> sheets.printAccount(uai, helene, Locale.FRENCH, pdf));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(document);
        }
        Matcher printed = Pattern.compile("(?m)^([" + ActivationCode.ALPHABET + "]{8})$").matcher(text);
        assertThat(printed.find()).as(text).isTrue();
        String code = printed.group(1);
        long before = activated(uai);

        try (Browser phone = Browser.phone()) {
            phone.open("http://localhost:" + port + "/activation?identifiant=helene.boeuf");
            phone.awaitText("h1", "Activer mon compte");
            assertThat(phone.await(By.cssSelector("vaadin-text-field input")).getDomProperty("value"))
                    .isEqualTo("helene.boeuf");
            phone.screenshot("activation-phone-1");
            // a typo first: said without telling which of the two is wrong
            phone.type("vaadin-text-field:nth-of-type(2) input", "ABCDEFGH");
            phone.awaitText("vaadin-button", "Continuer").click();
            phone.awaitText("p", "Identifiant ou code d’activation incorrect.");
            phone.type("vaadin-text-field:nth-of-type(2) input", code.toLowerCase());
            phone.awaitText("vaadin-button", "Continuer").click();

            phone.awaitText("h2", "Bonjour Hélène");
            assertThat(phone.driver().findElement(By.id("activation-refusal")).getText()).isEmpty(); // step 1's
            // words that fit a mother as well as a father
            phone.awaitText("vaadin-checkbox", "Je n’ai pas la responsabilité légale de Noël BŒUF").click();
            phone.awaitText("vaadin-checkbox", "Je n’ai pas la responsabilité légale d’Anne-Sophie BŒUF");
            phone.type("vaadin-password-field input", "motdepasse");
            phone.awaitText("li", "✗ Au moins 12 caractères");
            phone.type("vaadin-password-field input", "Cartable-Vert-2026!");
            phone.awaitText("li", "✓ Au moins 12 caractères");
            phone.awaitText("li", "✓ Difficile à deviner");
            phone.type("vaadin-password-field:nth-of-type(2) input", "Cartable-Vert-2026!");
            phone.awaitText("li", "✓ Les deux saisies sont identiques");
            WebElement activate = phone.awaitText("vaadin-button", "Activer mon compte");
            assertThat(activate.getDomAttribute("disabled")).isNotNull(); // the charter first
            phone.awaitText("vaadin-checkbox", "J’ai lu et j’accepte la charte").click();
            phone.screenshot("activation-phone-2");
            phone.awaitText("vaadin-button", "Activer mon compte").click();

            phone.awaitText("h1", "Votre compte est activé");
            phone.awaitText("p", "l’identifiant helene.boeuf");
            phone.awaitText("p", "L’établissement est prévenu que vous n’avez pas la responsabilité légale de Noël"
                    + " BŒUF");
            phone.screenshot("activation-phone-3");
            // nothing wider than the phone: no sideways scrolling
            Object overflow = phone.driver().executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow).isEqualTo(false);
        }
        assertThat(activated(uai)).isEqualTo(before + 1);

        // she scans the sheet again weeks later: the code is void, the page leads her to a new password
        try (Browser phone = Browser.phone()) {
            phone.open("http://localhost:" + port + "/activation?identifiant=helene.boeuf");
            phone.type("vaadin-text-field:nth-of-type(2) input", code);
            phone.awaitText("vaadin-button", "Continuer").click();
            phone.awaitText("p", "Identifiant ou code d’activation incorrect.");
            phone.awaitText("a", "Compte déjà activé ? Mot de passe oublié").click();
            phone.awaitText("h1", "Mot de passe oublié");
            assertThat(phone.currentUrl()).endsWith("/mot-de-passe?identifiant=helene.boeuf");
        }
    }


    private long activated(String uai) {
        return statistics.ofSchool(uai).stream().filter(tally -> tally.profile() == Profile.PARENT)
                .mapToLong(ActivationTally::activated).sum();
    }
}
