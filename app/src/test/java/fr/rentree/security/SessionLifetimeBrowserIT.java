package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.Typography;
import org.junit.jupiter.api.Test;
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
            browser.open("http://localhost:" + port + "/login");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Mes tâches");

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
            browser.open(home + "/login");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Mes tâches");
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
