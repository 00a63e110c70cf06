package fr.rentree.base.i18n;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What French grammar asks of a message around its arguments, which its text cannot know in advance: "de" elided
 * before a vowel ("la scolarité d’Anne"), and the article of a school's name ("l’équipe du collège Pasteur",
 * "de l’école Jean-Jaurès").
 */
final class FrenchGrammar {

    /** The articles of the first words of school names; other names go without one ("de Saint-Exupéry"). */
    private static final Map<String, String> ARTICLES = Map.of(
            "ecole", "l’", "college", "le ", "lycee", "le ", "groupe", "le ", "cite", "la ", "erea", "l’",
            "institut", "l’", "ensemble", "l’", "centre", "le ");
    private static final Pattern ARGUMENT = Pattern.compile("(\\bde )?\\{(\\d+)}");
    private static final Pattern VOWEL = Pattern.compile("^[aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ]");

    private FrenchGrammar() {
    }

    /** A message pattern and its arguments, rewritten so that the arguments carry the words grammar adds. */
    record Sentence(String pattern, Object[] arguments) {
    }

    /**
     * Moves into the arguments the "de" before them, and gives school names their article: "L’équipe de {0}" with
     * {@code Institution("Collège Pasteur")} becomes "L’équipe {0}" with "du collège Pasteur".
     */
    static Sentence rewrite(String pattern, Object[] arguments) {
        Object[] rewritten = arguments.clone();
        StringBuilder text = new StringBuilder();
        Matcher argument = ARGUMENT.matcher(pattern);
        while (argument.find()) {
            int index = Integer.parseInt(argument.group(2));
            Object value = index < arguments.length ? arguments[index] : null;
            boolean de = argument.group(1) != null;
            String replacement = argument.group();
            if (value instanceof Institution school) {
                rewritten[index] = de ? ofInstitution(school.name())
                        : argument.start() == 0 ? capitalized(withArticle(school.name())) : withArticle(school.name());
                replacement = "{" + index + "}";
            } else if (de && value instanceof String word) {
                rewritten[index] = of(word);
                replacement = "{" + index + "}";
            }
            argument.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        argument.appendTail(text);
        return new Sentence(text.toString(), rewritten);
    }

    /** "de" before a word, elided before a vowel: "de Noël", "d’Anne". */
    static String of(String word) {
        return VOWEL.matcher(word).find() ? "d’" + word : "de " + word;
    }

    /** A school's name with its article: "le collège Pasteur", "l’école Jean-Jaurès"; "Saint-Exupéry" as it is. */
    static String withArticle(String name) {
        String first = name.split("[\\s-]", 2)[0];
        String article = ARTICLES.get(plain(first));
        if (article == null) {
            return name;
        }
        // a word in capitals stays so: "l’EREA Jean-Monnet", "le COLLEGE PASTEUR" as the directory writes it
        boolean capitals = first.length() > 1 && first.equals(first.toUpperCase(Locale.FRENCH));
        return article + (capitals ? name : first.toLowerCase(Locale.FRENCH) + name.substring(first.length()));
    }

    /** "de" before a school's name: "du collège Pasteur", "de l’école Jean-Jaurès", "de la cité scolaire …". */
    static String ofInstitution(String name) {
        String named = withArticle(name);
        return named.startsWith("le ") ? "du " + named.substring(3) : named.equals(name) ? of(name) : "de " + named;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
    }

    private static String plain(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
