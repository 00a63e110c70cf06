package fr.rentree.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.core.env.Environment;

/**
 * A headless command of the packaged jar ({@code java -jar rentree-app.jar <command> …}) as the README documents it:
 * a process of its own, under the production profile, given the test database as an operator would give theirs.
 */
public final class JarCommand {

    private final Environment environment;
    private final String locale;

    public JarCommand(Environment environment) {
        this(environment, "C.UTF-8");
    }

    private JarCommand(Environment environment, String locale) {
        this.environment = environment;
        this.locale = locale;
    }

    /** The same commands run in this locale (LANG and LC_ALL), e.g. "C": a server's ASCII-only POSIX locale. */
    public JarCommand inLocale(String locale) {
        return new JarCommand(environment, locale);
    }

    /** What the command printed (French typography made plain) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    /** The public address the commands are given, as an operator gives RENTREE_PUBLIC_URL. */
    public static final String PUBLIC_URL = "https://rentree.ac-exemple.fr";

    public Run run(String name, String... args) throws IOException, InterruptedException {
        return run(true, name, args);
    }

    /**
     * Starts the application itself ({@code java -jar rentree-app.jar}, no command) under the production profile with
     * these options and nothing else (no database, no key, no public address unless given), for what it refuses at
     * start: the output up to its exit, or to the timeout, when it is stopped (a start that was not refused).
     */
    public static Run application(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", Path.of("target", "rentree-app.jar").toAbsolutePath().toString(),
                "--spring.profiles.active=prod", "--server.port=0"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("RENTREE_"));
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the process was stopped
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        reader.join(Duration.ofSeconds(5));
        return new Run(process.isAlive() ? -1 : process.exitValue(),
                Typography.plain(output.toString(StandardCharsets.UTF_8)));
    }

    /** Runs the command; without a database, neither the test's nor one in the environment is given to it. */
    public Run run(boolean database, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "rentree-app.jar").toAbsolutePath().toString(), name));
        command.addAll(Arrays.asList(args));
        command.add("--spring.profiles.active=prod");
        if (database && Arrays.stream(args).noneMatch(arg -> arg.startsWith("--spring.datasource.url"))) {
            command.add("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"));
        }
        if (database && Arrays.stream(args).noneMatch(arg -> arg.startsWith("--spring.datasource.username"))) {
            // the prod profile has no default user: the command is given the test's, as an operator would
            command.add("--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"));
            command.add("--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
        }
        if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--rentree.public-url"))) {
            command.add("--rentree.public-url=" + PUBLIC_URL);
        }
        command.add("--rentree.activation-codes.key-file="
                + environment.getRequiredProperty("rentree.activation-codes.key-file"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LANG", locale);
        builder.environment().put("LC_ALL", locale);
        if (!database) {
            builder.environment().remove("SPRING_DATASOURCE_URL");
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Typography.plain(new String(output, StandardCharsets.UTF_8)));
    }
}
