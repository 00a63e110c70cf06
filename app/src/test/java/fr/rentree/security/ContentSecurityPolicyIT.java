package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import fr.rentree.support.Browser;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of the running server carries the Content Security Policy, a same-origin Referrer-Policy and a
 * Permissions-Policy that gives no page any device: the pages, the public ones included, and the redirect of a
 * visitor not signed in to the login page. The browser tests check that Vaadin's screens, the charts
 * and the BPMN diagram work under it (Chromium's console reports no refusal); this one checks that such a refusal
 * would be seen.
 */
@RentreeIntegrationTest
class ContentSecurityPolicyIT {

    private static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Test
    void pages_and_redirects_carry_the_policies() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String path : new String[] {"/login", "/activation", "/journal"}) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path)).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(path).isIn(200, 302);
                assertThat(response.headers().allValues("Content-Security-Policy")).as(path).containsExactly(POLICY);
                // a link to another site carries no address along (/invitation?jeton=…, /mot-de-passe?jeton=…)
                assertThat(response.headers().allValues("Referrer-Policy")).as(path).containsExactly("same-origin");
                // no page asks for a camera, a microphone, a position or a payment
                assertThat(response.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                        assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
            }
        }
    }

    /** What the browser tests rely on: Chromium enforces the policy, and its refusals reach the console they read. */
    @Test
    void chromium_refuses_a_script_from_elsewhere_and_says_so() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/login");
            browser.awaitDeepText("vaadin-login-form", "Connexion");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
            browser.driver().executeScript("""
                    const script = document.createElement('script');
                    script.src = 'http://192.0.2.1/injected.js'; // RFC 5737: nobody's address
                    document.head.appendChild(script);""");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !browser.contentSecurityPolicyViolations().isEmpty());
        }
    }
}
