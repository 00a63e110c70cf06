package fr.rentree.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts users read: both languages complete, and no apostrophe eaten by message formatting. */
class MessagesTest {

    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void a_text_with_arguments_doubles_its_apostrophes(String bundle) throws IOException {
        load(bundle).forEach((key, value) -> {
            if (value.toString().contains("{0}")) {
                assertThat(LONE_QUOTE.matcher(value.toString()).find())
                        .as("%s in %s: write '' for an apostrophe in a text with arguments", key, bundle).isFalse();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_en.properties"})
    void every_french_text_has_its_translation(String bundle) throws IOException {
        assertThat(load(bundle).keySet()).containsExactlyInAnyOrderElementsOf(load("messages.properties").keySet());
    }

    /**
     * French typography: a non-breaking space (or a narrow one) before : ; ! ? % and » and after «, so that
     * "« Activer mon compte »" never breaks across lines. The texts of the screens, e-mails and sheets alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/i18n/messages.properties", "/fr/rentree/reports/sheet.properties"})
    void french_texts_keep_their_punctuation_with_its_word(String bundle) throws IOException {
        Pattern breakable = Pattern.compile("\\s[:;!?%»]|«\\s");
        load(bundle).forEach((key, value) -> assertThat(breakable.matcher(value.toString()).find())
                .as("%s in %s: a non-breaking space (\\u00a0) around the punctuation: %s", key, bundle, value)
                .isFalse());
    }

    /** French words: the typographic apostrophe (’), never the straight one, in the screens, e-mails and sheets. */
    @ParameterizedTest
    @ValueSource(strings = {"/i18n/messages.properties", "/fr/rentree/reports/sheet.properties"})
    void french_texts_write_the_typographic_apostrophe(String bundle) throws IOException {
        load(bundle).forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, bundle)
                .doesNotContain("'"));
    }

    /** A count chooses its words ({@code {0,choice,...}}): "1 fiche", "2 fiches", never "fiche(s)". */
    @ParameterizedTest
    @ValueSource(strings = {"/i18n/messages.properties", "/i18n/messages_en.properties",
            "/fr/rentree/reports/sheet.properties", "/fr/rentree/reports/sheet_en.properties"})
    void a_count_chooses_singular_or_plural(String bundle) throws IOException {
        load(bundle).forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, bundle)
                .doesNotContain("(s)").doesNotContain("(es)"));
    }

    /** One word for one thing: "Identifiant" and "courriel", as the sheets and e-mails say, never "Login" or "mail". */
    @ParameterizedTest
    @ValueSource(strings = {"/i18n/messages.properties", "/fr/rentree/reports/sheet.properties"})
    void french_texts_say_identifiant_and_courriel(String bundle) throws IOException {
        Pattern english = Pattern.compile("(?i)(?<![-\\w])(login|e-?mails?)\\b"); // not an option's name: --email
        load(bundle).forEach((key, value) -> assertThat(english.matcher(value.toString()).find())
                .as("%s in %s: %s", key, bundle, value).isFalse());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(bundle.startsWith("/") ? bundle
                : "/i18n/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
