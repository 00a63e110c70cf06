package fr.rentree.benchmark;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

import fr.rentree.school.domain.Uai;
import fr.rentree.directory.service.ActivationHistory;
import fr.rentree.support.Fixtures;
import fr.rentree.tracking.domain.DistrictProgressLog;
import fr.rentree.support.RentreeIntegrationTest;
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
    private static final int RUNS = 100;

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
        long campaign = academie();
        String officer = fixtures.districtOfficer(Set.of(Uai.of(7_000_000)));
        List<String> figures = new ArrayList<>();
        figures.add(String.format("=== Rentrée district dashboard: %,d schools, %,d accounts (tallies), a year of"
                + " nightly counts (%,d rows), %d runs each ===", SCHOOLS, ACCOUNTS, SCHOOLS * 365, RUNS));
        figures.add(measure("first page (50), count and totals", () -> fixtures.as(officer, () -> {
            dashboard.totals(campaign);
            dashboard.count(campaign, DashboardFilter.ALL);
            return dashboard.page(campaign, DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, 0, 50);
        })));
        DashboardFilter filtered = new DashboardFilter(Set.of(), Phase.SELECT, false, true, false, "");
        DashboardOrder byRate = new DashboardOrder(DashboardOrder.Column.RATE, false);
        figures.add(measure("under target at selection, by rate: page and count", () -> fixtures.as(officer, () -> {
            dashboard.count(campaign, filtered);
            return dashboard.page(campaign, filtered, byRate, 0, 50);
        })));
        figures.add(measure("text search \"Lyc\": page and count", () -> fixtures.as(officer, () -> {
            DashboardFilter text = new DashboardFilter(Set.of(), null, false, false, false, "Lyc");
            dashboard.count(campaign, text);
            return dashboard.page(campaign, text, DashboardOrder.BY_SCHOOL, 0, 50);
        })));
        figures.add(measure("the chart's days (a year of nightly counts)", () -> fixtures.as(officer,
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

    private static String measure(String what, Supplier<?> request) {
        for (int warm = 0; warm < 10; warm++) {
            request.get();
        }
        long[] ms = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long begin = System.nanoTime();
            request.get();
            ms[run] = (System.nanoTime() - begin) / 1_000;
        }
        Arrays.sort(ms);
        return String.format("%-52s p50 %6.1f ms, p95 %6.1f ms", what, ms[RUNS / 2] / 1000.0,
                ms[RUNS * 95 / 100] / 1000.0);
    }

    /** One district campaign over SCHOOLS schools, written in SQL; returns its id. */
    private long academie() {
        String district = "Académie de mesure";
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            uais.add(Uai.of(7_000_000 + i));
        }
        String[] kinds = {"ECOLE", "COLLEGE", "LYCEE"};
        batches(uais, (i, uai) -> "('" + uai + "', '" + (i % 3 == 2 ? "Lycée " : "École ") + i + "', '"
                + kinds[i % 3] + "', '" + district + "', 'Commune " + i % 40 + "')",
                "insert into school (uai, name, kind, district, commune) values ");
        jdbc.sql("""
                insert into district_campaign (district, name, school_year, deadline, target_percent, cadence,
                                               escalation_delay, state, created_at, created_by)
                values (?, 'Rentrée', 2026, ?, 90, 'P7D', 'P7D', 'RUNNING', now(6), 'benchmark')""")
                .params(district, LocalDate.now().plusWeeks(6)).update();
        long campaign = jdbc.sql("select max(id) from district_campaign").query(Long.class).single();
        batches(uais, (i, uai) -> "('" + uai + "', 'Rentrée', 2026, '" + (i % 10 == 9 ? "RUNNING" : "SELECTING")
                + "', now(6), 'benchmark', " + campaign + ")",
                "insert into campaign (school_uai, name, school_year, state, created_at, created_by,"
                        + " district_campaign_id) values ");
        jdbc.sql("""
                insert into district_campaign_school (district_campaign_id, position, school_uai, campaign_id)
                select ?, row_number() over (order by id) - 1, school_uai, id from campaign
                where district_campaign_id = ?""").params(campaign, campaign).update();
        jdbc.sql("""
                insert into campaign_waiting (campaign_id, step, waiting_since, late_since)
                select id, if(id % 3 = 0, 'VerifyRecipients', 'SelectRecipients'), now(6) - interval id % 20 day,
                       if(id % 7 = 0, now(6), null)
                from campaign where district_campaign_id = ? and state = 'SELECTING'""").param(campaign).update();
        long perProfile = ACCOUNTS / SCHOOLS / 4;
        for (String profile : List.of("STUDENT", "PARENT", "TEACHER", "STAFF")) {
            batches(uais, (i, uai) -> "('" + uai + "', '" + profile + "', " + (i * 37 % perProfile) + ", "
                    + (perProfile - i * 37 % perProfile) + ")",
                    "insert into account_tally (school_uai, profile, activated, not_activated) values ");
        }
        // a year of nightly counts: one copy per school and day, and the campaign's own day totals
        jdbc.sql("""
                insert into activation_snapshot (school_uai, day, activated, accounts, student_activated,
                    student_accounts, parent_activated, parent_accounts, teacher_activated, teacher_accounts,
                    staff_activated, staff_accounts)
                select s.uai, curdate() - interval d.seq day, 0, 1000, 0, 250, 0, 250, 0, 250, 0, 250
                from school s join seq_1_to_365 d where s.district = ?""").param(district).update();
        jdbc.sql("""
                insert into district_campaign_progress (district_campaign_id, day, activated, accounts)
                select ?, curdate() - interval seq day, 0, ? from seq_1_to_365""").params(campaign, ACCOUNTS)
                .update();
        return campaign;
    }

    private interface Row {
        String values(int index, String uai);
    }

    private void batches(List<String> uais, Row row, String insert) {
        for (int from = 0; from < uais.size(); from += 500) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = from; i < Math.min(uais.size(), from + 500); i++) {
                values.add(row.values(i, uais.get(i)));
            }
            jdbc.sql(insert + values).update();
        }
    }
}
