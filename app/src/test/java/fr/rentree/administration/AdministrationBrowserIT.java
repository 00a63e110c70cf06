package fr.rentree.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.school.domain.Uai;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.AnnuaireExport;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Issue 13's "done when", in Chromium: an administrator imports a district's schools from a directory export,
 * creates a director who receives the invitation in "Courriels envoyés", chooses a password and a second factor,
 * signs in and sees only their school; disabled, their session ends at the next click. District staff typing the addresses of other roles'
 * pages find none of them.
 */
@RentreeIntegrationTest
class AdministrationBrowserIT {

    private static final String PASSWORD = "Cahier-de-textes-2026!";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    BackOfficeUserService signIn;
    @Autowired
    ConfigurableEnvironment environment;
    @TempDir
    Path folder;

    @Test
    void an_administrator_imports_the_district_invites_a_director_who_signs_in_to_their_school_alone()
            throws Exception {
        String admin = fixtures.admin();
        String departement = "Val-de-Marne " + System.nanoTime();
        Path export = Files.write(folder.resolve("fr-en-annuaire-education.csv"),
                new AnnuaireExport(departement).schools(6_100_000, 12).bytes());
        String college = Uai.of(6_100_005); // the fifth line: a collège
        String username = "claire." + System.nanoTime();
        String address = username + "@ac-creteil.fr";

        try (Browser browser = new Browser(); Browser director = new Browser()) {
            browser.open("http://localhost:" + port + "/");
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.awaitText("h2", "Établissements");

            browser.upload("#directory-upload", export);
            browser.awaitText("p", "12 établissements à créer");
            browser.awaitText("p", "Information et orientation (1)");
            browser.screenshot("admin-schools-preview");
            browser.await(By.id("directory-apply")).click();
            browser.awaitText("vaadin-confirm-dialog-overlay", "12 établissements seront créés");
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
                    .click();
            browser.awaitText("p", "Import terminé : 12 établissements créés");
            browser.type("vaadin-text-field[placeholder^='UAI'] input", departement);
            browser.awaitText("vaadin-grid-cell-content", college);
            browser.screenshot("admin-schools");

            browser.awaitText("vaadin-side-nav-item", "Utilisateurs").click();
            browser.awaitText("h2", "Utilisateurs");
            browser.await(By.id("user-new")).click();
            browser.type("#user-username input", username);
            browser.type("#user-name input", "Claire Dubois");
            browser.type("#user-email input", address);
            browser.await(By.cssSelector("#user-schools input")).sendKeys("n° 5");
            browser.awaitText("vaadin-multi-select-combo-box-item", college).click();
            browser.await(By.cssSelector("#user-schools input")).sendKeys(Keys.ESCAPE);
            browser.screenshot("admin-user-new");
            browser.await(By.id("user-save")).click();
            browser.awaitDeepText("vaadin-notification-card", "Invitation envoyée à Claire Dubois");
            browser.awaitText("vaadin-grid-cell-content", "Invité (mot de passe pas encore choisi)");
            browser.screenshot("admin-users");

            browser.awaitText("vaadin-side-nav-item", "Courriels envoyés").click();
            browser.awaitText("vaadin-grid-cell-content", "Votre accès à Rentrée");
            browser.screenshot("admin-sent-mails");
            SentMail mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.sentMails().stream()
                    .filter(m -> m.to().contains(address)).toList(), mails -> mails.size() == 1).getFirst();

            director.open(link(mail));
            director.awaitText("p", "Bonjour Claire Dubois, choisissez le mot de passe de votre identifiant "
                    + username);
            director.type("vaadin-password-field input", PASSWORD);
            director.type("vaadin-password-field:nth-of-type(2) input", PASSWORD);
            director.awaitText("li", "✓ Les deux saisies sont identiques");
            director.screenshot("invitation-password");
            director.await(By.id("invitation-save")).click();
            director.awaitText("p", "Vous pouvez vous connecter avec l’identifiant " + username);
            director.awaitText("a", "Se connecter").click();
            try (AutoCloseable required = SecondFactorCodes.required(environment)) { // as under prod
                director.signIn(username, PASSWORD);
                director.awaitText("h2", "Vérification en deux étapes");
                String secret = director.await(By.id("totp-secret")).getText();
                director.type("#totp-code input", SecondFactorCodes.code(secret, SecondFactorCodes.currentStep()));
                director.await(By.id("totp-submit")).click();
                director.awaitText("h2", "Mes tâches");
            }
            director.open("http://localhost:" + port + "/etablissement");
            director.awaitText("h2", "Mon établissement");
            director.awaitText("span", college); // "Collège · UAI …": their school, the only one they have
            director.screenshot("invited-director-school");
            director.open("http://localhost:" + port + "/parametres?uai=" + Uai.of(6_100_000));
            director.awaitText("p", "Aucun de vos établissements n’a le code UAI");
            director.open("http://localhost:" + port + "/admin/utilisateurs");
            director.awaitText("h2", "Page introuvable");

            // disabled by the administrator: the director's next click lands on the sign-in page
            browser.open("http://localhost:" + port + "/admin/utilisateurs");
            browser.awaitText("vaadin-grid-cell-content", username);
            browser.driver().executeScript("""
                    const cells = [...document.querySelectorAll('vaadin-grid-cell-content')];
                    const row = cells.findIndex(cell => cell.textContent.includes(arguments[0]));
                    const buttons = cells.slice(row).flatMap(cell => [...cell.querySelectorAll('vaadin-button')]);
                    buttons.find(button => button.textContent.trim() === 'Désactiver').click();""", username);
            browser.awaitText("vaadin-confirm-dialog-overlay", "ses sessions ouvertes prendront fin");
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
                    .click();
            browser.awaitDeepText("vaadin-notification-card", "Claire Dubois est désactivé");
            assertThat(signIn.loadUserByUsername(username).isEnabled()).isFalse();

            director.awaitText("vaadin-side-nav-item", "Journal").click();
            director.await(By.cssSelector("vaadin-login-form"));
            director.screenshot("disabled-director-signed-out");
        }
    }

    @Test
    void district_staff_typing_the_addresses_of_other_roles_pages_find_none_of_them() {
        var school = fixtures.schoolWithDirector("Collège Olympe-de-Gouges");
        String officer = fixtures.districtOfficer(Set.of(school.school().uai()));
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/");
            browser.signIn(officer, Fixtures.PASSWORD);
            // their home: their district's campaign under way, or their district campaigns
            await().atMost(Duration.ofSeconds(20)).until(browser::currentUrl,
                    url -> url.contains("/circonscription/campagne"));
            for (String page : List.of("etablissement", "etablissement?uai=" + school.school().uai(), "journal",
                    "fiches", "import", "parametres", "taches", "admin/etablissements", "admin/utilisateurs")) {
                browser.open("http://localhost:" + port + "/" + page);
                browser.awaitText("h2", "Page introuvable");
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).as(page)
                        .doesNotContain(school.school().contactEmail(), school.director());
            }
            browser.screenshot("district-staff-url-refused");
        }
    }

    private String link(SentMail mail) {
        Matcher link = Pattern.compile("(http\\S+invitation\\?jeton=[A-Za-z0-9_-]+)").matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();
        assertThat(link.group(1)).as("made on the server's own port").startsWith("http://localhost:" + port + "/");
        return link.group(1);
    }
}
