package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.SignInSettings;
import fr.rentree.support.AllAtOnce;
import fr.rentree.support.ForkedApplication;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guard holds across instances: a second Rentrée (a JVM of its own, on the same database) and this test's server
 * receive wrong passwords for one username at once, half each, through the real login endpoint; no more than the
 * guard allows are evaluated in all. Prints the README's figure for two instances.
 */
@RentreeIntegrationTest
class TwoInstancesGuessingIT {

    @LocalServerPort
    int port;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    SignInSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Value("${rentree.activation-codes.key-file}")
    Path keyFile;
    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void simultaneous_wrong_passwords_on_two_instances_are_evaluated_no_more_than_the_guard_allows() throws Exception {
        int otherPort;
        try (ServerSocket free = new ServerSocket(0)) {
            otherPort = free.getLocalPort();
        }
        try (ForkedApplication other = ForkedApplication.start(settings(otherPort), folder.resolve("other.log"))) {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> other.isAlive() && ready(otherPort));
            for (int attempts : new int[] {20, 50}) {
                String username = "deux.instances." + attempts + "." + System.nanoTime() % 100_000;
                users.createIfAbsent(username, "mot-de-passe-de-test", "Deux instances", Role.DISTRICT_STAFF,
                        Set.of());
                String address = "198.51.100." + (attempts == 20 ? 31 : 32);

                AllAtOnce.run(attempts, i -> post(i % 2 == 0 ? port : otherPort, username, address));

                List<Instant> evaluated = jdbc.sql("""
                                select at from sign_in_attempt where username = ? and outcome = 'FAILURE' order by at""")
                        .param(username).query((row, n) -> row.getTimestamp(1).toInstant()).list();
                ParallelGuessingIT.figure("sign-in (password), two instances", attempts, evaluated.size(),
                        settings.throttleAfter());
                ParallelGuessingIT.allowedByTheGuard(evaluated, settings.throttleAfter(), settings.throttleDelay());
                assertThat(jdbc.sql("select count(*) from sign_in_attempt where username = ? and outcome in "
                        + "('FAILURE', 'THROTTLED')").param(username).query(Integer.class).single())
                        .as("both instances answered every attempt sent to them").isEqualTo(attempts);
            }
        }
    }

    /** The forked instance: this test's database and key, its sign-in limits, the loopback as its proxy. */
    private Map<String, String> settings(int otherPort) {
        Map<String, String> settings = ForkedApplication.besideTheTests(environment, keyFile, folder, otherPort);
        settings.put("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1");
        settings.put("rentree.security.sign-in.throttle-after", String.valueOf(this.settings.throttleAfter()));
        settings.put("rentree.security.sign-in.throttle-delay", this.settings.throttleDelay().toString());
        settings.put("rentree.security.sign-in.lock-after", String.valueOf(this.settings.lockAfter()));
        settings.put("rentree.security.sign-in.lock-duration", this.settings.lockDuration().toString());
        settings.put("rentree.security.totp.enabled", "false");
        settings.put("vaadin.launch-browser", "false");
        return settings;
    }

    private boolean ready(int otherPort) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void post(int to, String username, String address) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=mauvais";
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
