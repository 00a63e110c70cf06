package fr.rentree.directory.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import fr.rentree.directory.domain.ActivationCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes activation codes and keeps them encrypted at rest: AES-256-GCM, a fresh nonce per code, the login as
 * associated data so a code copied onto another account's row does not open. The key comes from
 * {@code rentree.activation-codes.key} (base64 of 32 bytes); in development, from a key file made on first run.
 */
@Component
class ActivationCodes {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    ActivationCodes(@Value("${rentree.activation-codes.key:}") String key,
                    @Value("${rentree.activation-codes.key-file:}") String keyFile) {
        byte[] bytes;
        if (!key.isBlank()) {
            bytes = Base64.getDecoder().decode(key.strip());
        } else if (!keyFile.isBlank()) {
            bytes = keyFromFile(Path.of(keyFile));
        } else {
            throw new IllegalStateException("No key to encrypt activation codes: set RENTREE_ACTIVATIONCODES_KEY to"
                    + " the base64 of 32 random bytes (e.g. `openssl rand -base64 32`) and keep it safe.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The activation-code key must be 32 bytes (base64 of 32 random bytes),"
                    + " not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    ActivationCode generate() {
        return ActivationCode.random(random);
    }

    byte[] seal(ActivationCode code, String login) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, login, code.value().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    ActivationCode open(byte[] sealed, String login) {
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        return new ActivationCode(new String(crypt(Cipher.DECRYPT_MODE, nonce, login, rest),
                StandardCharsets.US_ASCII));
    }

    private byte[] crypt(int mode, byte[] nonce, String login, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(login.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("activation code cipher failed (wrong key?)", e);
        }
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                trySetOwnerOnly(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the activation-code key " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's protection is all there is
        }
    }
}
