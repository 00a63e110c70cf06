package fr.rentree.activation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.io.ClasspathResource;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.DictionaryLoader;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.SlantedKeyboardLoader;
import fr.rentree.activation.domain.PasswordCheck;
import fr.rentree.activation.domain.PasswordOwner;
import org.springframework.stereotype.Component;

/**
 * Measures a password as the holder types it ({@link PasswordCheck}); zxcvbn estimates how guessable it is, with
 * French dictionaries and the AZERTY keyboard beside its English ones (the lists in {@code resources/passwords},
 * whose README says where they come from) and the owner's own words.
 */
@Component
public class PasswordRules {

    static final int MIN_LENGTH = 12;
    private static final int WITHOUT_SYMBOLS = 14;
    private static final int PASSPHRASE = 20;
    private static final int NAME_WORD = 3;
    /** shorter words of a school's name or commune are the language's ("sur", "les"), not the place's */
    private static final int PLACE_WORD = 4;
    private static final String LISTS = "/passwords/";

    private final Zxcvbn zxcvbn;

    public PasswordRules() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            for (String list : List.of("fr_passwords", "fr_first_names", "fr_surnames", "fr_words")) {
                dictionaries.add(new DictionaryLoader(list, new ClasspathResource(LISTS + list + ".txt")).load());
            }
            List<Keyboard> keyboards = new ArrayList<>(StandardKeyboards.loadAllKeyboards());
            keyboards.add(new SlantedKeyboardLoader("azerty", new ClasspathResource(LISTS + "azerty.txt")).load());
            zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).keyboards(keyboards).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the password word lists ship with the application", e);
        }
    }

    public PasswordCheck check(String password, PasswordOwner owner) {
        int length = password.codePointCount(0, password.length());
        boolean capitals = password.chars().anyMatch(Character::isUpperCase);
        boolean small = password.chars().anyMatch(Character::isLowerCase);
        boolean digits = password.chars().anyMatch(Character::isDigit);
        boolean others = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        boolean varied = capitals && small && digits && others
                || length >= WITHOUT_SYMBOLS && capitals && small && digits
                || length >= PASSPHRASE;
        boolean hardToGuess = !password.isEmpty() && !holdsAny(password, owner.names(), NAME_WORD)
                && !holdsAny(password, owner.places(), PLACE_WORD)
                && zxcvbn.measure(password, words(owner)).getScore() >= owner.strength();
        return new PasswordCheck(length >= MIN_LENGTH, varied, hardToGuess);
    }

    /**
     * Whether the password holds a word of the names, whatever its case and accents ("ZOE" holds "Zoé"): zxcvbn
     * alone lets "Ecole-Louis-Pasteur-2026" pass, its separators counted as guessed characters.
     */
    private static boolean holdsAny(String password, List<String> names, int shortest) {
        String plain = plain(password);
        return names.stream().flatMap(PasswordRules::parts).filter(part -> part.length() >= shortest)
                .anyMatch(plain::contains);
    }

    /** zxcvbn matches a user input as a whole word: "École Louis Pasteur" is given as its words too. */
    private static List<String> words(PasswordOwner owner) {
        return owner.allWords().stream().flatMap(word -> Stream.concat(
                Stream.of(plain(word)), parts(word))).distinct().toList();
    }

    private static Stream<String> parts(String text) {
        return Arrays.stream(plain(text).split("[^a-z0-9]+")).filter(part -> !part.isEmpty());
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
