package fr.rentree.base.config;

import java.util.Locale;
import java.util.regex.Pattern;

import fr.rentree.base.cli.HeadlessApplication;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile, a database given without a user is refused at start. Only the dev and test
 * profiles default to {@code root} without a password (the local MariaDB of a development machine or CI); a
 * production server must be reached with an account of its own, said explicitly, never by falling back on root.
 * A missing URL is left to the usual report (and to the headless commands, which say it in French).
 * Registered in {@code META-INF/spring.factories}: checked before any connection is tried.
 */
public final class ProductionDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** A user given in the JDBC URL itself ({@code ?user=...}), which MariaDB's driver accepts too. */
    private static final Pattern USER_IN_URL = Pattern.compile("[?&]user=[^&]+");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (!environment.matchesProfiles("prod") || !StringUtils.hasText(url)) {
            return;
        }
        String user = environment.getProperty("spring.datasource.username");
        if (!StringUtils.hasText(user) && !USER_IN_URL.matcher(url).find()) {
            MessageSource texts = HeadlessApplication.texts();
            throw new RefusedConfiguration(texts.getMessage("config.database.no-user", new Object[] {url},
                    Locale.FRENCH), texts.getMessage("config.database.action", null, Locale.FRENCH));
        }
    }
}
