package fr.rentree.base.config;

/**
 * A configuration the application refuses to start with, because it would be unsafe rather than merely broken (demo
 * users in production, a database reached as root without a password). Thrown while the configuration is read,
 * before any bean exists; {@link RefusedConfigurationAnalyzer} turns it into Spring Boot's "APPLICATION FAILED TO
 * START" report, which says what to change.
 */
public class RefusedConfiguration extends RuntimeException {

    private final String action;

    public RefusedConfiguration(String description, String action) {
        super(description + " " + action);
        this.action = action;
    }

    /** What was refused and why. */
    public String description() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }

    /** What the operator changes to start. */
    public String action() {
        return action;
    }
}
