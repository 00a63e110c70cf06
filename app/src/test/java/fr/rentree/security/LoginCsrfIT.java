package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login CSRF: a page of another site that posts the sign-in form (the attacker's own username and password) must not
 * sign the visitor's browser in. The browser names the posting page's origin; the sign-in refuses any other site's.
 */
@RentreeIntegrationTest
class LoginCsrfIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_sign_in_posted_from_another_site_is_refused_unread_one_from_the_application_goes_through() throws Exception {
        String attacker = user();

        HttpResponse<Void> foreign = post(attacker, "Origin", "http://evil.test");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<Void> crossSite = post(attacker, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<Void> otherPort = post(attacker, "Origin", "http://127.0.0.1:" + (port + 1));
        assertThat(otherPort.statusCode()).isEqualTo(403);
        assertThat(outcomes(attacker)).as("nothing read, nothing recorded").isEmpty();

        HttpResponse<Void> own = post(attacker, "Origin", "http://127.0.0.1:" + port);
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location").orElseThrow()).doesNotEndWith("/login?error");
        assertThat(outcomes(attacker)).containsExactly("SUCCESS");
    }

    private String user() {
        String username = "csrf." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        users.createIfAbsent(username, Fixtures.PASSWORD, "Connexion CSRF", Role.DISTRICT_STAFF, Set.of());
        return username;
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = ? order by id").param(username)
                .query(String.class).list();
    }

    /** The login form as a browser posts it, with the header the browser adds about where the page came from. */
    private HttpResponse<Void> post(String username, String header, String value)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
