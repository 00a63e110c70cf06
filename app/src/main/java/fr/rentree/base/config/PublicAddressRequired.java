package fr.rentree.base.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import fr.rentree.base.PublicAddress;
import fr.rentree.base.cli.HeadlessApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile, the start (of the application and of every headless command) is refused without
 * the public address ({@link PublicAddress}): the sheets' QR codes and every link would lead to
 * {@code http://localhost:8080}. A given address that is not a full http(s) address is refused under any profile.
 * Checked as soon as the configuration is read, before anything slow; registered in {@code META-INF/spring.factories}.
 */
public final class PublicAddressRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        String address = environment.getProperty(PublicAddress.PROPERTY);
        MessageSource texts = HeadlessApplication.texts();
        String action = texts.getMessage("config.public-url.action", null, Locale.FRENCH);
        if (!StringUtils.hasText(address)) {
            if (environment.matchesProfiles("prod")) {
                throw new RefusedConfiguration(texts.getMessage("config.public-url.missing", null, Locale.FRENCH),
                        action);
            }
            return;
        }
        if (!isHttpAddress(address.strip())) {
            throw new RefusedConfiguration(texts.getMessage("config.public-url.invalid", new Object[] {address},
                    Locale.FRENCH), action);
        }
    }

    private static boolean isHttpAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && StringUtils.hasText(uri.getHost()) && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
