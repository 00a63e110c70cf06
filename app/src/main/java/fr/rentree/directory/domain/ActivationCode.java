package fr.rentree.directory.domain;

import java.util.random.RandomGenerator;

/**
 * The one-time code a holder types with their login to activate their account. Eight characters from an alphabet
 * without look-alikes (no I, L, O, 0, 1), so a code read off paper is typed right the first time. Never printed by
 * {@link #toString()}, so it cannot reach a log by accident.
 */
public record ActivationCode(String value) {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    public ActivationCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not an activation code");
        }
    }

    /** A new code; give it a {@code SecureRandom}. */
    public static ActivationCode random(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ActivationCode(new String(code));
    }

    @Override
    public String toString() {
        return "ActivationCode[********]";
    }
}
