package fr.rentree.support;

import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What a user's authenticator app does, for the tests of the second factor: the code of a secret at a time step, with
 * the same library as the server, as any app would compute it. And the switch those tests turn the second factor on
 * with, in the one application context of the integration tests.
 */
public final class SecondFactorCodes {

    private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator();

    private SecondFactorCodes() {
    }

    /** The current time step (30 s each since the epoch). */
    public static long currentStep() {
        return Instant.now().getEpochSecond() / CODES.getTimeStep().toSeconds();
    }

    /** The app's code for this secret (Base32, spaces allowed) at this time step. */
    public static String code(String secret, long step) {
        try {
            return CODES.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret.replace(" ", "")),
                    CODES.getAlgorithm()), Instant.ofEpochSecond(step * CODES.getTimeStep().toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A code that the server accepts for none of the steps around this one (a step either side, and the next two). */
    public static String wrongCode(String secret, long step) {
        java.util.List<String> right = java.util.stream.LongStream.rangeClosed(step - 1, step + 2)
                .mapToObj(s -> code(secret, s)).toList();
        return java.util.stream.IntStream.range(0, 10).mapToObj(n -> String.format("%06d", 123_456 + n))
                .filter(candidate -> !right.contains(candidate)).findFirst().orElseThrow();
    }

    /**
     * Turns the second factor on ({@code rentree.security.totp.enabled}, read at each sign-in) until the returned
     * handle is closed.
     */
    public static AutoCloseable required(ConfigurableEnvironment environment) {
        String name = "second-factor-test";
        environment.getPropertySources().addFirst(new MapPropertySource(name,
                Map.of("rentree.security.totp.enabled", "true")));
        return () -> environment.getPropertySources().remove(name);
    }
}
