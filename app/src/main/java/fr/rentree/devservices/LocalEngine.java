package fr.rentree.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda 8 engine (Zeebe broker with its embedded gateway) from the {@code io.camunda:camunda-zeebe}
 * distribution of Maven Central, unpacked once per machine and run on loopback with the application's own JDK.
 */
final class LocalEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final DevServicesSettings settings;
    private final Path dataDir;
    private final Path log;
    private final ChildProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LocalEngine(DevServicesSettings settings) {
        this.settings = settings;
        this.dataDir = settings.dataDir().resolve("engine");
        this.log = settings.dataDir().resolve("engine.log");
        this.process = new ChildProcess("The Camunda engine", settings.dataDir().resolve("engine.pid"));
    }

    int grpcPort() {
        return settings.enginePortBase();
    }

    int restPort() {
        return settings.enginePortBase() + 3;
    }

    private int managementPort() {
        return settings.enginePortBase() + 4;
    }

    /** Launches the engine, or adopts the one a killed run left; {@link #awaitReady()} waits for it. */
    String launch() {
        Optional<ProcessHandle> left = process.leftRunning();
        if (left.isPresent()) {
            process.adopt(left.get());
            return "reused the engine left running by an earlier run (pid " + left.get().pid() + ")";
        }
        for (int port : List.of(grpcPort(), grpcPort() + 1, grpcPort() + 2, restPort(), managementPort())) {
            if (ChildProcess.portAnswers(port)) {
                throw new DevServiceException("Port " + port + " is already taken by another program, so the dev"
                        + " engine cannot start. Stop it, move the engine with RENTREE_DEVSERVICES_ENGINE_PORTBASE,"
                        + " or use an existing engine with CAMUNDA_CLIENT_GRPCADDRESS and CAMUNDA_CLIENT_RESTADDRESS.");
            }
        }
        Path home = distribution();
        process.start(List.of(home.resolve("bin/broker").toString()), Map.ofEntries(
                Map.entry("JAVA_HOME", System.getProperty("java.home")),
                Map.entry("JAVA_OPTS", "-Xms256m -Xmx768m"),
                Map.entry("ZEEBE_BROKER_NETWORK_HOST", "127.0.0.1"),
                Map.entry("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1"),
                Map.entry("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(grpcPort())),
                Map.entry("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(grpcPort() + 1)),
                Map.entry("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(grpcPort() + 2)),
                Map.entry("SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("SERVER_PORT", Integer.toString(restPort())),
                Map.entry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort())),
                Map.entry("ZEEBE_BROKER_DATA_DIRECTORY", dataDir.toString())), log);
        return "started " + home.getFileName() + " (data " + dataDir + ")";
    }

    void awaitReady() {
        process.awaitReady(this::ready, Duration.ofSeconds(180), log);
    }

    void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    private boolean ready() {
        return answers("http://127.0.0.1:" + managementPort() + "/actuator/health/readiness", "UP")
                && answers("http://127.0.0.1:" + restPort() + "/v2/topology", "\"healthy\"");
    }

    private boolean answers(String url, String expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The unpacked distribution, fetched and unpacked on first use; an interrupted unpack is never mistaken for one. */
    private Path distribution() {
        String name = "camunda-zeebe-" + settings.engineVersion();
        Path home = settings.cacheDir().resolve(name);
        if (Files.isExecutable(home.resolve("bin/broker"))) {
            return home;
        }
        Path archive = archive(name);
        try {
            Path unpack = Files.createTempDirectory(Files.createDirectories(settings.cacheDir()), "unpack-");
            LOG.info("Unpacking {} into {} (once per machine)", archive.getFileName(), settings.cacheDir());
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpack.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new DevServiceException("Could not unpack " + archive + ": " + output);
            }
            Files.move(unpack.resolve(name), home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new DevServiceException("Could not unpack the engine into " + settings.cacheDir() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while unpacking the engine", e);
        }
    }

    /** The distribution archive: from the local Maven repository when it is there, else downloaded once. */
    private Path archive(String name) {
        String relative = "io/camunda/camunda-zeebe/" + settings.engineVersion() + "/" + name + ".tar.gz";
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository").resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path downloaded = settings.cacheDir().resolve("downloads").resolve(name + ".tar.gz");
        if (Files.isRegularFile(downloaded)) {
            return downloaded;
        }
        String url = settings.mavenRepository() + "/" + relative;
        LOG.info("Downloading the Camunda engine {} (~300 MB, once per machine) from {}", settings.engineVersion(), url);
        try {
            Files.createDirectories(downloaded.getParent());
            Path partial = downloaded.resolveSibling(name + ".tar.gz.part");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new DevServiceException("Downloading " + url + " answered HTTP " + response.statusCode());
            }
            String expected = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().trim().split("\\s+")[0];
            if (!expected.equalsIgnoreCase(sha1(partial))) {
                throw new DevServiceException("The engine downloaded from " + url + " is corrupt (SHA-1 mismatch)");
            }
            Files.move(partial, downloaded, StandardCopyOption.ATOMIC_MOVE);
            return downloaded;
        } catch (IOException e) {
            throw new DevServiceException("Could not download the Camunda engine from " + url + " (" + e + ")."
                    + " Check the network, or use an existing engine with CAMUNDA_CLIENT_GRPCADDRESS.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while downloading the engine", e);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
