package fr.rentree.activation.domain;

import java.util.List;
import java.util.stream.Stream;

/**
 * Whose password is measured, as far as guessing goes: the words an attacker who knows the family or the school
 * tries first, and how hard to guess the password must be.
 *
 * <p>Two bars, after the CNIL's deliberation 2022-100 (the length and variety rules are the same for both):
 * an adult's password (parents, staff, older pupils) must resist an offline attack, zxcvbn's score 4 (about
 * 10<sup>10</sup> guesses); a young pupil's (a pupil of an école) may stop at score 3 (about 10<sup>8</sup>):
 * the CNIL's second case, a shorter secret where the service limits attempts, which the public pages and the
 * sign-in do (throttled, then locked), and the school resets a child's forgotten password.
 *
 * @param names     the holder's login and names and their children's: a password holding one of them is refused
 * @param places    the school's name and commune: zxcvbn counts them as guessed first
 * @param youngPupil whether the lower bar applies
 */
public record PasswordOwner(List<String> names, List<String> places, boolean youngPupil) {

    private static final int ADULT = 4;
    private static final int YOUNG_PUPIL = 3;

    /** Someone whose only known words are their own (a back-office user). */
    public static PasswordOwner adult(List<String> names) {
        return new PasswordOwner(names, List.of(), false);
    }

    /** zxcvbn's score the password must reach. */
    public int strength() {
        return youngPupil ? YOUNG_PUPIL : ADULT;
    }

    public List<String> allWords() {
        return Stream.concat(names.stream(), places.stream()).toList();
    }
}
