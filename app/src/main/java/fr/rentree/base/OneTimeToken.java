package fr.rentree.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a one-time link sent by e-mail (a password link, an invitation), and its hash: only the hash is
 * stored, so a copy of the database opens nothing.
 *
 * @param token what the link carries, 256 random bits in URL-safe Base64
 * @param hash  its SHA-256, in hexadecimal, as stored
 */
public record OneTimeToken(String token, String hash) {

    private static final int BYTES = 32;

    public static OneTimeToken issue(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OneTimeToken(token, hash(token));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OneTimeToken[hash=" + hash + "]"; // never the token in a log
    }
}
