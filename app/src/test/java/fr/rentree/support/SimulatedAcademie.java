package fr.rentree.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

import fr.rentree.school.domain.Uai;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A simulated académie for the dashboard's figures (DashboardBenchmark on one MariaDB, ClusterScenario on Galera):
 * one district campaign over its schools, at every phase, some late, with tallies summing to the accounts, and a year
 * of nightly counts, written in SQL (launching thousands of school campaigns through the engine is the launch
 * benchmark's business; the dashboard reads the tallies the directory keeps, not the account rows).
 */
public final class SimulatedAcademie {

    /** The timed calls of each figure. */
    public static final int RUNS = 100;

    private final JdbcClient jdbc;

    public SimulatedAcademie(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The UAI of the académie's first school, the one its district officer is given. */
    public static String firstSchool() {
        return Uai.of(7_000_000);
    }

    /** {@code RUNS} timed calls after ten to warm up: p50 and p95, formatted for a figure. */
    public static String measure(String what, Supplier<?> request) {
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

    /** One district campaign over {@code schools} schools; returns its id. */
    public long seed(int schools, long accounts) {
        String district = "Académie de mesure";
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
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
        long perProfile = accounts / schools / 4;
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
                select ?, curdate() - interval seq day, 0, ? from seq_1_to_365""").params(campaign, accounts)
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
