package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import fr.rentree.base.seal.SecretSeal;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.service.SecondFactorSecrets;
import fr.rentree.security.service.SecondFactorService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Second-factor secrets are sealed at rest: the column holds no secret in clear (a database backup defeats no second
 * factor), secrets stored in clear before are sealed at the start, and the key rotation seals them again while the
 * users' apps keep signing them in.
 */
@RentreeIntegrationTest
class SecondFactorSealingIT {

    private static final String ADDRESS = "192.0.2.71"; // RFC 5737: this test's own
    /** The previous key application-test.properties names "test-old". */
    private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    SecondFactorSecrets secrets;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_columns_hold_no_secret_in_clear() {
        String admin = fixtures.admin();
        SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(admin);
        assertSealed(stored(admin, "totp_pending_secret"), enrolment.secret());
        assertThat(secondFactor.pendingEnrolment(admin).secret()).as("the same secret at the next showing")
                .isEqualTo(enrolment.secret());

        secondFactor.enrol(admin, enrolment.secret(), SecondFactorCodes.code(enrolment.secret(),
                SecondFactorCodes.currentStep() - 1), ADDRESS);

        assertSealed(stored(admin, "totp_secret"), enrolment.secret());
        assertThat(secondFactor.verify(admin, SecondFactorCodes.code(enrolment.secret(),
                SecondFactorCodes.currentStep()), ADDRESS).getUsername()).isEqualTo(admin);
    }

    @Test
    void a_secret_stored_in_clear_before_is_sealed_at_the_start_and_still_signs_in() {
        String admin = fixtures.admin();
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        jdbc.sql("update back_office_user set totp_secret = ? where username = ?")
                .params(secret.getBytes(StandardCharsets.US_ASCII), admin).update();

        assertThat(secrets.sealClear()).isPositive();

        assertSealed(stored(admin, "totp_secret"), secret);
        assertThat(secrets.sealClear()).as("nothing left in clear").isZero();
        assertThat(secondFactor.verify(admin, SecondFactorCodes.code(secret, SecondFactorCodes.currentStep()),
                ADDRESS).getUsername()).isEqualTo(admin);
    }

    @Test
    void the_key_rotation_seals_secrets_again_and_the_apps_keep_signing_in() {
        String admin = fixtures.admin();
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        long id = jdbc.sql("select id from back_office_user where username = ?").param(admin).query(Long.class)
                .single();
        SecretSeal old = new SecretSeal(OLD_KEY, "", "test-old", "");
        jdbc.sql("update back_office_user set totp_secret = ? where id = ?")
                .params(old.seal(secret.getBytes(StandardCharsets.US_ASCII), "back-office-user:" + id), id).update();
        assertThat(secondFactor.verify(admin, SecondFactorCodes.code(secret, SecondFactorCodes.currentStep() - 1),
                ADDRESS)).as("the previous key still opens it").isNotNull();

        assertThat(secrets.reseal()).isPositive();

        byte[] resealed = stored(admin, "totp_secret");
        assertSealed(resealed, secret);
        assertThat(new String(resealed, 2, resealed[1], StandardCharsets.US_ASCII)).isNotEqualTo("test-old");
        assertThat(secondFactor.verify(admin, SecondFactorCodes.code(secret, SecondFactorCodes.currentStep()),
                ADDRESS).getUsername()).isEqualTo(admin);
    }

    private byte[] stored(String username, String column) {
        return jdbc.sql("select " + column + " from back_office_user where username = ?").param(username)
                .query((row, n) -> row.getBytes(1)).single();
    }

    private static void assertSealed(byte[] stored, String secret) {
        assertThat(SecretSeal.looksSealed(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret)
                .doesNotContain(secret.substring(0, 8));
    }
}
