package fr.rentree.devservices;

import java.nio.file.Path;
import java.util.List;

/**
 * The dev database: a MariaDB server on loopback, reached as root without a password, that the machine runs
 * ({@link LocalMariaDb}) or that comes in the application's jar ({@link EmbeddedMariaDb}), as
 * {@code rentree.dev-services.database.server} says.
 */
sealed interface DevDatabase permits LocalMariaDb, EmbeddedMariaDb {

    /** Starts the server (or adopts the one a killed run left) and returns what was done, for the log. */
    String start();

    /** {@code jdbc:mariadb://127.0.0.1:<port>/rentree?createDatabaseIfNotExist=true}, whichever server runs. */
    String jdbcUrl();

    /** Stops the server, waiting until it is gone. */
    void stop();

    static DevDatabase of(DevServicesSettings settings) {
        return of(settings, LocalMariaDb.searchPath());
    }

    /** The server that the setting asks for, the machine's being looked for in {@code searchPath}. */
    static DevDatabase of(DevServicesSettings settings, List<Path> searchPath) {
        LocalMariaDb system = new LocalMariaDb(settings, searchPath);
        return switch (settings.databaseServer()) {
            case SYSTEM -> system;
            case EMBEDDED -> new EmbeddedMariaDb(settings);
            case AUTO -> system.server().isPresent() ? system : new EmbeddedMariaDb(settings);
        };
    }

    static String jdbcUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/rentree?createDatabaseIfNotExist=true";
    }
}
