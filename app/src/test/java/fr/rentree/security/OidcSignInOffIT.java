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
import java.util.Map;

import fr.rentree.support.Browser;
import fr.rentree.support.ForkedApplication;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

/**
 * Rentrée as an operator starts it, without any {@code rentree.security.oidc.*}: the login page offers the password
 * form only, and the address that would send a browser to a provider leads to the login page instead. (The tests'
 * own context has a provider configured: this one runs the main classes in a JVM of their own.)
 */
@RentreeIntegrationTest
class OidcSignInOffIT {

    @Autowired
    Environment environment;
    @Value("${rentree.activation-codes.key-file}")
    Path keyFile;
    @TempDir
    Path folder;

    @Test
    void without_a_provider_the_login_page_has_no_button_and_no_way_to_one() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "OidcSignInOffIT-rentree.log"); // kept, to read when it did not start
        try (ForkedApplication rentree = ForkedApplication.start(settings(port), log);
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://localhost:" + port;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !rentree.isAlive() || status(http, base + "/actuator/health") == 200);
            assertThat(rentree.isAlive()).as("started (its log: " + log.toAbsolutePath() + ")").isTrue();

            HttpResponse<Void> toProvider = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/oauth2/authorization/academie")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(toProvider.headers().firstValue("Location")).hasValue(base + "/login");

            try (Browser browser = new Browser()) {
                browser.open(base + "/login");
                browser.awaitDeepText("vaadin-login-form", "Connexion");
                assertThat(browser.driver().findElements(By.id("oidc-sign-in"))).isEmpty();
                assertThat(browser.driver().getPageSource()).doesNotContain("guichet");
                browser.screenshot("login-without-oidc");
            }
        }
    }

    /** The main classes on this test's database and SMTP server, with none of the tests' provider settings. */
    private Map<String, String> settings(int port) {
        return Map.ofEntries(
                Map.entry("server.port", String.valueOf(port)),
                Map.entry("rentree.dev-services.enabled", "false"),
                Map.entry("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url")),
                Map.entry("spring.datasource.username", environment.getProperty("spring.datasource.username", "")),
                Map.entry("spring.datasource.password", environment.getProperty("spring.datasource.password", "")),
                Map.entry("spring.mail.host", environment.getProperty("spring.mail.host", "localhost")),
                Map.entry("spring.mail.port", environment.getRequiredProperty("spring.mail.port")),
                Map.entry("rentree.activation-codes.key-file", keyFile.toAbsolutePath().toString()),
                Map.entry("rentree.campaign.sheets-dir", folder.resolve("sheets").toString()),
                Map.entry("operaton.bpm.job-execution.enabled", "false"));
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
