package fr.rentree.benchmark;

import static fr.rentree.benchmark.ActivationBenchmark.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.rentree.school.domain.DirectoryFile;
import fr.rentree.school.domain.DirectoryPreview;
import fr.rentree.school.service.SchoolDirectoryImport;
import fr.rentree.support.AnnuaireExport;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time to import the schools of a whole académie from the national directory's export (run with {@code ./rentree
 * benchmark-schools}): about 2,000 lines of the 72 columns, read, previewed, applied (every school created), then the
 * same file applied again (nothing to change), five académies one after the other, each through the service an
 * administrator's screen calls.
 */
@RentreeIntegrationTest
class SchoolDirectoryBenchmark {

    private static final int SCHOOLS = 2_000;
    private static final int ROUNDS = 5;

    @Autowired
    SchoolDirectoryImport directory;
    @Autowired
    Fixtures fixtures;

    @Test
    void figures() {
        String admin = fixtures.admin();
        List<Double> reads = new ArrayList<>();
        List<Double> previews = new ArrayList<>();
        List<Double> applies = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        int bytes = 0;
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            byte[] export = new AnnuaireExport("Académie " + round + " " + System.nanoTime())
                    .schools(7_000_000 + round * 10_000, SCHOOLS).bytes();
            bytes = export.length;
            long start = System.nanoTime();
            DirectoryFile file = fixtures.as(admin, () -> directory.read("fr-en-annuaire-education.csv", export));
            long read = System.nanoTime();
            DirectoryPreview preview = fixtures.as(admin, () -> directory.preview(file));
            long previewed = System.nanoTime();
            DirectoryPreview applied = fixtures.as(admin, () -> directory.apply(file));
            long done = System.nanoTime();
            DirectoryPreview second = fixtures.as(admin, () -> directory.apply(directory.read("again.csv", export)));
            long secondDone = System.nanoTime();
            assertThat(preview.created()).hasSize(SCHOOLS);
            assertThat(applied.created()).hasSize(SCHOOLS);
            assertThat(second.unchanged()).isEqualTo(SCHOOLS);
            if (round > 0) {
                reads.add((read - start) / 1e6);
                previews.add((previewed - read) / 1e6);
                applies.add((done - previewed) / 1e6);
                again.add((secondDone - done) / 1e6);
            }
        }
        System.out.println("=== Rentrée: the schools of an académie from the Annuaire de l'éducation: " + SCHOOLS
                + " schools (+2 lines left aside), " + bytes / 1024 + " KB, " + ROUNDS + " académies ===");
        System.out.printf("read the CSV: p50 %.0f ms, max %.0f ms%n", percentile(reads, 50), percentile(reads, 100));
        System.out.printf("preview against the database: p50 %.0f ms, max %.0f ms%n", percentile(previews, 50),
                percentile(previews, 100));
        System.out.printf("apply (every school created): p50 %.0f ms, max %.0f ms%n", percentile(applies, 50),
                percentile(applies, 100));
        System.out.printf("whole first import (read, preview, apply): p50 %.0f ms%n", percentile(reads, 50)
                + percentile(previews, 50) + percentile(applies, 50));
        System.out.printf("the same file again (read and apply, nothing changes): p50 %.0f ms, max %.0f ms%n",
                percentile(again, 50), percentile(again, 100));
    }
}
