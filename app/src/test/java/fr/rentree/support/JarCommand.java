package fr.rentree.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    public JarCommand(Environment environment) {
        this.environment = environment;
    }

    /** What the command printed (French typography made plain) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    public Run run(String name, String... args) throws IOException, InterruptedException {
        return run(true, name, args);
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
        command.add("--rentree.activation-codes.key-file="
                + environment.getRequiredProperty("rentree.activation-codes.key-file"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!database) {
            builder.environment().remove("SPRING_DATASOURCE_URL");
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Typography.plain(new String(output, StandardCharsets.UTF_8)));
    }
}
