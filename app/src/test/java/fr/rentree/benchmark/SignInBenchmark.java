package fr.rentree.benchmark;

import static fr.rentree.benchmark.ActivationBenchmark.percentile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.PendingSignIn;
import fr.rentree.security.service.SecondFactorService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The time of a back-office sign-in with its second factor, on the server (run with {@code ./rentree benchmark-sign-in}):
 * the password step (sign-in guard asked, user read, bcrypt checked, attempt recorded) and the code step (guard asked
 * again, TOTP checked for three time steps, the step marked used, the sign-in recorded), one enrolled user after the
 * other (a code serves once: each user signs in once). What the browser adds (two page loads) is not counted.
 */
@RentreeIntegrationTest
class SignInBenchmark {

    private static final int WARM_UP = 10;
    private static final int USERS = 100;
    private static final String ADDRESS = "192.0.2.80";

    @Autowired
    AuthenticationProvider signIn;
    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void figures() throws Exception {
        List<String> usernames = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < WARM_UP + USERS; i++) {
            String username = "banc.connexion." + i + "." + System.nanoTime() % 100_000;
            users.createIfAbsent(username, Fixtures.PASSWORD, "Banc " + i, Role.DIRECTOR, Set.of());
            SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(username);
            secondFactor.enrol(username, enrolment.secret(), SecondFactorCodes.code(enrolment.secret(),
                    SecondFactorCodes.currentStep() - 1),
                    ADDRESS);
            usernames.add(username);
            secrets.add(enrolment.secret());
        }
        List<Double> passwords = new ArrayList<>();
        List<Double> codes = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        try (AutoCloseable required = SecondFactorCodes.required(environment)) {
            for (int i = 0; i < WARM_UP + USERS; i++) {
                UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                        usernames.get(i), Fixtures.PASSWORD);
                attempt.setDetails(new WebAuthenticationDetails(ADDRESS, null));
                String code = SecondFactorCodes.code(secrets.get(i), SecondFactorCodes.currentStep());
                long start = System.nanoTime();
                Authentication half = signIn.authenticate(attempt);
                long afterPassword = System.nanoTime();
                secondFactor.verify(((PendingSignIn) half).username(), code, ADDRESS);
                long end = System.nanoTime();
                if (i >= WARM_UP) {
                    passwords.add((afterPassword - start) / 1e6);
                    codes.add((end - afterPassword) / 1e6);
                    totals.add((end - start) / 1e6);
                }
            }
        }
        System.out.println("=== Rentrée sign-in with a second factor, server side: " + USERS + " sign-ins, one after"
                + " the other, after " + WARM_UP + " to warm up ===");
        System.out.printf("password step (guard, bcrypt, record): p50 %.1f ms, p95 %.1f ms%n", percentile(passwords, 50),
                percentile(passwords, 95));
        System.out.printf("code step (guard, TOTP, step marked used, record): p50 %.1f ms, p95 %.1f ms%n",
                percentile(codes, 50), percentile(codes, 95));
        System.out.printf("whole sign-in: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", percentile(totals, 50),
                percentile(totals, 95), percentile(totals, 100));
    }
}
