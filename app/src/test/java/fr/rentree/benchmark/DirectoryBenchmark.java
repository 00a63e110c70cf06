package fr.rentree.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.rentree.demo.district.DemoDistrict;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.demo.district.SiecleExport;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the directory issue, measured on the real stack and printed (run with {@code ./rentree benchmark}):
 * the import of a 3,000-pupil collège with its diff, its peak heap, and the statistics of a school and of a whole
 * district once the directory holds about a million accounts, all imported through the real importer.
 */
@RentreeIntegrationTest
class DirectoryBenchmark {

    private static final String DISTRICT = "DSDEN du banc d'essai";

    @Autowired
    SiecleImportService imports;
    @Autowired
    SchoolService schools;
    @Autowired
    StatisticsService statistics;
    @Autowired
    DirectoryService directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    private final List<String> figures = new ArrayList<>();

    @Test
    void figures() throws IOException {
        fixtures.emptyDirectory();
        int year = SchoolYear.of(LocalDate.now(clock)).startYear();
        SiecleExport exports = new SiecleExport(2026, year, LocalDate.of(year, 9, 1));

        // 1. a 3,000-pupil collège: first import (cold JVM), then three more collèges (warm), then a re-import
        for (int i = 1; i <= 4; i++) {
            DemoSchool college = new DemoSchool(Uai.of(9_300_000 + i), "Collège du banc d'essai " + i,
                    DemoSchool.Kind.COLLEGE, 3000);
            List<ExportFile> files = exportsOf(exports, college, folder.resolve("college-" + i));
            register(college);
            resetPeaks();
            long start = System.nanoTime();
            RosterChanges changes = importFiles(college.uai(), files);
            long millis = (System.nanoTime() - start) / 1_000_000;
            figure("import of a 3,000-pupil collège #" + i + (i == 1 ? " (cold JVM)" : " (warm)"),
                    millis + " ms, " + changes.count(ChangeKind.CREATE) + " accounts created, peak heap "
                            + peakHeapMb() + " MB (sum of pool peaks, -Xmx" + System.getProperty("benchmark.heap") + ")");
            if (i == 4) {
                start = System.nanoTime();
                RosterChanges again = importFiles(college.uai(), files);
                figure("re-import of the same collège (diff, no change)", (System.nanoTime() - start) / 1_000_000
                        + " ms, " + again.changes().size() + " changes");
            }
        }

        // 2. a large district through the real importer, school after school until the directory is big enough
        long target = Long.getLong("benchmark.accounts", 1_000_000);
        long start = System.nanoTime();
        Map<String, String> names = new LinkedHashMap<>();
        long accounts = 0;
        for (DemoSchool school : new DemoDistrict(2026).schools(9_000, "093")) {
            register(school);
            importFiles(school.uai(), exportsOf(exports, school, folder.resolve("district")));
            names.put(school.uai(), school.name());
            if (names.size() % 50 == 0) {
                accounts = jdbc.sql("select count(*) from account").query(Long.class).single();
                if (accounts >= target) {
                    break;
                }
            }
        }
        int count = names.size();
        figure("district of " + count + " schools generated and imported",
                (System.nanoTime() - start) / 1_000_000_000 + " s, " + accounts + " accounts in the directory");
        List<Long> activated = jdbc.sql("select id from account where mod(id, 5) < 2").query(Long.class).list();
        start = System.nanoTime();
        directory.recordActivations(activated); // 40 % activated, through the service that keeps the tallies
        figure("activations recorded", activated.size() + " accounts in " + (System.nanoTime() - start) / 1_000_000
                + " ms");
        jdbc.sql("analyze table account, account_class, parent_link, school_class").query(row -> {
        });

        // 3. statistics on the full directory
        List<String> sample = new ArrayList<>(names.keySet()).subList(0, Math.min(50, names.size()));
        SchoolYear schoolYear = new SchoolYear(year);
        figure("statistics of one school (50 schools, median / max)",
                timings(sample, uai -> () -> statistics.ofSchool(uai)));
        figure("statistics per class of one school (50 schools, median / max)",
                timings(sample, uai -> () -> statistics.ofClasses(uai, schoolYear)));
        figure("statistics of the whole district (" + count + " schools, 10 runs, median / max)",
                timings(java.util.Collections.nCopies(10, ""), ignored -> () -> statistics.ofSchools(names)));

        System.out.println();
        System.out.println("=== Rentrée directory benchmark ===");
        figures.forEach(System.out::println);
        Files.write(Path.of("target", "directory-benchmark.txt"), figures);
    }

    private List<ExportFile> exportsOf(SiecleExport exports, DemoSchool school, Path dir) throws IOException {
        return exports.write(school, dir, 0).stream()
                .map(path -> new ExportFile(path.getFileName().toString(), path)).toList();
    }

    private void register(DemoSchool school) {
        schools.createIfAbsent(new School(school.uai(), school.name(), SchoolKind.valueOf(school.kind().name()),
                DISTRICT, null, null));
    }

    private RosterChanges importFiles(String uai, List<ExportFile> files) {
        ImportAnalysis analysis = imports.analyse(uai, files);
        if (analysis.refused()) {
            throw new IllegalStateException(uai + " refused: " + analysis.errors());
        }
        return imports.apply(analysis, "benchmark");
    }

    private static String timings(List<String> keys, java.util.function.Function<String, Supplier<?>> work) {
        work.apply(keys.getFirst()).get(); // warm-up
        long[] micros = new long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            long start = System.nanoTime();
            work.apply(keys.get(i)).get();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return String.format("%.1f ms / %.1f ms", micros[micros.length / 2] / 1000.0,
                micros[micros.length - 1] / 1000.0);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private void figure(String what, String value) {
        String line = String.format("%-70s %s", what, value);
        figures.add(line);
        System.out.println(line);
    }
}
