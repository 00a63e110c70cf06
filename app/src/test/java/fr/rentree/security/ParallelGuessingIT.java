package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.ActivationSettings;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.SecondFactorService;
import fr.rentree.security.service.SignInSettings;
import fr.rentree.support.AllAtOnce;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every guessing guard holds when the guesses arrive all at once: N attempts on one key are released together from N
 * threads, against the real MariaDB, and no more than the guard allows before its wait may be evaluated (the others
 * are refused unread; one that arrives after the wait is allowed, as it would be alone). Each run prints its figure
 * (the README's "Parallel guessing").
 */
@RentreeIntegrationTest
class ParallelGuessingIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AuthenticationProvider signIn;
    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    AccountActivation activation;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    SignInSettings signInSettings;
    @Autowired
    ActivationSettings activationSettings;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void simultaneous_wrong_passwords_are_evaluated_no_more_than_the_guard_allows(int attempts) throws Exception {
        String username = user("mdp");
        String address = address();

        AllAtOnce.run(attempts, n -> {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                    username, "mauvais");
            attempt.setDetails(new WebAuthenticationDetails(address, null));
            try {
                signIn.authenticate(attempt);
            } catch (RuntimeException refused) {
                // refused: the journal says whether it was read
            }
        });

        List<Instant> evaluated = times("select at from sign_in_attempt where username = ? and outcome = 'FAILURE'",
                username);
        figure("sign-in (password)", attempts, evaluated.size(), signInSettings.throttleAfter());
        allowedByTheGuard(evaluated, signInSettings.throttleAfter(), signInSettings.throttleDelay());
        assertThat(count("select count(*) from sign_in_attempt where username = ? and outcome in ('FAILURE', "
                + "'THROTTLED', 'LOCKED')", username)).as("every attempt recorded").isEqualTo(attempts);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void simultaneous_wrong_second_factor_codes_are_evaluated_no_more_than_the_guard_allows(int attempts)
            throws Exception {
        String username = user("totp");
        String address = address();
        SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(username);
        long step = SecondFactorCodes.currentStep();
        secondFactor.enrol(username, enrolment.secret(), SecondFactorCodes.code(enrolment.secret(), step - 1),
                address);
        String wrong = SecondFactorCodes.wrongCode(enrolment.secret(), step);

        AllAtOnce.run(attempts, n -> {
            try {
                secondFactor.verify(username, wrong, address);
            } catch (RuntimeException refused) {
                // refused: the journal says whether it was read
            }
        });

        List<Instant> evaluated = times(
                "select at from sign_in_attempt where username = ? and outcome = 'WRONG_CODE'", username);
        figure("sign-in (second factor)", attempts, evaluated.size(), signInSettings.throttleAfter());
        allowedByTheGuard(evaluated, signInSettings.throttleAfter(), signInSettings.throttleDelay());
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void simultaneous_wrong_activation_codes_are_evaluated_no_more_than_the_guard_allows(int attempts)
            throws Exception {
        String login = "parallele." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        String address = address();

        AllAtOnce.run(attempts, n -> activation.check(login, "ABCD2345", address));

        List<Instant> evaluated = times("select at from holder_attempt where login = ? and outcome = 'WRONG'", login);
        figure("activation code", attempts, evaluated.size(), activationSettings.throttleAfter());
        allowedByTheGuard(evaluated, activationSettings.throttleAfter(), activationSettings.throttleDelay());
        assertThat(count("select count(*) from holder_attempt where login = ? and outcome in ('WRONG', 'THROTTLED')",
                login)).as("every attempt recorded").isEqualTo(attempts);
    }

    /**
     * No more attempts evaluated than the guard allows: the first {@code throttleAfter} at once, and any further one
     * only once the wait after the one before had passed (on a busy machine fifty requests may take longer than the
     * test profile's one-second wait to arrive). The times are the reservations', in order.
     */
    static void allowedByTheGuard(List<Instant> evaluated, int throttleAfter, Duration wait) {
        assertThat(evaluated).hasSizeGreaterThanOrEqualTo(throttleAfter);
        for (int i = throttleAfter; i < evaluated.size(); i++) {
            assertThat(Duration.between(evaluated.get(i - 1), evaluated.get(i)))
                    .as("evaluated attempt %d of %s came before the wait", i + 1, evaluated).isGreaterThanOrEqualTo(wait);
        }
    }

    private List<Instant> times(String sql, String key) {
        return jdbc.sql(sql + " order by at").param(key).query((row, n) -> row.getTimestamp(1).toInstant()).list();
    }

    static void figure(String guard, int attempts, int evaluated, int allowed) {
        System.out.printf("Parallel guessing, %s: %d simultaneous attempts, %d evaluated (%d allowed at once)%n", guard,
                attempts, evaluated, allowed);
    }

    private int count(String sql, String key) {
        return jdbc.sql(sql).param(key).query(Integer.class).single();
    }

    private String user(String name) {
        String username = "parallele." + name + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
        users.createIfAbsent(username, Fixtures.PASSWORD, "Parallèle " + name, Role.DISTRICT_STAFF, Set.of());
        return username;
    }

    /** An address of the documentation range (RFC 5737) of this test's own. */
    private static String address() {
        return "198.51.100." + (100 + SEQUENCE.incrementAndGet() % 150);
    }
}
