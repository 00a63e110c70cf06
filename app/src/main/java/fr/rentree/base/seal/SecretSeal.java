package fr.rentree.base.seal;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the secrets Rentrée stores encrypted at rest (activation codes, second-factor secrets): AES-256-GCM, a fresh
 * nonce per secret, the owner (a login, a user id) as associated data so a secret copied onto another row does not
 * open. The key comes from {@code rentree.activation-codes.key} (base64 of 32 bytes); in development, from a key file
 * made on first run.
 * <p>
 * Keys rotate: a sealed secret starts with the id of the key that sealed it ({@code rentree.activation-codes.key-id},
 * {@value #DEFAULT_KEY_ID} by default), and the keys of earlier ids stay readable through
 * {@code rentree.activation-codes.previous-keys} ({@code id:base64,...}) until every secret was sealed again with the
 * current one ({@code rotate-activation-codes}).
 */
@Component
public class SecretSeal {

    public static final String DEFAULT_KEY_ID = "1";
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    /** The first byte of a sealed secret that names its key; then the id's length, the id, the nonce, the rest. */
    private static final byte WITH_KEY_ID = 'K';
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    private final SecureRandom random = new SecureRandom();
    private final String keyId;
    private final byte[] keyIdBytes;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    public SecretSeal(@Value("${rentree.activation-codes.key:}") String key,
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

    /** The id of the key that seals new secrets. */
    public String keyId() {
        return keyId;
    }

    /** Whether these sealed bytes were made with the current key: a rotation leaves them as they are. */
    public boolean sealedWithCurrentKey(byte[] sealed) {
        return sealed.length > 2 + keyIdBytes.length && sealed[0] == WITH_KEY_ID && sealed[1] == keyIdBytes.length
                && Arrays.equals(sealed, 2, 2 + keyIdBytes.length, keyIdBytes, 0, keyIdBytes.length);
    }

    /** Whether these bytes have the shape of a sealed secret (a key id in front), and not of a clear one. */
    public static boolean looksSealed(byte[] stored) {
        return stored.length > 2 + NONCE_BYTES + TAG_BYTES && stored[0] == WITH_KEY_ID && stored[1] >= 1
                && stored[1] <= 16;
    }

    /** The secret sealed with the current key, its id in front. */
    public byte[] seal(byte[] secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(keyId), nonce, owner).doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret cipher failed (wrong key?)", e);
        }
        return ByteBuffer.allocate(2 + keyIdBytes.length + NONCE_BYTES + sealed.length)
                .put(WITH_KEY_ID).put((byte) keyIdBytes.length).put(keyIdBytes).put(nonce).put(sealed).array();
    }

    /** The secret these bytes seal, for this owner; refused when another owner's, or of a key no longer known. */
    public byte[] open(byte[] sealed, String owner) {
        if (sealed.length < 2 || sealed[0] != WITH_KEY_ID || sealed.length < 2 + sealed[1] + NONCE_BYTES + TAG_BYTES) {
            throw new IllegalStateException("not a sealed secret");
        }
        String id = new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("secret sealed with key " + id + ", which is not configured:"
                    + " add it to rentree.activation-codes.previous-keys");
        }
        try {
            return open(key, sealed, 2 + sealed[1], owner);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret cipher failed (wrong key for id " + id + ", or another owner?)",
                    e);
        }
    }

    /**
     * A secret sealed before key ids existed (nonce and ciphertext only), opened with whichever known key
     * authenticates it.
     */
    public byte[] openWithoutKeyId(byte[] sealed, String owner) {
        GeneralSecurityException last = null;
        for (SecretKey key : keys.values()) {
            try {
                return open(key, sealed, 0, owner);
            } catch (GeneralSecurityException wrongKey) {
                last = wrongKey;
            }
        }
        throw new IllegalStateException("secret cipher failed: no known key opens this secret", last);
    }

    private static byte[] open(SecretKey key, byte[] sealed, int from, String owner) throws GeneralSecurityException {
        byte[] nonce = Arrays.copyOfRange(sealed, from, from + NONCE_BYTES);
        return cipher(Cipher.DECRYPT_MODE, key, nonce, owner).doFinal(sealed, from + NONCE_BYTES,
                sealed.length - from - NONCE_BYTES);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String owner)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
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
