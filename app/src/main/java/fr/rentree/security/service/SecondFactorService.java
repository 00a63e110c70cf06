package fr.rentree.security.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import fr.rentree.base.guard.AttemptGuard;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.domain.SignInOutcome;
import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of the back-office sign-in: a TOTP code (RFC 6238: 6 digits, 30 s steps, HMAC-SHA1, what every
 * authenticator app makes) from a secret the user enrolled at their first sign-in. The codes themselves come from
 * java-otp. A code of the step before or after the server's is accepted too (a phone's clock drifts, a user types
 * slowly), each step once only: the last accepted one is stored, and a code of it or of an earlier one is refused,
 * so a code seen over a shoulder is worth nothing afterwards. Wrong codes count against the {@link SignInGuard}, as
 * wrong passwords do, and a locked username is refused its code as it is its password.
 */
@Service
@Transactional
public class SecondFactorService {

    static final String ISSUER = "Rentrée";
    /** 160 bits, the size of an HMAC-SHA1 key and what RFC 4226 recommends. */
    private static final int SECRET_BYTES = 20;
    private static final String CODE = "\\d{6}";

    private final JdbcClient jdbc;
    private final SignInGuard guard;
    private final BackOfficeUserService users;
    private final Clock clock;
    private final SecondFactorSecrets secrets;
    private final SecureRandom random = new SecureRandom();
    /** Shared by every request: it clones its HMAC for each code. */
    private final TimeBasedOneTimePasswordGenerator codes = new TimeBasedOneTimePasswordGenerator();

    SecondFactorService(JdbcClient jdbc, SignInGuard guard, BackOfficeUserService users, Clock clock,
                        SecondFactorSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.guard = guard;
        this.users = users;
        this.clock = clock;
    }

    /** Whether this user has a second factor already (otherwise they enrol one at this sign-in). */
    @Transactional(readOnly = true)
    public boolean enrolled(String username) {
        return secret(username).isPresent();
    }

    /**
     * The secret this user is enrolling, and the address that hands it to an authenticator app: the same at every
     * showing of the page until the app's first code is accepted, so that an app that scanned it keeps working after a
     * reload. Made (and kept aside, not yet the user's second factor) at the first showing.
     */
    @Transactional
    public SecondFactorEnrolment pendingEnrolment(String username) {
        Optional<Stored> pending = jdbc.sql("""
                        select id, totp_pending_secret from back_office_user
                        where username = ? and totp_pending_secret is not null for update""")
                .param(username).query(Stored::of).optional();
        return enrolment(username, pending.map(stored -> secrets.open(stored.userId(), stored.secret()))
                .orElseGet(() -> keepPending(username, newSecret())));
    }

    /** A new secret for this user's enrolment, replacing the one shown before (the user restarts on purpose). */
    @Transactional
    public SecondFactorEnrolment restartEnrolment(String username) {
        return enrolment(username, keepPending(username, newSecret()));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    private String keepPending(String username, String secret) {
        long id = userId(username);
        jdbc.sql("update back_office_user set totp_pending_secret = ? where id = ? and totp_secret is null")
                .params(secrets.seal(id, secret), id).update();
        return secret;
    }

    private long userId(String username) {
        return jdbc.sql("select id from back_office_user where username = ?").param(username).query(Long.class)
                .single();
    }

    private static SecondFactorEnrolment enrolment(String username, String secret) {
        String label = encode(ISSUER + ":" + username);
        return new SecondFactorEnrolment(secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER));
    }

    /**
     * Saves the enrolled secret if the app's first code is right, and completes the sign-in: the user is returned.
     *
     * @throws SignInRefused         the username or address is locked or throttled: the code was not even read
     * @throws WrongSecondFactorCode the code is not the app's (the secret is not saved)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // no connection held while the guard takes its own
    public SignedInUser enrol(String username, String secret, String code, String address) {
        long id = userId(username);
        return check(username, address, secret, code, step -> jdbc.sql("""
                        update back_office_user set totp_secret = ?, totp_last_step = ?, totp_pending_secret = null
                        where id = ? and totp_secret is null""")
                .params(secrets.seal(id, secret), step, id).update() == 1);
    }

    /**
     * Completes the sign-in of an enrolled user if the code is right and was never used.
     *
     * @throws SignInRefused         the username or address is locked or throttled: the code was not even read
     * @throws WrongSecondFactorCode the code is wrong, or was accepted once already
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // no connection held while the guard takes its own
    public SignedInUser verify(String username, String code, String address) {
        Stored stored = secret(username)
                .orElseThrow(() -> new IllegalStateException(username + " has no second factor"));
        // the step is recorded only while the row holds the secret that was checked (not re-enrolled meanwhile)
        return check(username, address, secrets.open(stored.userId(), stored.secret()), code, step -> jdbc.sql("""
                        update back_office_user set totp_last_step = ?
                        where id = ? and totp_secret = ? and (totp_last_step is null or totp_last_step < ?)""")
                .params(step, stored.userId(), stored.secret(), step).update() == 1);
    }


    private SignedInUser check(String username, String address, String secret, String code, StepUse use) {
        // counted before the code is read: codes sent all at once wait on each other here
        AttemptGuard.Reservation reserved = guard.reserve(username, address).orElseThrow(SignInRefused::new);
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        if (!user.isEnabled()) { // disabled between the password and the code
            guard.failed(username, reserved, SignInOutcome.FAILURE);
            throw new DisabledException(username + " is disabled");
        }
        OptionalLong step = matchingStep(secret, code.replace(" ", ""));
        if (step.isEmpty() || !use.firstUse(step.getAsLong())) {
            guard.failed(username, reserved, SignInOutcome.WRONG_CODE);
            throw new WrongSecondFactorCode();
        }
        guard.succeeded(username, reserved);
        return user;
    }

    /** The time step (the current one, or the one before or after) whose code this is; empty if none. */
    private OptionalLong matchingStep(String secret, String code) {
        if (!code.matches(CODE)) {
            return OptionalLong.empty();
        }
        Key key = new SecretKeySpec(new Base32().decode(secret), TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        long seconds = codes.getTimeStep().toSeconds();
        long current = clock.instant().getEpochSecond() / seconds;
        try {
            for (long step = current - 1; step <= current + 1; step++) {
                String expected = codes.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * seconds),
                        Locale.ROOT);
                // compared in constant time: how long a refusal takes tells nothing about the digits
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(step);
                }
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("unusable second-factor secret", e);
        }
        return OptionalLong.empty();
    }

    private Optional<Stored> secret(String username) {
        return jdbc.sql("select id, totp_secret from back_office_user where username = ? and totp_secret is not null")
                .param(username).query(Stored::of).optional();
    }

    /** A user's sealed secret, as the row holds it. */
    private record Stored(long userId, byte[] secret) {

        static Stored of(ResultSet row, int number) throws SQLException {
            return new Stored(row.getLong(1), row.getBytes(2));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Records that a step's code was used, if it may be: false when it (or a later one) was used already. */
    @FunctionalInterface
    private interface StepUse {
        boolean firstUse(long step);
    }
}
