package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import fr.rentree.support.Browser;
import fr.rentree.support.ForkedApplication;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

/**
 * Rentrée as an operator starts it, in a JVM of its own (the tests' context has a provider configured): without any
 * {@code rentree.security.oidc.*}, the login page offers the password form only, and the address that would send a
 * browser to a provider leads to the login page instead; with a provider that does not answer, Rentrée starts all the
 * same and the button comes back to the login page with a French sentence, not an error page.
 */
@RentreeIntegrationTest
class OidcSignInStartIT {

    @Autowired
    Environment environment;
    @Value("${rentree.activation-codes.key-file}")
    Path keyFile;
    @TempDir
    Path folder;

    @Test
    void without_a_provider_the_login_page_has_no_button_and_no_way_to_one() throws Exception {
        try (Started rentree = start("off", Map.of()); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> toProvider = http.send(HttpRequest.newBuilder(URI.create(rentree.url()
                    + "/oauth2/authorization/academie")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(toProvider.headers().firstValue("Location")).hasValue(rentree.url() + "/login");

            try (Browser browser = new Browser()) {
                browser.open(rentree.url() + "/login");
                browser.awaitDeepText("vaadin-login-form", "Connexion");
                assertThat(browser.driver().findElements(By.id("oidc-sign-in"))).isEmpty();
                assertThat(browser.driver().getPageSource()).doesNotContain("guichet");
                browser.screenshot("login-without-oidc");
            }
        }
    }

    @Test
    void a_provider_that_does_not_answer_leaves_rentree_up_and_the_login_page_says_so() throws Exception {
        String nowhere = "http://localhost:" + freePort() + "/academie"; // nothing listens there
        try (Started rentree = start("unreachable", Map.of("rentree.security.oidc.issuer-uri", nowhere,
                "rentree.security.oidc.client-id", "rentree")); Browser browser = new Browser()) {
            browser.open(rentree.url() + "/login");
            browser.await(By.id("oidc-sign-in")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().endsWith("/login?error"));
            browser.awaitDeepText("vaadin-login-form", "Connexion impossible");
            browser.awaitDeepText("vaadin-login-form", "La connexion par le guichet de l’académie n’a pas abouti.");
            browser.screenshot("login-oidc-unreachable");
        }
    }

    /** Rentrée started with these settings on top of this test's own; its log stays in target/ to read. */
    private Started start(String name, Map<String, String> extra) throws Exception {
        int port = freePort();
        Path log = Path.of("target", "OidcSignInStartIT-" + name + ".log");
        Map<String, String> settings = new HashMap<>(settings(port));
        settings.putAll(extra);
        Started started = new Started(ForkedApplication.start(settings, log), "http://localhost:" + port);
        try (HttpClient http = HttpClient.newHttpClient()) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !started.application().isAlive() || status(http, started.url() + "/actuator/health") == 200);
            assertThat(started.application().isAlive()).as("started (its log: " + log.toAbsolutePath() + ")")
                    .isTrue();
            return started;
        } catch (RuntimeException | AssertionError e) {
            started.close(); // no JVM left behind
            throw e;
        }
    }

    private record Started(ForkedApplication application, String url) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            application.close();
        }
    }

    /** The main classes on this test's database and SMTP server, with none of the tests' provider settings. */
    private Map<String, String> settings(int port) {
        return ForkedApplication.besideTheTests(environment, keyFile, folder, port);
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
