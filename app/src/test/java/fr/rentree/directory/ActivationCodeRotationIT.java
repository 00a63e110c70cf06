package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.service.ActivationCodeRotation;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rotation of the activation-code key, on the real database: codes sealed before key ids existed are sealed
 * again with the current key, in batches, each committed; a run stopped half-way goes on when run again, and a
 * complete run leaves nothing to do. The codes themselves never change.
 */
@RentreeIntegrationTest
class ActivationCodeRotationIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ActivationCodeRotation rotation;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @TempDir
    Path folder;

    @Test
    void codes_of_the_first_format_are_sealed_again_with_the_current_key_in_resumable_batches() throws Exception {
        String uai = fixtures.schoolWithAccounts("Collège de la rotation des clés", folder).school().uai();
        Map<Long, ActivationCode> codes = new LinkedHashMap<>();
        jdbc.sql("select id, login from account where school_uai = ? and activation_code is not null").param(uai)
                .query((row, n) -> Map.entry(row.getLong(1), row.getString(2))).list()
                .forEach(account -> {
                    ActivationCode code = directory.activationCode(account.getKey()).orElseThrow();
                    codes.put(account.getKey(), code);
                    jdbc.sql("update account set activation_code = ? where id = ?")
                            .params(legacySeal(code, account.getValue()), account.getKey()).update();
                });
        assertThat(codes).hasSizeGreaterThan(5);
        assertThat(legacyRows(uai)).isEqualTo(codes.size());

        // stopped after its first batch (a crash, a Ctrl-C): what was done stays done
        List<ActivationCodeRotation.Result> seen = new ArrayList<>();
        assertThatThrownBy(() -> rotation.rotate(3, total -> {
            seen.add(total);
            throw new IllegalStateException("stopped");
        })).hasMessage("stopped");
        assertThat(seen).hasSize(1);

        ActivationCodeRotation.Result rest = rotation.rotate(3, total -> { });
        assertThat(legacyRows(uai)).isZero();
        assertThat(seen.getFirst().resealed() + rest.resealed()).isGreaterThanOrEqualTo(codes.size());
        codes.forEach((id, code) -> assertThat(directory.activationCode(id)).contains(code));
        assertThat(jdbc.sql("select activation_code from account where school_uai = ? and activation_code is not null")
                .param(uai).query((row, n) -> row.getBytes(1)).list())
                .allSatisfy(sealed -> assertThat(new String(sealed, 0, 3, StandardCharsets.US_ASCII))
                        .isEqualTo("K\u0001" + rotation.currentKeyId()));

        assertThat(rotation.rotate(3, total -> { }).resealed()).as("nothing left to do").isZero();
    }

    private long legacyRows(String uai) {
        return jdbc.sql("select count(*) from account where school_uai = ? and length(activation_code) = 36")
                .param(uai).query(Long.class).single();
    }

    /** A code as Rentrée sealed them before key ids, with the tests' key: nonce, ciphertext and tag. */
    private byte[] legacySeal(ActivationCode code, String login) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(
                    Path.of(environment.getRequiredProperty("rentree.activation-codes.key-file"))).strip());
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(login.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(code.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
