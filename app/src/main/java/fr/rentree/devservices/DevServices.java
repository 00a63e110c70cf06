package fr.rentree.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Like Quarkus dev services, without Docker: when {@code rentree.dev-services.enabled} is on (profiles dev and test),
 * starts a local MariaDB (the machine's, else an embedded one: see {@link DevServicesSettings.DatabaseServer}) and
 * an SMTP catcher for each of them that is not configured, before the application context needs them, and stops
 * what it started when the context closes.
 * Registered in {@code META-INF/spring.factories} because it must act before any bean exists.
 */
public final class DevServices implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);

    private final List<Runnable> stops = new ArrayList<>();
    private DevMailbox mailbox;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after logging and configuration files are set up
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        switch (event) {
            case ApplicationEnvironmentPreparedEvent prepared -> start(prepared.getEnvironment());
            case ApplicationPreparedEvent prepared when !stops.isEmpty() -> {
                ConfigurableListableBeanFactory beans = prepared.getApplicationContext().getBeanFactory();
                if (mailbox != null) {
                    beans.registerSingleton("devMailbox", mailbox);
                }
                // registered before any bean exists, so destroyed after all of them: the engine and the pool
                // still reach the database while they close
                ((DefaultListableBeanFactory) beans).registerDisposableBean("devServicesStop", this::stop);
            }
            case ApplicationFailedEvent failed -> stop();
            default -> {
            }
        }
    }

    private void start(ConfigurableEnvironment environment) {
        if (!environment.getProperty("rentree.dev-services.enabled", Boolean.class, false)) {
            return;
        }
        if (environment.matchesProfiles("prod")) {
            throw new DevServiceException("Dev services are switched on in the prod profile: refusing to start"
                    + " local servers in production. Remove rentree.dev-services.enabled.");
        }
        DevServicesSettings settings = DevServicesSettings.from(environment);
        claim(settings.dataDir());
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            if (!environment.containsProperty("spring.datasource.url")) {
                DevDatabase database = DevDatabase.of(settings);
                timed("MariaDB on 127.0.0.1:" + settings.databasePort(), database::start);
                stops.add(database::stop);
                properties.put("spring.datasource.url", database.jdbcUrl());
                properties.put("spring.datasource.username", "root");
                properties.put("spring.datasource.password", "");
            }
            boolean mailWanted = environment.getProperty("rentree.dev-services.mail.enabled", Boolean.class, true);
            if (mailWanted && !environment.containsProperty("spring.mail.host")) {
                DevMailbox smtp = new DevMailbox(settings.smtpPort(), settings.imapPort());
                timed("SMTP catcher (GreenMail) on 127.0.0.1:" + settings.smtpPort() + ", its bounce mailbox on IMAP "
                        + settings.imapPort(), () -> {
                    smtp.start();
                    return "";
                });
                stops.add(smtp::stop);
                mailbox = smtp;
                properties.put("spring.mail.host", "127.0.0.1");
                properties.put("spring.mail.port", smtp.port());
                properties.put("rentree.mail.bounces.host", "127.0.0.1");
                properties.put("rentree.mail.bounces.port", smtp.imapPort());
                properties.put("rentree.mail.bounces.username", DevMailbox.BOUNCES);
                properties.put("rentree.mail.bounces.password", DevMailbox.BOUNCES);
                properties.put("rentree.mail.bounces.address", DevMailbox.BOUNCES);
            }
        } catch (DevServiceException e) {
            LOG.error("Dev services could not start: {}", e.getMessage());
            stop();
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("rentreeDevServices", properties));
    }

    /**
     * One application per dev-services folder: a second one would share, then stop, the first one's servers.
     */
    private void claim(Path dataDir) {
        Path lock = dataDir.resolve("app.pid");
        long me = ProcessHandle.current().pid();
        new ChildProcess("Rentrée", lock).leftRunning().filter(other -> other.pid() != me).ifPresent(other -> {
            throw new DevServiceException("Rentrée already runs with the dev services of " + dataDir + " (pid "
                    + other.pid() + "). Stop it first, or give this one another folder with"
                    + " RENTREE_DEVSERVICES_DATADIR.");
        });
        try {
            Files.createDirectories(dataDir);
            Files.writeString(lock, Long.toString(me));
        } catch (IOException e) {
            throw new DevServiceException("Cannot write in the dev services folder " + dataDir + ": " + e, e);
        }
        stops.add(() -> {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", lock, e.getMessage());
            }
        });
    }

    private static String timed(String what, Supplier<String> start) {
        long begin = System.nanoTime();
        String how = start.get();
        LOG.info("Dev service up: {}, {}, in {} ms", what, how.isEmpty() ? "in process" : how,
                (System.nanoTime() - begin) / 1_000_000);
        return how;
    }

    /** Stops what was started, last first: the SMTP catcher, then the database, then the claim of the folder. */
    private void stop() {
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).run();
            } catch (RuntimeException e) {
                LOG.warn("A dev service did not stop cleanly: {}", e.getMessage());
            }
        }
        if (!stops.isEmpty()) {
            LOG.info("Dev services stopped");
        }
        stops.clear();
    }
}
