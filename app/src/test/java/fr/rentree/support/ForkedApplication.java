package fr.rentree.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.rentree.RentreeApplication;

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
