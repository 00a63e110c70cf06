package fr.rentree.demo;

import fr.rentree.base.config.RefusedConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
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
            throw new RefusedConfiguration("The demo data (rentree.demo.enabled=true) is refused under the prod"
                    + " profile: it creates users with a published password (" + DemoData.PASSWORD + ") and schools"
                    + " that do not exist.",
                    "Remove RENTREE_DEMO_ENABLED (or rentree.demo.enabled) from the production configuration; to"
                    + " try Rentrée with demo data, run it without the prod profile (./rentree run).");
        }
    }
}
