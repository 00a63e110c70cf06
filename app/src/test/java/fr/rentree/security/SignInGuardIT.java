package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The back-office sign-in under guessing, through the real login endpoint of the running server, as a proxy forwards
 * it: each test pretends to come from addresses of its own (X-Forwarded-For, honoured from the loopback proxy), so
 * that it counts nothing against the other tests. The test profile spaces attempts out after 3 failures (1 s, then
 * 2 s) and locks a username after 5, for 10 s.
 */
@RentreeIntegrationTest
class SignInGuardIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuthenticationProvider signIn;

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect: the answer is the redirect

    @Test
    void repeated_wrong_passwords_lock_the_username_even_for_the_right_password_until_the_lock_ends()
            throws Exception {
        String username = user("lock");
        String address = address();

        for (int i = 0; i < 3; i++) {
            assertThat(signIn(username, "mauvais", address)).isEqualTo(Answer.REFUSED);
        }
        // three failures: the next attempt must wait a second, and is refused unread, right password or not
        assertThat(signIn(username, Fixtures.PASSWORD, address)).isEqualTo(Answer.REFUSED);
        Thread.sleep(1_100);
        assertThat(signIn(username, "mauvais", address)).isEqualTo(Answer.REFUSED);
        Thread.sleep(2_100); // the wait doubles
        assertThat(signIn(username, "mauvais", address)).isEqualTo(Answer.REFUSED); // the fifth: locked
        assertThat(signIn(username, Fixtures.PASSWORD, address)).as("locked, even with the right password")
                .isEqualTo(Answer.REFUSED);

        assertThat(outcomes(username)).containsExactly("FAILURE", "FAILURE", "FAILURE", "THROTTLED", "FAILURE",
                "FAILURE", "LOCKOUT_USERNAME", "LOCKED");
        assertThat(jdbc.sql("select distinct address from sign_in_attempt where username = ?").param(username)
                .query(String.class).list()).as("the client's address, as the proxy forwarded it")
                .containsExactly(address);

        // another user, from another address, is not held up
        String other = user("other");
        assertThat(signIn(other, Fixtures.PASSWORD, address())).isEqualTo(Answer.SIGNED_IN);

        // the lock ends by itself; a sign-in then clears the count
        Thread.sleep(10_100);
        assertThat(signIn(username, Fixtures.PASSWORD, address)).isEqualTo(Answer.SIGNED_IN);
        assertThat(outcomes(username)).last().isEqualTo("SUCCESS");
        assertThat(jdbc.sql("select count(*) from sign_in_guard where kind = 'USERNAME' and guard_key = ?")
                .param(username).query(Integer.class).single()).isZero();
    }

    @Test
    void a_username_nobody_has_is_answered_and_locked_exactly_like_a_real_one() throws Exception {
        String real = user("real");
        String nobody = "personne." + SEQUENCE.incrementAndGet();
        String address = address();

        List<Answer> forReal = new java.util.ArrayList<>();
        List<Answer> forNobody = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) { // the fourth comes too soon after the third
            HttpResponse<Void> a = post(real, "mauvais", address);
            HttpResponse<Void> b = post(nobody, "mauvais", address);
            assertThat(b.statusCode()).isEqualTo(a.statusCode());
            assertThat(b.headers().firstValue("Location")).isEqualTo(a.headers().firstValue("Location"));
            forReal.add(Answer.of(a));
            forNobody.add(Answer.of(b));
        }
        assertThat(forNobody).isEqualTo(forReal).containsOnly(Answer.REFUSED);
        assertThat(outcomes(nobody)).isEqualTo(outcomes(real))
                .containsExactly("FAILURE", "FAILURE", "FAILURE", "THROTTLED");
    }

    @Test
    void an_address_with_too_many_failures_is_locked_for_every_username_while_others_sign_in() throws Exception {
        String address = address();
        String user = user("address");
        // thirty failures, each on a username of its own: no username is throttled, the address is what they share
        for (int i = 0; i < 30; i++) {
            assertThat(signIn("devine." + SEQUENCE.incrementAndGet(), "mauvais", address)).isEqualTo(Answer.REFUSED);
        }
        assertThat(jdbc.sql("select count(*) from sign_in_attempt where address = ? and outcome = 'LOCKOUT_ADDRESS'")
                .param(address).query(Integer.class).single()).isEqualTo(1);

        assertThat(signIn(user, Fixtures.PASSWORD, address)).as("the address is locked, even for the right password")
                .isEqualTo(Answer.REFUSED);
        assertThat(outcomes(user)).containsExactly("ADDRESS_LOCKED");
        assertThat(signIn(user, Fixtures.PASSWORD, address())).as("the same user from elsewhere")
                .isEqualTo(Answer.SIGNED_IN);
    }

    @Test
    void an_invited_user_without_a_password_takes_the_path_of_a_wrong_password() throws Exception {
        String invited = user("invite");
        jdbc.sql("update back_office_user set password_hash = null where username = ?").param(invited).update();
        String real = user("reel");
        String address = address();

        // the same exception as a wrong password, after the same hashing: no pending invitation shows
        assertThatThrownBy(() -> signIn.authenticate(attempt(invited, "mauvais", address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(attempt(real, "mauvais", address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(attempt(invited, "", address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(attempt(real, "", address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
        HttpResponse<Void> a = post(invited, "mauvais", address);
        HttpResponse<Void> b = post(real, "mauvais", address);
        assertThat(a.statusCode()).isEqualTo(b.statusCode());
        assertThat(a.headers().firstValue("Location")).isEqualTo(b.headers().firstValue("Location"));
        assertThat(outcomes(invited)).isEqualTo(outcomes(real)).containsExactly("FAILURE", "FAILURE", "FAILURE");
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    private String user(String name) {
        String username = "connexion." + name + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        users.createIfAbsent(username, Fixtures.PASSWORD, "Connexion " + name, Role.DISTRICT_STAFF, Set.of());
        return username;
    }

    /** An address of the documentation range (RFC 5737) of this test's own. */
    private static String address() {
        int n = SEQUENCE.incrementAndGet();
        return "203.0." + (113 + n / 250 % 100) + "." + (1 + n % 250);
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = ? order by id").param(username)
                .query(String.class).list();
    }

    private Answer signIn(String username, String password, String address) throws IOException, InterruptedException {
        return Answer.of(post(username, password, address));
    }

    /** What the browser's login form sends, from behind a proxy that forwards the client's address. */
    private HttpResponse<Void> post(String username, String password, String address)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Spring Security answers a form login with a redirect: back to the login page, or on into the application. */
    private enum Answer {
        SIGNED_IN, REFUSED;

        static Answer of(HttpResponse<?> response) {
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow().endsWith("/login?error") ? REFUSED
                    : SIGNED_IN;
        }
    }
}
