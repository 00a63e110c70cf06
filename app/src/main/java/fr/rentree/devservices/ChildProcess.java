package fr.rentree.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A server the dev services run beside the application, remembered by a pid file so that one left running by a
 * killed run is found again and adopted instead of started twice.
 */
final class ChildProcess {

    private final String name;
    private final Path pidFile;
    private ProcessHandle handle;

    ChildProcess(String name, Path pidFile) {
        this.name = name;
        this.pidFile = pidFile;
    }

    /** The process a previous run left behind, if its pid file names one that is still alive. */
    Optional<ProcessHandle> leftRunning() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Path pidFile() {
        return pidFile;
    }

    void adopt(ProcessHandle process) {
        this.handle = process;
    }

    /**
     * Starts the command in its own session (when {@code setsid} exists) so that Ctrl-C reaches the application
     * only, which then stops its servers in order.
     */
    void start(List<String> command, Map<String, String> environment, Path log) {
        List<String> full = Files.isExecutable(Path.of("/usr/bin/setsid"))
                ? concat("/usr/bin/setsid", command) : command;
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            handle = process.toHandle();
            Files.writeString(pidFile, Long.toString(handle.pid()));
        } catch (IOException e) {
            throw new DevServiceException("Could not start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    boolean isAlive() {
        return handle != null && handle.isAlive();
    }

    /** Asks the process to stop (SIGTERM), waits for it, and forgets it. */
    void stop(Duration grace) {
        if (handle == null) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            handle.destroyForcibly();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle = null;
    }

    /**
     * Waits until {@code ready} holds; fails with a pointer to the log if the process dies or time runs out.
     */
    void awaitReady(BooleanSupplier ready, Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!isAlive()) {
                throw new DevServiceException(name + " stopped while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new DevServiceException(name + " was not ready within " + timeout.toSeconds() + " s; see "
                        + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceException("Interrupted while waiting for " + name, e);
            }
        }
    }

    static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
