package fr.rentree.activation.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;
import fr.rentree.activation.domain.PasswordCheck;
import org.springframework.stereotype.Component;

/** Measures a password as the holder types it ({@link PasswordCheck}); zxcvbn estimates how guessable it is. */
@Component
public class PasswordRules {

    static final int MIN_LENGTH = 12;
    private static final int WITHOUT_SYMBOLS = 14;
    private static final int PASSPHRASE = 20;
    private static final int STRONG = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** @param personal the holder's login, first and last names: a password holding one of them is easy to guess */
    public PasswordCheck check(String password, List<String> personal) {
        int length = password.codePointCount(0, password.length());
        boolean capitals = password.chars().anyMatch(Character::isUpperCase);
        boolean small = password.chars().anyMatch(Character::isLowerCase);
        boolean digits = password.chars().anyMatch(Character::isDigit);
        boolean others = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        boolean varied = capitals && small && digits && others
                || length >= WITHOUT_SYMBOLS && capitals && small && digits
                || length >= PASSPHRASE;
        boolean hardToGuess = !password.isEmpty() && !holdsAny(password, personal)
                && zxcvbn.measure(password, personal).getScore() >= STRONG;
        return new PasswordCheck(length >= MIN_LENGTH, varied, hardToGuess);
    }

    /** Whether the password holds one of the words, whatever its case and accents ("ZOE" holds "Zoé"). */
    private static boolean holdsAny(String password, List<String> words) {
        String plain = plain(password);
        return words.stream().map(PasswordRules::plain).flatMap(word -> Arrays.stream(word.split("[^a-z0-9]+")))
                .filter(part -> part.length() >= 3).anyMatch(plain::contains);
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
