package fr.rentree.base;

import java.util.regex.Pattern;

/** What the directory accepts as an e-mail address: one @, a dotted domain, no spaces, at most 254 characters. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailAddress() {
    }

    public static boolean isValid(String candidate) {
        return candidate.length() <= MAX_LENGTH && SHAPE.matcher(candidate).matches();
    }
}
