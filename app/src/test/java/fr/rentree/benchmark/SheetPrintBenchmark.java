package fr.rentree.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.demo.district.SiecleExport;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.reports.SheetLayout;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.sheets.domain.SheetRequest;
import fr.rentree.sheets.service.SheetService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sheets of a whole 3,000-pupil collège printed from MariaDB, as a director would (run with
 * {@code ./rentree benchmark-sheets}): what the database reads add to the rendering measured in {@code reports}.
 */
@RentreeIntegrationTest
class SheetPrintBenchmark {

    @Autowired
    SiecleImportService imports;
    @Autowired
    SheetService sheets;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    @Test
    void figures() throws IOException {
        fixtures.emptyDirectory();
        String uai = fixtures.schoolWithDirector("Collège du banc d'essai").school().uai();
        int year = SchoolYear.of(LocalDate.now(clock)).startYear();
        List<ExportFile> files = new SiecleExport(2026, year, LocalDate.of(year, 9, 1))
                .write(new DemoSchool(uai, "Collège du banc d'essai", DemoSchool.Kind.COLLEGE, 3000), folder, 0)
                .stream().map(path -> new ExportFile(path.getFileName().toString(), path)).toList();
        imports.apply(imports.analyse(uai, files), "benchmark");
        RecipientQuery everyone = new RecipientQuery(new RecipientSelection(uai, Set.of(), Set.of(),
                ActivationFilter.ALL, false), DistributionOrder.BY_CLASS, ParentPlacement.WITH_YOUNGEST_CHILD);

        List<String> figures = new ArrayList<>();
        figures.add("=== Rentrée sheets printed from MariaDB: a 3,000-pupil collège, every account, by class ===");
        for (SheetLayout layout : List.of(SheetLayout.ONE_PER_PAGE, SheetLayout.EIGHT_PER_PAGE)) {
            SheetRequest request = new SheetRequest(everyone, layout);
            List<String> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                Path pdf = folder.resolve(layout + "-" + run + ".pdf");
                long start = System.nanoTime();
                int printed;
                try (OutputStream out = Files.newOutputStream(pdf)) {
                    printed = sheets.print(request, Locale.FRENCH, out, n -> { }, "benchmark");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                runs.add("%,d sheets in %.2f s = %,.0f sheets/s%s".formatted(printed, seconds, printed / seconds,
                        run == 0 ? " (first print of the JVM)" : ""));
                Files.delete(pdf);
            }
            long start = System.nanoTime();
            sheets.previewPages(request, Locale.FRENCH);
            runs.add("preview of the first pages: %d ms".formatted((System.nanoTime() - start) / 1_000_000));
            figures.add(layout + ": " + String.join("; ", runs));
        }
        figures.forEach(System.out::println);
        Files.write(Path.of("target", "sheet-print-benchmark.txt"), figures);
    }
}
