package fr.rentree.directory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import fr.rentree.base.seal.SecretSeal;
import fr.rentree.directory.domain.ActivationCode;
import org.junit.jupiter.api.Test;

/** Sealed codes name their key, so that the key can change while the codes already sealed stay readable. */
class ActivationCodesTest {

    private static final String OLD_KEY = key();
    private static final String NEW_KEY = key();
    private static final ActivationCode CODE = new ActivationCode("K7M2XQ9P");

    @Test
    void a_sealed_code_carries_the_id_of_its_key_and_opens_with_it_only_for_its_login() {
        ActivationCodes codes = new ActivationCodes(new SecretSeal(OLD_KEY, "", "1", ""));
        byte[] sealed = codes.seal(CODE, "zoe.martin");

        assertThat(new String(sealed, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("K\u00011");
        assertThat(sealed).hasSizeLessThanOrEqualTo(64); // the column is varbinary(64)
        assertThat(codes.sealedWithCurrentKey(sealed)).isTrue();
        assertThat(codes.open(sealed, "zoe.martin")).isEqualTo(CODE);
        assertThatThrownBy(() -> codes.open(sealed, "noel.boeuf")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_rotation_codes_of_the_previous_key_and_of_the_first_format_still_open() throws Exception {
        ActivationCodes before = new ActivationCodes(new SecretSeal(OLD_KEY, "", "1", ""));
        byte[] withId = before.seal(CODE, "zoe.martin");
        byte[] legacy = legacySeal(OLD_KEY, CODE, "zoe.martin");

        ActivationCodes after = new ActivationCodes(new SecretSeal(NEW_KEY, "", "2025-b", "1:" + OLD_KEY));

        assertThat(after.open(withId, "zoe.martin")).isEqualTo(CODE);
        assertThat(after.open(legacy, "zoe.martin")).isEqualTo(CODE);
        assertThat(after.sealedWithCurrentKey(withId)).isFalse();
        assertThat(after.sealedWithCurrentKey(legacy)).isFalse();
        byte[] resealed = after.seal(after.open(withId, "zoe.martin"), "zoe.martin");
        assertThat(after.sealedWithCurrentKey(resealed)).isTrue();
        assertThat(new ActivationCodes(new SecretSeal(NEW_KEY, "", "2025-b", "")).open(resealed, "zoe.martin"))
                .isEqualTo(CODE);
    }

    @Test
    void a_code_of_a_key_no_longer_configured_is_refused_saying_which_key() {
        byte[] sealed = new ActivationCodes(new SecretSeal(OLD_KEY, "", "1", "")).seal(CODE, "zoe.martin");

        assertThatThrownBy(() -> new ActivationCodes(new SecretSeal(NEW_KEY, "", "2", "")).open(sealed,
                "zoe.martin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed with key 1, which is not configured");
    }

    @Test
    void a_key_id_given_twice_is_refused() {
        assertThatThrownBy(() -> new ActivationCodes(new SecretSeal(NEW_KEY, "", "1", "1:" + OLD_KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key id 1 is given twice");
    }

    /** A code as Rentrée sealed them before key ids: nonce, then ciphertext and tag. */
    private static byte[] legacySeal(String key, ActivationCode code, String login) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(login.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(code.value().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
