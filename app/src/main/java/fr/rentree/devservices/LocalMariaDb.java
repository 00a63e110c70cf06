package fr.rentree.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A MariaDB server of the machine ({@code mariadbd}) run on a data folder of Rentrée's own. */
final class LocalMariaDb implements DevDatabase {

    private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/bin", "/usr/local/bin",
            "/usr/local/mysql/bin", "/opt/homebrew/bin");

    private final Path dataDir;
    private final int port;
    private final List<Path> searchPath;
    private final ChildProcess process;

    LocalMariaDb(DevServicesSettings settings) {
        this(settings, searchPath());
    }

    /** A server looked for in the given folders only. */
    LocalMariaDb(DevServicesSettings settings, List<Path> searchPath) {
        this.dataDir = settings.dataDir().resolve("mariadb");
        this.port = settings.databasePort();
        this.searchPath = List.copyOf(searchPath);
        this.process = new ChildProcess("MariaDB", settings.dataDir().resolve("mariadb.pid"));
    }

    /** Where the machine's MariaDB is looked for: the usual folders, then the {@code PATH}. */
    static List<Path> searchPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(SEARCH_PATH.stream(), Stream.of(path.split(":")))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .distinct()
                .toList();
    }

    /** The machine's MariaDB server ({@code mariadbd}, or {@code mysqld} for older ones), if it has one. */
    Optional<Path> server() {
        return find("mariadbd").or(() -> find("mysqld"));
    }

    @Override
    public String start() {
        Optional<ProcessHandle> left = process.leftRunning();
        if (left.isPresent() && ChildProcess.portAnswers(port)) {
            process.adopt(left.get());
            return "reused the server left running by an earlier run (pid " + left.get().pid() + ")";
        }
        left.ifPresent(ProcessHandle::destroyForcibly);
        if (ChildProcess.portAnswers(port)) {
            throw new DevServiceException("Port " + port + " is already taken by another program, so the dev"
                    + " database cannot start. Stop that program, or choose another port with"
                    + " RENTREE_DEVSERVICES_DATABASE_PORT, or use an existing server with SPRING_DATASOURCE_URL.");
        }
        Path server = server().orElseThrow(() -> new DevServiceException(
                "No MariaDB server was found on this machine (looked for mariadbd in " + searchPath + ")."
                        + " Use the embedded one with RENTREE_DEVSERVICES_DATABASE_SERVER=embedded (or auto), install"
                        + " one (apt-get install mariadb-server) or point SPRING_DATASOURCE_URL at a server."));
        if (!Files.isDirectory(dataDir.resolve("mysql"))) {
            install(server);
        }
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--socket=" + dataDir.resolve("mariadb.sock"), "--port=" + port,
                "--bind-address=127.0.0.1", "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                "--log-error=" + dataDir.getParent().resolve("mariadb.log")));
        runAsRootIfNeeded(command);
        process.start(command, Map.of(), dataDir.getParent().resolve("mariadb.log"));
        process.awaitReady(() -> ChildProcess.portAnswers(port), Duration.ofSeconds(60),
                dataDir.getParent().resolve("mariadb.log"));
        return "started " + server + " (data " + dataDir + ")";
    }

    @Override
    public String jdbcUrl() {
        return DevDatabase.jdbcUrl(port);
    }

    int port() {
        return port;
    }

    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    private void install(Path server) {
        Path installer = find("mariadb-install-db").or(() -> find("mysql_install_db")).orElseThrow(
                () -> new DevServiceException("MariaDB is installed (" + server + ") but mariadb-install-db is not:"
                        + " cannot create the dev database folder " + dataDir));
        List<String> command = new ArrayList<>(List.of(installer.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--auth-root-authentication-method=normal", "--skip-test-db"));
        runAsRootIfNeeded(command);
        try {
            Files.createDirectories(dataDir);
            Process install = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.getParent().resolve("mariadb-install.log").toFile()).start();
            if (install.waitFor() != 0) {
                throw new DevServiceException("mariadb-install-db failed to create " + dataDir + "; see "
                        + dataDir.getParent().resolve("mariadb-install.log"));
            }
        } catch (IOException e) {
            throw new DevServiceException("Could not run " + installer + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while creating the dev database", e);
        }
    }

    /** mariadbd refuses to run as root unless told to, which is how CI machines and containers run. */
    private static void runAsRootIfNeeded(List<String> command) {
        if (runsAsRoot()) {
            command.add("--user=root");
        }
    }

    static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private Optional<Path> find(String executable) {
        return searchPath.stream()
                .map(dir -> dir.resolve(executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
