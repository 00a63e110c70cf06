package fr.rentree.devservices;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Where the dev services keep their data and which loopback ports they take ({@code rentree.dev-services.*}).
 *
 * @param dataDir        data of the database and the engine, kept between runs
 * @param cacheDir       the engine distribution, unpacked once per machine
 * @param databasePort   MariaDB's port (not 3306, to leave a system server alone)
 * @param enginePortBase the engine's gateway port; command, internal, REST and management ports follow it
 * @param smtpPort       the SMTP catcher's port
 * @param engineVersion  the {@code io.camunda:camunda-zeebe} distribution to run
 * @param mavenRepository where the distribution is downloaded from when the local Maven repository lacks it
 */
record DevServicesSettings(Path dataDir, Path cacheDir, int databasePort, int enginePortBase, int smtpPort,
        String engineVersion, String mavenRepository) {

    static DevServicesSettings from(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        String prefix = "rentree.dev-services.";
        return new DevServicesSettings(
                Path.of(binder.bind(prefix + "data-dir", String.class).orElse(".rentree")).toAbsolutePath(),
                Path.of(binder.bind(prefix + "cache-dir", String.class)
                        .orElse(System.getProperty("user.home") + "/.cache/rentree")).toAbsolutePath(),
                binder.bind(prefix + "database.port", Integer.class).orElse(3307),
                binder.bind(prefix + "engine.port-base", Integer.class).orElse(26500),
                binder.bind(prefix + "smtp.port", Integer.class).orElse(3025),
                binder.bind(prefix + "engine.version", String.class).orElse("8.6.0"),
                binder.bind(prefix + "engine.maven-repository", String.class)
                        .orElse("https://repo.maven.apache.org/maven2"));
    }
}
