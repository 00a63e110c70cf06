package fr.rentree.base.i18n;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of screens, e-mails and messages ({@code i18n/messages}), French by default. In French, a message's
 * arguments are fitted to the words before them ({@link FrenchGrammar}): "L’équipe du collège Pasteur", not "L’équipe
 * de Collège Pasteur".
 */
@Component("messageSource")
public class Messages extends ResourceBundleMessageSource {

    Messages() {
        setBasename("i18n/messages");
        setDefaultEncoding(StandardCharsets.UTF_8.name());
        setFallbackToSystemLocale(false); // French when a language has no file, whatever the server's language
    }

    /**
     * The same texts and grammar where there is no application context yet, or none at all: the headless commands
     * and the checks of the configuration ("pas du collège Pasteur", not "pas de Collège Pasteur").
     */
    public static MessageSource standalone() {
        return new Messages();
    }

    @Override
    protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
            @Nullable Locale locale) {
        if (code == null || args == null || args.length == 0 || locale == null
                || !locale.getLanguage().equals(Locale.FRENCH.getLanguage())) {
            return super.getMessageInternal(code, args, locale);
        }
        String pattern = resolveCodeWithoutArguments(code, locale);
        if (pattern == null) {
            return super.getMessageInternal(code, args, locale);
        }
        FrenchGrammar.Sentence sentence = FrenchGrammar.rewrite(pattern, args);
        return createMessageFormat(sentence.pattern(), locale).format(resolveArguments(sentence.arguments(), locale));
    }
}
