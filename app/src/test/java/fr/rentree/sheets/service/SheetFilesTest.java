package fr.rentree.sheets.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetFilesTest {

    @Test
    void the_start_up_sweep_deletes_the_pdfs_of_earlier_processes_only(@TempDir Path directory) throws IOException {
        SheetFiles files = new SheetFiles(directory);
        Instant start = Instant.now();
        Path leftover = files.create();
        Files.setLastModifiedTime(leftover, FileTime.from(start.minus(Duration.ofHours(1))));
        Path waiting = files.create();
        Files.setLastModifiedTime(waiting, FileTime.from(start.plusSeconds(1)));
        Path someoneElses = Files.writeString(directory.resolve("rentree-fiches-notes.txt"), "kept");
        Files.setLastModifiedTime(someoneElses, FileTime.from(start.minus(Duration.ofHours(1))));
        Path campaign = Files.createDirectory(directory.resolve("rentree-campaign-sheets"));

        assertThat(files.waiting()).isEqualTo(2);
        files.sweep(start);

        assertThat(leftover).doesNotExist();
        assertThat(waiting).exists();
        assertThat(someoneElses).exists();
        assertThat(campaign).exists();
        assertThat(files.waiting()).isEqualTo(1);
    }

    @Test
    void a_pdf_is_named_for_the_sweep_and_deleted_once_done(@TempDir Path directory) throws IOException {
        SheetFiles files = new SheetFiles(directory);
        Path pdf = files.create();
        assertThat(pdf.getFileName().toString()).startsWith("rentree-fiches-").endsWith(".pdf");

        files.delete(pdf);
        files.delete(pdf); // twice: a download and the end of the session

        assertThat(pdf).doesNotExist();
        assertThat(files.waiting()).isZero();
    }
}
