package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.Typography;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A session ends on a screen that refreshes itself: "Mes tâches" asks the server every 5 s, and those polls are no
 * activity, so a director who left it open is signed out after the idle timeout; a session that keeps being used
 * still ends at its lifetime. The sign-in page says why, in French. (Timeouts of a few seconds, for the test.)
 */
@RentreeIntegrationTest
class SessionLifetimeBrowserIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ConfigurableEnvironment environment;
    @LocalServerPort
    int port;

    @Test
    void my_tasks_left_open_polls_but_the_session_ends_after_the_idle_timeout() throws Exception {
        String director = fixtures.schoolWithDirector("Collège Marie-Curie").director();
        try (AutoCloseable shortened = session("PT12S", "PT10H"); Browser browser = new Browser()) {
            signIn(browser, director);

            // nobody touches it: the page keeps polling every 5 s, and still the session ends
            awaitSignInPageSaying(browser, "Vous avez été déconnecté après un moment sans activité");
            browser.screenshot("session-idle-ended");
            assertThat(browser.currentUrl()).contains("/login");
        }
    }

    @Test
    void a_session_in_use_still_ends_at_its_lifetime() throws Exception {
        String director = fixtures.schoolWithDirector("Collège Pierre-Curie").director();
        String home = "http://localhost:" + port;
        try (AutoCloseable shortened = session("PT1H", "PT15S"); Browser browser = new Browser()) {
            signIn(browser, director);
            long start = System.nanoTime();
            while (Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20
                    && !browser.currentUrl().contains("/login")) {
                browser.open(home + "/campagnes"); // in use all along
                Thread.sleep(3_000);
            }
            awaitSignInPageSaying(browser, "Votre session a atteint sa durée maximale");
            browser.screenshot("session-lifetime-ended");
        }
    }

    @Test
    void a_session_this_server_does_not_hold_ends_with_a_word() {
        String director = fixtures.schoolWithDirector("Collège Irène-Joliot-Curie").director();
        try (Browser browser = new Browser()) {
            signIn(browser, director);
            // what a second instance sees when the load balancer sends it the browser of one that stopped
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.driver().manage().addCookie(new Cookie.Builder("JSESSIONID", "0F1E2D3C4B5A69788796A5B4C3D2E1F0")
                    .path("/").isHttpOnly(true).build());

            browser.awaitText("vaadin-side-nav-item", "Campagnes").click();
            awaitSignInPageSaying(browser, "Votre session a pris fin\u00a0: le serveur qui la portait s’est arrêté");
            browser.screenshot("session-lost");
        }
    }

    @Test
    void signing_out_on_purpose_is_not_taken_for_a_lost_session() {
        String director = fixtures.schoolWithDirector("Collège Frédéric-Joliot").director();
        try (Browser browser = new Browser()) {
            signIn(browser, director);
            browser.awaitText("vaadin-button", "Se déconnecter").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> browser.currentUrl().contains("/login"));
            browser.await(By.cssSelector("vaadin-login-form"));
            assertThat(browser.deepText("vaadin-login-form")).doesNotContain("Session terminée", "pris fin");
        }
    }

    private void signIn(Browser browser, String director) {
        browser.open("http://localhost:" + port + "/login");
        browser.signIn(director, Fixtures.PASSWORD);
        browser.awaitText("h2", "Mes tâches");
    }

    private static void awaitSignInPageSaying(Browser browser, String words) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45), Duration.ofSeconds(1))
                .until(d -> browser.deepText("vaadin-login-form").contains(Typography.plain(words)));
    }

    private AutoCloseable session(String idle, String lifetime) {
        String name = "session-lifetime-test";
        environment.getPropertySources().addFirst(new MapPropertySource(name, Map.of(
                "rentree.security.session.idle-timeout", idle, "rentree.security.session.lifetime", lifetime)));
        return () -> environment.getPropertySources().remove(name);
    }
}
