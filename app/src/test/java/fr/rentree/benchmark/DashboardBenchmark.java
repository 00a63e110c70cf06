package fr.rentree.benchmark;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.rentree.directory.service.ActivationHistory;
import fr.rentree.support.Fixtures;
import fr.rentree.tracking.domain.DistrictProgressLog;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SimulatedAcademie;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.Phase;
import fr.rentree.tracking.service.DistrictDashboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district dashboard of an académie (run with {@code ./rentree benchmark-district}, after the launch): 3,000
 * schools in one district campaign, at every phase, some late, with tallies summing to a million accounts; the
 * first page with its count and totals, as the screen asks for them, server side, and the CSV of every school. The
 * rows are written in SQL (launching 3,000 school campaigns through the engine is the launch benchmark's business);
 * the dashboard reads the tallies the directory keeps, so the account rows themselves do not enter its queries; a
 * year of nightly counts lies under the trend (the copy of a week ago) and the chart.
 */
@RentreeIntegrationTest
class DashboardBenchmark {

    private static final int SCHOOLS = Integer.getInteger("benchmark.dashboard-schools", 3_000);
    private static final long ACCOUNTS = 1_000_000;

    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ActivationHistory history;
    @Autowired
    DistrictProgressLog progress;

    @Test
    void figures() {
        long campaign = new SimulatedAcademie(jdbc).seed(SCHOOLS, ACCOUNTS);
        String officer = fixtures.districtOfficer(Set.of(SimulatedAcademie.firstSchool()));
        List<String> figures = new ArrayList<>();
        figures.add(String.format("=== Rentrée district dashboard: %,d schools, %,d accounts (tallies), a year of"
                + " nightly counts (%,d rows), %d runs each ===", SCHOOLS, ACCOUNTS, SCHOOLS * 365, SimulatedAcademie.RUNS));
        figures.add(SimulatedAcademie.measure("first page (50), count and totals", () -> fixtures.as(officer, () -> {
            dashboard.totals(campaign);
            dashboard.count(campaign, DashboardFilter.ALL);
            return dashboard.page(campaign, DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, 0, 50);
        })));
        DashboardFilter filtered = new DashboardFilter(Set.of(), Phase.SELECT, false, true, false, "");
        DashboardOrder byRate = new DashboardOrder(DashboardOrder.Column.RATE, false);
        figures.add(SimulatedAcademie.measure("under target at selection, by rate: page and count", () -> fixtures.as(officer, () -> {
            dashboard.count(campaign, filtered);
            return dashboard.page(campaign, filtered, byRate, 0, 50);
        })));
        figures.add(SimulatedAcademie.measure("text search \"Lyc\": page and count", () -> fixtures.as(officer, () -> {
            DashboardFilter text = new DashboardFilter(Set.of(), null, false, false, false, "Lyc");
            dashboard.count(campaign, text);
            return dashboard.page(campaign, text, DashboardOrder.BY_SCHOOL, 0, 50);
        })));
        figures.add(SimulatedAcademie.measure("the chart's days (a year of nightly counts)", () -> fixtures.as(officer,
                () -> dashboard.days(campaign))));
        long[] csv = new long[5];
        for (int run = 0; run < csv.length; run++) {
            long begin = System.nanoTime();
            StringWriter out = new StringWriter();
            fixtures.as(officer, () -> dashboard.exportCsv(campaign, DashboardFilter.ALL, DashboardOrder.BY_SCHOOL,
                    out, Locale.FRENCH));
            csv[run] = (System.nanoTime() - begin) / 1_000_000;
        }
        figures.add("CSV of every school, 5 runs (ms): " + Arrays.toString(csv));
        long[] nightly = new long[3];
        for (int run = 0; run < nightly.length; run++) {
            long begin = System.nanoTime();
            history.recordEverySchool();
            progress.record(LocalDate.now(), List.of(campaign));
            nightly[run] = (System.nanoTime() - begin) / 1_000_000;
        }
        figures.add("nightly count (every school copied, the campaign totalled), 3 runs (ms): "
                + Arrays.toString(nightly));
        figures.forEach(System.out::println);
    }
}
