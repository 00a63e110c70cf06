package fr.rentree.support;

import fr.rentree.security.service.SystemPrincipal;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An integration test's own setup and checks are Rentrée's own work, as a command's would be: its thread runs as the
 * {@link SystemPrincipal} (services no longer take "no authentication" for it). A test that checks a refusal says
 * whose: {@link Fixtures#as} a user, or {@link Fixtures#asNobody}.
 */
public class SystemAtWork implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        asSystem();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        asSystem();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }

    private static void asSystem() {
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(SystemPrincipal.authentication());
        SecurityContextHolder.setContext(securityContext);
    }
}
