package fr.rentree.directory.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Classes in school order, as directors read them: PS, MS, GS, CP, CE1, CE2, CM1, CM2; 6e, 5e, 4e, 3e; 2nde, 1re,
 * Tle; then any other class. Within a level, and among the others, numbers compare as numbers ("6e 2" before
 * "6e 10") and letters without regard to case; a letter right after a level is the class's ("6A" before "6E").
 */
public final class ClassOrder implements Comparator<String> {

    public static final ClassOrder INSTANCE = new ClassOrder();

    /**
     * The "e" or "ème" of a collège level, when it is written: before a number, a space or punctuation ("6E1", "6e A",
     * "6EME"). A letter alone after the number is the class's own ("6E" is class E, after "6A"), and no digit may
     * follow the bare number ("61" is not a sixième).
     */
    private static final String WRITTEN_E = "EME(?![A-Z])|E(?=[^A-Z])|(?![0-9])";

    /**
     * The levels in order, each as SIECLE and schools write its start ("6", "6E", "6EME"...). A number alone is a
     * level only when no digit follows it ("6" in "6A", not in "61"); a written suffix may ("2NDE1").
     */
    private static final List<Pattern> LEVELS = Stream.of("PS", "MS", "GS", "CP", "CE1(?![0-9])", "CE2(?![0-9])",
                    "CM1(?![0-9])", "CM2(?![0-9])", "6(?:" + WRITTEN_E + ")", "5(?:" + WRITTEN_E + ")",
                    "4(?:" + WRITTEN_E + ")", "3(?:" + WRITTEN_E + ")", "2(?:NDE|DE|ND|(?![0-9]))",
                    "1(?:ERE|RE|(?![0-9]))", "T(?:ERMINALE|ERM|LE)")
            .map(start -> Pattern.compile("^" + start)).toList();

    private static final Pattern PARTS = Pattern.compile("\\d+|\\D+");

    private ClassOrder() {
    }

    /** A list of codes as the queries write it ("3A, 6B"), in school order ("6B, 3A"); null stays null. */
    public static @Nullable String sorted(@Nullable String codes) {
        return codes == null ? null : Arrays.stream(codes.split(", ")).sorted(INSTANCE)
                .collect(Collectors.joining(", "));
    }

    @Override
    public int compare(String left, String right) {
        String a = left.strip().toUpperCase(Locale.FRENCH);
        String b = right.strip().toUpperCase(Locale.FRENCH);
        Matcher x = level(a);
        Matcher y = level(b);
        int levels = Integer.compare(rank(x), rank(y));
        if (levels != 0) {
            return levels;
        }
        // within a level, by what follows it ("2NDE1" and "2DE3" are both seconde): numbers as numbers
        int rest = natural(a.substring(end(x)).strip(), b.substring(end(y)).strip());
        return rest != 0 ? rest : left.compareTo(right);
    }

    /** The level the code starts with, matched; or none (a matcher that did not find). */
    private static Matcher level(String code) {
        Matcher none = LEVELS.getFirst().matcher("");
        for (Pattern level : LEVELS) {
            Matcher matcher = level.matcher(code);
            if (matcher.find()) {
                return matcher;
            }
        }
        return none;
    }

    private static int rank(Matcher level) {
        return level.hasMatch() ? LEVELS.indexOf(level.pattern()) : LEVELS.size();
    }

    private static int end(Matcher level) {
        return level.hasMatch() ? level.end() : 0;
    }

    /** Digits as numbers, the rest as text; then the longer after the shorter. */
    private static int natural(String a, String b) {
        Matcher left = PARTS.matcher(a);
        Matcher right = PARTS.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
