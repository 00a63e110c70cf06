package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A session whose second factor is still awaited is not a signed-in user: what only signed-in users reach outside
 * the screens (the actuator's endpoints but health) stays closed to it.
 */
@RentreeIntegrationTest
class PendingSecondFactorIT {

    @LocalServerPort
    int port;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void a_session_awaiting_its_code_is_refused_what_a_signed_in_user_reaches() throws Exception {
        String username = "attente.code." + System.nanoTime() % 100_000;
        users.createIfAbsent(username, Fixtures.PASSWORD, "Attente du code", Role.ADMIN, Set.of());
        HttpClient pending = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        try (AutoCloseable required = SecondFactorCodes.required(environment)) {
            assertThat(signIn(pending, username).headers().firstValue("Location").orElseThrow())
                    .doesNotEndWith("/login?error"); // the password was right: the code is awaited
        }
        assertThat(get(pending, "/actuator/info").statusCode()).isNotEqualTo(200);
        assertThat(get(pending, "/actuator/health/readiness").statusCode()).isEqualTo(200);

        HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(signedIn, username); // no second factor asked now: fully signed in
        assertThat(get(signedIn, "/actuator/info").statusCode()).isEqualTo(200);
    }

    private HttpResponse<Void> signIn(HttpClient http, String username) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", "192.0.2.91")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<Void> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
