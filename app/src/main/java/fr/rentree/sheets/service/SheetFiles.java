package fr.rentree.sheets.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The PDFs of sheets waiting for a director to download them. They hold activation codes: the screen deletes one
 * once downloaded, replaced or left, and whatever a stopped process left behind (a crash, a kill) is swept when the
 * next one starts.
 */
@Component
public class SheetFiles {

    static final String PREFIX = "rentree-fiches-";
    private static final Logger log = LoggerFactory.getLogger(SheetFiles.class);

    private final Path directory;

    SheetFiles(@Value("${java.io.tmpdir}") Path directory) {
        this.directory = directory;
    }

    /** A new empty file for a PDF. */
    Path create() throws IOException {
        return Files.createTempFile(directory, PREFIX, ".pdf");
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}, which holds activation codes", file, e);
        }
    }

    /** How many PDFs wait on disk (what an operator or a test checks). */
    public long waiting() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(SheetFiles::isSheetFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepLeftovers() {
        sweep(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /**
     * Deletes the PDFs last written before {@code processStart}: no session of this process can be waiting for
     * them. (Another instance sharing this directory would lose a PDF written before this one started; its
     * director generates it again. Instances in containers each have their own.)
     */
    void sweep(Instant processStart) {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(SheetFiles::isSheetFile)
                    .filter(file -> modified(file).isBefore(processStart))
                    .forEach(this::delete);
        } catch (IOException e) {
            log.warn("Could not sweep the sheets left in {}", directory, e);
        }
    }

    private static boolean isSheetFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(".pdf");
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone meanwhile
        }
    }
}
