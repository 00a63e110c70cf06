package fr.rentree.demo;

import java.util.Locale;

import fr.rentree.base.cli.HeadlessApplication;
import fr.rentree.base.config.RefusedConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start when the demo data ({@code rentree.demo.enabled}) is switched on under the {@code prod} profile:
 * the demo creates back-office users whose password is printed in the README, and schools that do not exist.
 * Checked as soon as the configuration is read, before the demo (or anything else) touches the database.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class DemoRefusedInProduction implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (environment.matchesProfiles("prod")
                && environment.getProperty("rentree.demo.enabled", Boolean.class, false)) {
            MessageSource texts = HeadlessApplication.texts();
            throw new RefusedConfiguration(texts.getMessage("config.demo.refused", new Object[] {DemoData.PASSWORD},
                    Locale.FRENCH), texts.getMessage("config.demo.action", null, Locale.FRENCH));
        }
    }
}
