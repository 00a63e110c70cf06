package fr.rentree.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Paramètres de l’établissement" in a real Chromium: a director of two schools (as the demo's karim.benali) finds it
 * in the menu after "Mon établissement", reads what a wrong address lacks, saves the right one and finds it again.
 */
@RentreeIntegrationTest
class SchoolSettingsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    SchoolService schools;

    private Browser browser;
    private School college;
    private School lycee;
    private String director;

    @BeforeEach
    void aDirectorOfTwoSchools() {
        college = fixtures.schoolWithDirector("Collège Jean-Jaurès").school();
        lycee = fixtures.schoolWithDirector("Lycée Suger").school();
        director = "proviseur." + lycee.uai().toLowerCase();
        users.createIfAbsent(director, Fixtures.PASSWORD, "Karim Benali", Role.DIRECTOR,
                Set.of(college.uai(), lycee.uai()));
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void a_director_corrects_the_contact_address_of_one_of_their_schools_and_finds_it_after_a_reload() {
        browser.open("http://localhost:" + port + "/etablissement");
        browser.signIn(director, Fixtures.PASSWORD);
        browser.awaitText("h2", "Mon établissement");
        String menu = browser.deepText("vaadin-side-nav");
        assertThat(menu.indexOf("Paramètres de l’établissement")).isGreaterThan(menu.indexOf("Mon établissement"))
                .isLessThan(menu.indexOf("Import SIECLE"));
        WebElement entry = browser.awaitText("vaadin-side-nav-item", "Paramètres de l’établissement");
        // read whole, not cut by an ellipsis: the text as laid out ends inside the menu entry
        assertThat((Boolean) browser.driver().executeScript("""
                const text = document.createRange();
                text.selectNodeContents(arguments[0]);
                return text.getBoundingClientRect().right <= arguments[0].getBoundingClientRect().right;""", entry))
                .as("the menu entry read whole").isTrue();
        entry.click();
        browser.awaitText("h2", "Paramètres de l’établissement");

        // the lycée, through the picker of a director of two schools
        browser.await(By.cssSelector("vaadin-combo-box input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Suger");
        browser.awaitText("vaadin-combo-box-item", "Lycée Suger").click();
        awaitValue("#settings-uai", lycee.uai());
        awaitValue("#settings-contact-email", lycee.contactEmail());

        // an address cut short: said on the field, nothing saved
        browser.type("#settings-contact-email input", "secretariat@lycee-suger");
        browser.await(By.cssSelector("#settings-contact-email input")).sendKeys(Keys.TAB);
        browser.awaitDeepText("#settings-contact-email", "Cette adresse électronique n’est pas valide");
        browser.awaitText("vaadin-button", "Enregistrer").click();
        browser.screenshot("school-settings-invalid");
        assertThat(schools.find(lycee.uai())).contains(lycee);

        browser.type("#settings-contact-email input", "secretariat@lycee-suger.fr");
        browser.awaitText("vaadin-button", "Enregistrer").click();
        browser.awaitDeepText("vaadin-notification-card", "Paramètres du lycée Suger enregistrés.");
        browser.screenshot("school-settings-saved");
        assertThat(schools.find(lycee.uai()).orElseThrow().contactEmail()).isEqualTo("secretariat@lycee-suger.fr");
        assertThat(schools.find(college.uai())).contains(college); // the other school untouched

        // reloaded, by its address as "Mon établissement" takes it
        browser.open("http://localhost:" + port + "/parametres?uai=" + lycee.uai());
        awaitValue("#settings-uai", lycee.uai());
        awaitValue("#settings-contact-email", "secretariat@lycee-suger.fr");
        assertThat(browser.deepText("#school-settings")).contains(
                "Adresse à laquelle les familles et Rentrée écrivent à l’établissement ; nécessaire pour créer des"
                        + " comptes et réinitialiser des mots de passe");
        awaitValue("#settings-kind", "Collège"); // shown, not edited: the national directory's
        awaitValue("#settings-district", Fixtures.DISTRICT);
        browser.screenshot("school-settings");

        browser.open("http://localhost:" + port + "/parametres?uai=0999999Z");
        browser.awaitText("p", "Aucun de vos établissements n’a le code UAI «\u00a00999999Z\u00a0»");
        assertThat(browser.driver().findElements(By.id("school-settings"))).allMatch(form -> !form.isDisplayed());
    }

    private void awaitValue(String fieldSelector, String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> expected.equals(browser.await(By.cssSelector(fieldSelector + " input"))
                        .getDomProperty("value")));
    }
}
