package fr.rentree.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.reports.SheetLayout;
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
    SheetService sheets;
    @Autowired
    RecipientService recipients;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    @Test
    void figures() throws IOException {
        fixtures.emptyDirectory();
        String uai = fixtures.schoolWithDirector("Collège du banc d'essai").school().uai();
        fixtures.importGenerated(new DemoSchool(uai, "Collège du banc d'essai", DemoSchool.Kind.COLLEGE, 3000),
                folder);
        RecipientQuery everyone = new RecipientQuery(new RecipientSelection(uai, Set.of(), Set.of(),
                ActivationFilter.ALL, EmailFilter.ALL, LocalAdminFilter.ALL, null, null, false), DistributionOrder.BY_CLASS, ParentPlacement.WITH_YOUNGEST_CHILD);

        List<String> figures = new ArrayList<>();
        figures.add("=== Rentrée sheets printed from MariaDB: a 3,000-pupil collège, every account, by class ===");
        List<String> reads = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            int read = 0;
            List<Placement> placements = recipients.placements(everyone);
            for (int from = 0; from < placements.size(); from += RecipientService.PAGE) {
                read += recipients.recipients(uai, placements.subList(from,
                        Math.min(from + RecipientService.PAGE, placements.size()))).size();
            }
            reads.add("%,d recipients in %d ms".formatted(read, (System.nanoTime() - start) / 1_000_000));
        }
        figures.add("reading them alone, in pages of " + RecipientService.PAGE + ": " + String.join("; ", reads));
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
