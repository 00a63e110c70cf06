package fr.rentree.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.demo.district.SiecleExport;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.service.SampleExports;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo schools' SIECLE and STS-web exports, for a director to download from the import screen and drop back: the
 * ones the demo imported, taken a little later (3 % of the pupils have left), so that the preview has something to
 * show. Made once per school and kept (a few hundred kilobytes each).
 */
@Component
@ConditionalOnProperty("rentree.demo.enabled")
class DemoExports implements SampleExports {

    /** the share of pupils gone since the demo's import: a few pré-suppressions, far from a mass one */
    private static final double LEAVERS = 0.03;

    private final Clock clock;
    private final Map<String, List<SampleExport>> made = new ConcurrentHashMap<>();

    DemoExports(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<SampleExport> of(String uai) {
        return DemoData.district().stream().filter(school -> school.uai().equals(uai)).findFirst()
                .map(school -> made.computeIfAbsent(uai, any -> write(school))).orElse(List.of());
    }

    private List<SampleExport> write(DemoSchool school) {
        int year = SchoolYear.of(LocalDate.now(clock)).startYear();
        try {
            Path folder = Files.createTempDirectory("rentree-samples-");
            try {
                List<SampleExport> files = new ArrayList<>();
                for (Path file : DemoData.exports(year).write(school, folder, LEAVERS)) {
                    files.add(new SampleExport(file.getFileName().toString(), Files.readAllBytes(file)));
                }
                return List.copyOf(files);
            } finally {
                try (var files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the demo exports of " + school.uai() + " could not be written", e);
        }
    }
}
