package fr.rentree.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production topology of {@code ops/cluster} (three Galera nodes, the SMTP catcher, two instances, HAProxy),
 * driven as an operator would: each call runs the script and fails with its output when it fails.
 */
public final class Cluster {

    public static final int SMTP_PORT = 2525;
    public static final int PROXY_PORT = 8480;

    private final Path root;
    private final Map<String, String> environment;

    /** The checkout's root, and the settings the instances get (RENTREE_*, SPRING_*) besides the script's own. */
    public Cluster(Path root, Map<String, String> environment) {
        this.root = root.toAbsolutePath().normalize();
        this.environment = environment;
    }

    public String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("ops/cluster").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Output done = output(builder);
        if (done.exitCode() != 0) {
            throw new IllegalStateException("ops/cluster " + String.join(" ", arguments) + " failed:\n" + done.text());
        }
        return done.text();
    }

    /** The JDBC URL the instances use: sequential over the three nodes (or the one MariaDB of the baseline). */
    public String jdbcUrl() {
        return "1".equals(environment.get("RENTREE_CLUSTER_NODES")) ? "jdbc:mariadb://127.0.0.1:3341/rentree"
                : "jdbc:mariadb:sequential://127.0.0.1:3341,127.0.0.1:3342,127.0.0.1:3343/rentree";
    }

    public Path directory() {
        return root.resolve(".rentree/cluster");
    }

    /** The pid of instance 1 or 2, as its pid file says (the pid, then its start time). */
    public long instancePid(int instance) {
        try {
            return Long.parseLong(Files.readString(directory().resolve("app" + instance + "/app.pid")).split(" ")[0]
                    .strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instance holding an SMTP connection to the catcher now (the one sending), if any. */
    public OptionalInt sendingInstance() {
        String sockets = command("ss", "-Htnp", "state", "established", "dst", "127.0.0.1:" + SMTP_PORT);
        Matcher pid = Pattern.compile("pid=(\\d+)").matcher(sockets);
        while (pid.find()) {
            long sender = Long.parseLong(pid.group(1));
            for (int instance = 1; instance <= 2; instance++) {
                if (Files.exists(directory().resolve("app" + instance + "/app.pid")) && instancePid(instance) == sender) {
                    return OptionalInt.of(instance);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** What the catcher received: one line per e-mail and recipient, Message-ID first. */
    public List<String> receivedMails() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (SMTP_PORT + 55) + "/messages"))
                    .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String command(String... command) {
        return output(new ProcessBuilder(command)).text();
    }

    private record Output(int exitCode, String text) {
    }

    private static Output output(ProcessBuilder builder) {
        try {
            Process process = builder.redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Output(process.waitFor(), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
