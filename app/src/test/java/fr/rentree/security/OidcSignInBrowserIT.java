package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.support.Academie;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The académie's button on the login page, in a real Chromium, through a real OpenID Connect provider and back: a
 * director lands in the back office with their school, district staff on the follow-up of theirs; a disabled user and
 * an account with no role are turned away with a French sentence saying why. Every sign-in is journalled once.
 */
@RentreeIntegrationTest
class OidcSignInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MockOAuth2Server academie;
    @Autowired
    Fixtures fixtures;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    BackOfficeUsers backOfficeUsers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_director_of_the_academie_signs_in_with_the_button_and_sees_their_school_only() {
        Fixtures.SchoolAndDirector mine = fixtures.schoolWithDirector("Collège du Guichet");
        Fixtures.SchoolAndDirector other = fixtures.schoolWithDirector("Collège d’à côté");
        String director = "directrice.academie." + System.nanoTime() % 1_000_000; // known to the provider only
        Academie.nextUser(academie, director, Map.of("rentree_role", "DIRECTOR",
                "rentree_schools", List.of(mine.school().uai())));

        try (Browser browser = new Browser()) {
            browser.open(url("/login"));
            browser.awaitDeepText("vaadin-login-form", "Connexion");
            browser.awaitText("vaadin-button", "Se connecter avec le guichet de l’académie");
            browser.screenshot("login-oidc");
            browser.await(By.id("oidc-sign-in")).click();

            awaitUrl(browser, "/taches");
            browser.open(url("/etablissement"));
            // "Mon établissement" opens on the school the provider named, the only one to pick
            String picked = mine.school().name() + " (" + mine.school().uai() + ")";
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> picked.equals(
                    browser.await(By.cssSelector("vaadin-combo-box input")).getDomProperty("value")));
            browser.screenshot("oidc-director-school");
            assertThat(browser.driver().getPageSource()).doesNotContain(other.school().name());
            browser.open(url("/etablissement?uai=" + other.school().uai()));
            browser.awaitText("p", "Aucun de vos établissements n’a le code UAI");
            browser.screenshot("oidc-director-other-school");
        }
        assertThat(journal(director)).containsExactly(mine.school().uai());
        assertThat(attempts(director)).containsExactly("SUCCESS");

        // the password form still signs in, and is journalled once too, not once per way in
        try (Browser browser = new Browser()) {
            browser.open(url("/login"));
            browser.signIn(mine.director(), Fixtures.PASSWORD);
            awaitUrl(browser, "/taches");
        }
        assertThat(journal(mine.director())).containsExactly(mine.school().uai());
    }

    @Test
    void district_staff_of_the_academie_land_on_their_district_campaigns() {
        Fixtures.SchoolAndDirector followed = fixtures.schoolWithDirector("École du Suivi");
        String officer = "conseiller.academie." + System.nanoTime() % 1_000_000;
        // a string of UAIs, as some providers send a multi-valued attribute
        Academie.nextUser(academie, officer, Map.of("rentree_role", "district_staff",
                "rentree_schools", followed.school().uai() + " 0000000X"));

        try (Browser browser = new Browser()) {
            browser.open(url("/login"));
            browser.await(By.id("oidc-sign-in")).click();
            // they land on their district's campaign under way, or on their district campaigns when none runs
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).withMessage(browser::currentUrl)
                    .until(d -> d.getCurrentUrl().contains("/circonscription/campagne"));
        }
        assertThat(journal(officer)).isEmpty(); // the journal is the schools' record of their directors' sign-ins
        assertThat(attempts(officer)).containsExactly("SUCCESS");
    }

    @Test
    void an_administrator_who_disables_a_user_of_the_academie_ends_their_session_at_the_next_click() {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Surveillé");
        String admin = fixtures.admin();
        // the director also has a password in Rentrée; the provider's sign-in is the same user
        Academie.nextUser(academie, school.director(), Map.of("rentree_role", "DIRECTOR",
                "rentree_schools", school.school().uai()));

        try (Browser browser = new Browser()) {
            browser.open(url("/login"));
            browser.await(By.id("oidc-sign-in")).click();
            awaitUrl(browser, "/taches");
            browser.open(url("/etablissement"));
            awaitUrl(browser, "/etablissement");

            long id = backOfficeUsers.findByUsername(school.director()).orElseThrow().id();
            fixtures.as(admin, () -> backOfficeUsers.setEnabled(id, false));
            browser.open(url("/etablissement"));
            awaitUrl(browser, "/login");
        }
    }

    @Test
    void a_disabled_user_and_an_account_without_role_are_refused_in_french() {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Fermé");
        String disabled = "directeur.parti." + System.nanoTime() % 1_000_000;
        users.createIfAbsent(disabled, Fixtures.PASSWORD, "Directeur parti", Role.DIRECTOR,
                Set.of(school.school().uai()));
        fixtures.disable(disabled);
        Academie.nextUser(academie, disabled, Map.of("rentree_role", "DIRECTOR",
                "rentree_schools", school.school().uai()));

        try (Browser browser = new Browser()) {
            browser.open(url("/login"));
            browser.await(By.id("oidc-sign-in")).click();
            awaitUrl(browser, "/login?error");
            browser.awaitDeepText("vaadin-login-form", "Connexion refusée");
            browser.awaitDeepText("vaadin-login-form", "Votre accès à Rentrée a été désactivé.");

            String nobody = "sans.role." + System.nanoTime() % 1_000_000;
            Academie.nextUser(academie, nobody, Map.of("rentree_schools", school.school().uai()));
            browser.open(url("/login"));
            browser.await(By.id("oidc-sign-in")).click();
            awaitUrl(browser, "/login?error");
            browser.awaitDeepText("vaadin-login-form",
                    "Votre compte de l’académie ne donne accès à aucun établissement dans Rentrée");
            browser.screenshot("login-oidc-refused");
            browser.open(url("/taches"));
            awaitUrl(browser, "/login");
        }
        assertThat(journal(disabled)).isEmpty();
        assertThat(attempts(disabled)).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for the address to end so; when it does not, says where the browser stands, and keeps a picture. */
    private static void awaitUrl(Browser browser, String ending) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .withMessage(() -> "still at " + browser.currentUrl())
                    .until(d -> d.getCurrentUrl().endsWith(ending));
        } catch (TimeoutException e) {
            browser.screenshot("oidc-awaited-" + ending.replaceAll("\\W", ""));
            throw e;
        }
    }

    private List<String> journal(String username) {
        return jdbc.sql("select school_uai from audit_event where actor = ? and action = 'SIGN_IN'").param(username)
                .query(String.class).list();
    }

    private List<String> attempts(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = ?").param(username)
                .query(String.class).list();
    }
}
