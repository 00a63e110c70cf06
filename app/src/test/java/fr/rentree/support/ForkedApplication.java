package fr.rentree.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.rentree.RentreeApplication;
import org.springframework.core.env.Environment;

/**
 * Rentrée in a JVM of its own, as command 1 runs it (main classes, no test ones), for tests that kill it mid-work:
 * {@link #kill()} is a {@code kill -9}, nothing runs after it. Its output goes to a log file.
 */
public final class ForkedApplication implements AutoCloseable {

    private final Process process;

    private ForkedApplication(Process process) {
        this.process = process;
    }

    /** Starts the application with these settings ({@code --name=value} each) on top of application.properties. */
    public static ForkedApplication start(Map<String, String> settings, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", mainClassPath(),
                RentreeApplication.class.getName()));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            return new ForkedApplication(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings of an instance beside the tests' own: the same database, SMTP server and activation-code key, its
     * sheets in this folder, no job executor (the tests' instance runs the jobs), on this port (0: any). A map to add
     * to.
     */
    public static Map<String, String> besideTheTests(Environment environment, Path keyFile, Path folder, int port) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("server.port", String.valueOf(port)),
                Map.entry("rentree.dev-services.enabled", "false"),
                Map.entry("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url")),
                Map.entry("spring.datasource.username", environment.getProperty("spring.datasource.username", "")),
                Map.entry("spring.datasource.password", environment.getProperty("spring.datasource.password", "")),
                Map.entry("spring.mail.host", environment.getProperty("spring.mail.host", "localhost")),
                Map.entry("spring.mail.port", environment.getRequiredProperty("spring.mail.port")),
                Map.entry("rentree.activation-codes.key-file", keyFile.toAbsolutePath().toString()),
                Map.entry("rentree.campaign.sheets-dir", folder.resolve("sheets").toString()),
                Map.entry("operaton.bpm.job-execution.enabled", "false")));
    }

    /**
     * The test run's class path without the test classes: their configurations would join the application's; nor the
     * tests' OpenID Connect provider, whose logback.xml would replace Spring Boot's logging.
     */
    private static String mainClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("mock-oauth2-server"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** SIGKILL: the process stops between two instructions, with whatever it had in flight. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
