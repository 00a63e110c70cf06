package fr.rentree.base.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import fr.rentree.base.cli.HeadlessApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * The key of the activation codes ({@code RENTREE_ACTIVATIONCODES_KEY}), checked as soon as the configuration is read:
 * under the {@code prod} profile it must be given (only the dev and test profiles make one in a file), and a given
 * key must be the base64 of 32 bytes. Without this check the start failed after the database, the engine and most
 * beans, some 30 s later, with a long stack trace in English. Registered in {@code META-INF/spring.factories}.
 */
public final class ActivationCodeKeyRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        String key = environment.getProperty("rentree.activation-codes.key");
        String keyFile = environment.getProperty("rentree.activation-codes.key-file");
        MessageSource texts = HeadlessApplication.texts();
        if (StringUtils.hasText(key)) {
            if (!isKey(key.strip())) { // the key itself is never repeated in a report or a log
                throw new RefusedConfiguration(texts.getMessage("config.activation-key.invalid", null, Locale.FRENCH),
                        texts.getMessage("config.activation-key.action", null, Locale.FRENCH));
            }
        } else if (!StringUtils.hasText(keyFile) && environment.matchesProfiles("prod")) {
            throw new RefusedConfiguration(texts.getMessage("config.activation-key.missing", null, Locale.FRENCH),
                    texts.getMessage("config.activation-key.action", null, Locale.FRENCH));
        } else if (StringUtils.hasText(keyFile) && environment.matchesProfiles("prod")) {
            checkFile(Path.of(keyFile.strip()), texts);
        }
    }

    /**
     * Under {@code prod}, the key's file must hold a key: outside it the file is made when missing (dev, tests), which
     * in production would silently seal new codes with a new key after a typo in the path or an unmounted volume.
     */
    private static void checkFile(Path file, MessageSource texts) {
        Object[] named = {file.toString()};
        String action = texts.getMessage("config.activation-key.file-action", named, Locale.FRENCH);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new RefusedConfiguration(texts.getMessage("config.activation-key.file-missing", named,
                    Locale.FRENCH), action);
        }
        if (!isKey(content)) {
            throw new RefusedConfiguration(texts.getMessage("config.activation-key.file-invalid", named,
                    Locale.FRENCH), action);
        }
    }

    private static boolean isKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
