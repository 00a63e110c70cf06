package fr.rentree.base.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the guessing guards keep of the words typed in a login or username field. People type a code, a password or
 * an e-mail there by mistake: kept as typed, a journal or a guard's count would hold a secret in clear. So only what
 * has the shape of a login ({@code prenom.nom}, {@code jean.martin2}: letters, digits and hyphens around a dot) or of
 * an e-mail address, or that the guard knows to be a name (a back-office user's), is kept (cut at 100 characters),
 * in any alphabet; anything else is kept as a keyed hash, {@code #} and 24
 * hexadecimal digits (HMAC-SHA256 under a key derived from the activation-code key, which the database does not
 * hold): the same words give the same hash, so they are still counted and followed, and a copy of the database tells
 * nothing of them.
 */
@Component
public class TypedNames {

    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LENGTH = 100;
    private static final int HASH_HEX = 24;

    private final String key;
    private final String keyFile;
    private volatile SecretKeySpec hashKey;

    TypedNames(@Value("${rentree.activation-codes.key:}") String key,
               @Value("${rentree.activation-codes.key-file:}") String keyFile) {
        this.key = key;
        this.keyFile = keyFile;
    }

    /** What a journal keeps of these words: as typed if shaped like a login or an e-mail, else their keyed hash. */
    public String recorded(String typed) {
        return recorded(typed, false);
    }

    /** As {@link #recorded(String)}, kept as typed also when they are known to be a name (a user has it). */
    public String recorded(String typed, boolean aName) {
        return aName || kept(typed.strip()) ? cut(typed.strip()) : hash(typed);
    }

    /** What a guard counts these words under: lower case if shaped like a login or an e-mail, else their keyed hash. */
    public String counted(String typed) {
        return counted(typed, false);
    }

    /** As {@link #counted(String)}, in lower case also when they are known to be a name (a user has it). */
    public String counted(String typed, boolean aName) {
        return aName || kept(typed.strip()) ? cut(typed.strip().toLowerCase(Locale.ROOT)) : hash(typed);
    }

    private static boolean kept(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return typed.length() <= LENGTH && (LOGIN.matcher(lower).matches() || EMAIL.matcher(lower).matches());
    }

    private String hash(String typed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey());
            byte[] digest = mac.doFinal(typed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HmacSHA256", e);
        }
    }

    /**
     * Derived from the activation-code key at first use (by then the activation codes have created its file, in
     * development): one key to keep safe, not two, and not the same key used for two things.
     */
    private SecretKeySpec hashKey() throws GeneralSecurityException {
        SecretKeySpec derived = hashKey;
        if (derived == null) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(activationCodeKey(), "HmacSHA256"));
            derived = new SecretKeySpec(mac.doFinal("rentree typed names".getBytes(StandardCharsets.US_ASCII)),
                    "HmacSHA256");
            hashKey = derived;
        }
        return derived;
    }

    private byte[] activationCodeKey() {
        try {
            String base64 = !key.isBlank() ? key : Files.readString(Path.of(keyFile));
            return Base64.getDecoder().decode(base64.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the activation-code key " + keyFile, e);
        }
    }

    private static String cut(String text) {
        return text.length() <= LENGTH ? text : text.substring(0, LENGTH);
    }
}
