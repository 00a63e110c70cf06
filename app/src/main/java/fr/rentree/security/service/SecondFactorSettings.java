package fr.rentree.security.service;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether back-office users must give a second factor ({@code rentree.security.totp.enabled}, environment
 * {@code RENTREE_SECURITY_TOTP}): on under the {@code prod} profile, off in development, the demo and the tests.
 * It is read at each sign-in instead of bound once, so that the one application context of the integration tests can
 * turn it on for the tests of the second factor only.
 */
@Component
public class SecondFactorSettings {

    static final String ENABLED = "rentree.security.totp.enabled";

    private final Environment environment;

    SecondFactorSettings(Environment environment) {
        this.environment = environment;
    }

    public boolean enabled() {
        return environment.getProperty(ENABLED, Boolean.class, false);
    }
}
