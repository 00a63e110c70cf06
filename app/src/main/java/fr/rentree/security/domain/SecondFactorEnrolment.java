package fr.rentree.security.domain;

import java.util.regex.Pattern;

/**
 * A second factor being enrolled: the secret shared with the user's authenticator app (Base32, as apps read it) and
 * the {@code otpauth://} address that carries it in a QR code. Nothing is saved until the app's first code is right.
 */
public record SecondFactorEnrolment(String secret, String uri) {

    private static final Pattern FOUR = Pattern.compile("(?<=\\G.{4})");

    /** The secret in groups of four, for a user who types it into the app instead of scanning the code. */
    public String groupedSecret() {
        return String.join(" ", FOUR.split(secret));
    }

    /** Like an activation code, the secret never reaches a log. */
    @Override
    public String toString() {
        return "SecondFactorEnrolment[secret=…]";
    }
}
