package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A director whose username was locked by someone guessing from elsewhere types the right password in a real Chromium:
 * the login page tells them, in French, to wait or ask the administrator; a username nobody has gets the very same page.
 */
@RentreeIntegrationTest
class SignInLockoutBrowserIT {

    private static final String LOCKED = "Trop de tentatives de connexion ont échoué. Patientez quelques minutes avant "
            + "de réessayer\u00a0; si cela se reproduit, adressez-vous à l’administrateur de Rentrée.";

    @LocalServerPort
    int port;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_locked_username_is_told_to_wait_in_french_whether_it_exists_or_not() throws Exception {
        String director = "directeur.verrou." + System.nanoTime() % 1_000_000;
        users.createIfAbsent(director, Fixtures.PASSWORD, "Directeur verrouillé", Role.DIRECTOR, Set.of());
        String nobody = "personne.verrou." + System.nanoTime() % 1_000_000;

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/login");
            browser.awaitDeepText("vaadin-login-form", "Connexion");

            // someone guesses both usernames from another address until they lock (test profile: 5 failures, 10 s)
            for (int i = 0; i < 3; i++) {
                guess(director);
                guess(nobody);
            }
            Thread.sleep(1_100);
            guess(director);
            guess(nobody);
            Thread.sleep(2_100);
            guess(director);
            guess(nobody);

            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitDeepText("vaadin-login-form", "Connexion suspendue");
            browser.awaitDeepText("vaadin-login-form", LOCKED);
            assertThat(browser.currentUrl()).endsWith("/login?error");
            assertThat(browser.deepText("vaadin-login-form")).doesNotContain("Identifiant ou mot de passe incorrect");
            browser.screenshot("login-locked");
            String page = browser.deepText("vaadin-login-form");

            browser.open("http://localhost:" + port + "/login");
            browser.awaitDeepText("vaadin-login-form", "Connexion");
            browser.signIn(nobody, "n-importe-quoi");
            browser.awaitDeepText("vaadin-login-form", LOCKED);
            assertThat(browser.deepText("vaadin-login-form")).as("the same page for a username nobody has")
                    .isEqualTo(page);
        }
        assertThat(jdbc.sql("select outcome from sign_in_attempt where username = ? and address = '127.0.0.1'")
                .param(director).query(String.class).list()).containsExactly("LOCKED");
        assertThat(jdbc.sql("select outcome from sign_in_attempt where username = ? and address = '127.0.0.1'")
                .param(nobody).query(String.class).list()).containsExactly("LOCKED");
    }

    private void guess(String username) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=mauvais";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", "198.51.100.7") // RFC 5737: an address of this test's own
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
    }
}
