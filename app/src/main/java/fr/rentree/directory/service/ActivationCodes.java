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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
 * <p>
 * Keys rotate: a sealed code starts with the id of the key that sealed it ({@code rentree.activation-codes.key-id},
 * {@value #DEFAULT_KEY_ID} by default), and the keys of earlier ids stay readable through
 * {@code rentree.activation-codes.previous-keys} ({@code id:base64,...}) until every code was sealed again with the
 * current one. Codes sealed before key ids existed (nonce and ciphertext only, {@value #LEGACY_BYTES} bytes) are
 * opened with whichever known key authenticates them.
 */
@Component
class ActivationCodes {

    static final String DEFAULT_KEY_ID = "1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A sealed code of the first format: nonce, 8 encrypted characters, tag. */
    static final int LEGACY_BYTES = NONCE_BYTES + ActivationCode.LENGTH + TAG_BITS / 8;
    /** The first byte of a sealed code that names its key; then the id's length, the id, the nonce, the rest. */
    private static final byte WITH_KEY_ID = 'K';
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    private final SecureRandom random = new SecureRandom();
    private final String keyId;
    private final byte[] keyIdBytes;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    ActivationCodes(@Value("${rentree.activation-codes.key:}") String key,
                    @Value("${rentree.activation-codes.key-file:}") String keyFile,
                    @Value("${rentree.activation-codes.key-id:" + DEFAULT_KEY_ID + "}") String keyId,
                    @Value("${rentree.activation-codes.previous-keys:}") String previousKeys) {
        this.keyId = checkedId(keyId.strip());
        this.keyIdBytes = this.keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes;
        if (!key.isBlank()) {
            bytes = Base64.getDecoder().decode(key.strip());
        } else if (!keyFile.isBlank()) {
            bytes = keyFromFile(Path.of(keyFile));
        } else {
            throw new IllegalStateException("No key to encrypt activation codes: set RENTREE_ACTIVATIONCODES_KEY to"
                    + " the base64 of 32 random bytes (e.g. `openssl rand -base64 32`) and keep it safe.");
        }
        keys.put(this.keyId, aesKey(bytes));
        for (String previous : previousKeys.split(",")) {
            if (previous.isBlank()) {
                continue;
            }
            int colon = previous.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("rentree.activation-codes.previous-keys lists id:base64 pairs,"
                        + " separated by commas; one has no id");
            }
            String id = checkedId(previous.substring(0, colon).strip());
            if (keys.putIfAbsent(id, aesKey(Base64.getDecoder().decode(previous.substring(colon + 1).strip())))
                    != null) {
                throw new IllegalStateException("The activation-code key id " + id + " is given twice: a new key"
                        + " needs a new id, or codes sealed with the old one could no longer be opened");
            }
        }
    }

    /** The id of the key that seals new codes. */
    String keyId() {
        return keyId;
    }

    /** Whether these sealed bytes were made with the current key: a rotation leaves them as they are. */
    boolean sealedWithCurrentKey(byte[] sealed) {
        return sealed.length > 2 + keyIdBytes.length && sealed[0] == WITH_KEY_ID && sealed[1] == keyIdBytes.length
                && Arrays.equals(sealed, 2, 2 + keyIdBytes.length, keyIdBytes, 0, keyIdBytes.length);
    }

    ActivationCode generate() {
        return ActivationCode.random(random);
    }

    /** The code sealed with the current key, its id in front. */
    byte[] seal(ActivationCode code, String login) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(keyId), nonce, login,
                code.value().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(2 + keyIdBytes.length + NONCE_BYTES + sealed.length)
                .put(WITH_KEY_ID).put((byte) keyIdBytes.length).put(keyIdBytes).put(nonce).put(sealed).array();
    }

    ActivationCode open(byte[] sealed, String login) {
        if (sealed.length == LEGACY_BYTES) { // before key ids: the key that authenticates it is the one
            GeneralSecurityException last = null;
            for (SecretKey key : keys.values()) {
                try {
                    return open(key, sealed, 0, login);
                } catch (GeneralSecurityException wrongKey) {
                    last = wrongKey;
                }
            }
            throw new IllegalStateException("activation code cipher failed: no known key opens this code", last);
        }
        if (sealed.length < 2 || sealed[0] != WITH_KEY_ID || sealed.length < 2 + sealed[1] + LEGACY_BYTES) {
            throw new IllegalStateException("not a sealed activation code");
        }
        String id = new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("activation code sealed with key " + id + ", which is not configured:"
                    + " add it to rentree.activation-codes.previous-keys");
        }
        try {
            return open(key, sealed, 2 + sealed[1], login);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("activation code cipher failed (wrong key for id " + id + "?)", e);
        }
    }

    private static ActivationCode open(SecretKey key, byte[] sealed, int from, String login)
            throws GeneralSecurityException {
        byte[] nonce = Arrays.copyOfRange(sealed, from, from + NONCE_BYTES);
        byte[] rest = Arrays.copyOfRange(sealed, from + NONCE_BYTES, sealed.length);
        return new ActivationCode(new String(cipher(Cipher.DECRYPT_MODE, key, nonce, login).doFinal(rest),
                StandardCharsets.US_ASCII));
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String login, byte[] input) {
        try {
            return cipher(mode, key, nonce, login).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("activation code cipher failed (wrong key?)", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String login)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(login.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey aesKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The activation-code key must be 32 bytes (base64 of 32 random bytes),"
                    + " not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String checkedId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("An activation-code key id is 1 to 16 letters, digits, '.', '_' or '-',"
                    + " not '" + id + "'");
        }
        return id;
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
