package fr.rentree.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import fr.rentree.school.domain.School;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A director of several schools, at 1366 × 768: "Fiches de connexion", "Campagnes", "Import", "Paramètres" and
 * "Journal" all went back to the first school, the address never said which, and changing the school on "Import"
 * dropped the uploaded files without a word (issue 22, B5).
 */
@RentreeIntegrationTest
class ChosenSchoolBrowserIT {

    private static final String PICKER = "vaadin-combo-box.school-picker";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    BackOfficeUserService users;

    @Test
    void the_chosen_school_stays_across_screens_and_reloads_and_import_asks_before_dropping_files(@TempDir Path folder)
            throws Exception {
        School college = fixtures.schoolWithDirector("Collège Anatole-France").school();
        School lycee = fixtures.schoolWithDirector("Lycée Voltaire").school();
        String director = "proviseure." + lycee.uai().toLowerCase();
        users.createIfAbsent(director, Fixtures.PASSWORD, "Nadia Amrani", Role.DIRECTOR,
                Set.of(college.uai(), lycee.uai()));

        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Mon établissement");
            awaitChosen(browser, college);
            choose(browser, "Voltaire", "Lycée Voltaire");
            awaitChosen(browser, lycee);
            await().atMost(Duration.ofSeconds(10)).until(browser::currentUrl,
                    url -> url.endsWith("/etablissement?uai=" + lycee.uai()));

            for (String screen : new String[] {"Fiches de connexion", "Campagnes", "Import SIECLE",
                    "Paramètres de l’établissement", "Journal"}) {
                browser.awaitText("vaadin-side-nav-item", screen).click();
                awaitChosen(browser, lycee);
                await(screen).atMost(Duration.ofSeconds(10)).until(browser::currentUrl,
                        url -> url.contains("uai=" + lycee.uai()));
            }
            browser.open(browser.currentUrl()); // a reload
            awaitChosen(browser, lycee);

            // "Import": files uploaded for the lycée are not dropped without a question
            browser.awaitText("vaadin-side-nav-item", "Import SIECLE").click();
            awaitChosen(browser, lycee);
            Path pupils = Files.writeString(folder.resolve("ElevesSansAdresses.xml"), "<BEE_ELEVES/>");
            browser.upload("vaadin-upload", pupils);
            browser.awaitText("span", "ElevesSansAdresses.xml");
            choose(browser, "Anatole", "Collège Anatole-France");
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "ElevesSansAdresses.xml");
            browser.screenshot("import-change-school");
            browser.await(By.cssSelector("vaadin-button[slot=cancel-button]")).click();
            awaitChosen(browser, lycee);
            browser.awaitText("span", "ElevesSansAdresses.xml");

            choose(browser, "Anatole", "Collège Anatole-France");
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "ElevesSansAdresses.xml");
            browser.await(By.cssSelector("vaadin-button[slot=confirm-button]")).click();
            awaitChosen(browser, college);
            browser.awaitGone("span", "ElevesSansAdresses.xml");
            await().atMost(Duration.ofSeconds(10)).until(browser::currentUrl,
                    url -> url.endsWith("/import?uai=" + college.uai()));
        }
    }

    private static void choose(Browser browser, String typed, String item) {
        browser.await(By.cssSelector(PICKER + " input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), typed);
        browser.awaitText("vaadin-combo-box-item", item).click();
    }

    private static void awaitChosen(Browser browser, School school) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.await(By.cssSelector(PICKER + " input"))
                .getDomProperty("value"), value -> value.contains(school.uai()));
    }
}
