package fr.rentree.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.rentree.activation.service.AccountActivation;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public page under a rush, and the director's accounts grid on a large collège (run with
 * {@code ./rentree benchmark-activation}): 50 holders activating at once, each activation timed on the server (code
 * checked, password hashed with bcrypt, account and statistics written); then the first page of "Mon établissement"
 * on a collège of about 7,000 accounts, with and without a search.
 */
@RentreeIntegrationTest
class ActivationBenchmark {

    private static final int HOLDERS = 50;
    private static final int EACH = 10;
    /** Activations one after the other first: the cost of one, without a queue. */
    private static final int ALONE = 20;

    @Autowired
    AccountActivation activation;
    @Autowired
    DirectoryService directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void figures() throws Exception {
        fixtures.emptyDirectory();
        jdbc.sql("delete from holder_guard").update();
        String uai = fixtures.schoolWithDirector("Collège Jean-Moulin").school().uai();
        fixtures.importGenerated(new DemoSchool(uai, "Collège Jean-Moulin", DemoSchool.Kind.COLLEGE, 3_000), folder);
        int accounts = jdbc.sql("select count(*) from account where school_uai = ?").param(uai).query(Integer.class)
                .single();
        List<String> logins = jdbc.sql("select login from account where school_uai = ? and activated_at is null"
                        + " order by id limit ?").params(uai, HOLDERS * EACH + ALONE).query(String.class).list();
        List<String> codes = logins.stream().map(login -> directory.activationCode(jdbc.sql(
                "select id from account where login = ?").param(login).query(Long.class).single()).orElseThrow()
                .value()).toList();

        List<String> figures = new ArrayList<>();
        figures.add("=== Rentrée activation: " + HOLDERS + " holders at once on a collège of " + accounts
                + " accounts, " + HOLDERS * EACH + " activations ===");
        List<Double> alone = new ArrayList<>();
        for (int i = HOLDERS * EACH; i < HOLDERS * EACH + ALONE; i++) {
            long start = System.nanoTime();
            activation.activate(logins.get(i), codes.get(i), "Cartable-Vert-2026!", null, true, Set.of(), "192.0.2.1");
            alone.add((System.nanoTime() - start) / 1e6);
        }
        figures.add(String.format("one activation alone (bcrypt included): p50 %.0f ms, p95 %.0f ms",
                percentile(alone, 50), percentile(alone, 95)));
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        try (ExecutorService holders = Executors.newFixedThreadPool(HOLDERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int holder = 0; holder < HOLDERS; holder++) {
                int first = holder * EACH;
                done.add(holders.submit(() -> {
                    for (int i = first; i < first + EACH; i++) {
                        long start = System.nanoTime();
                        var result = activation.activate(logins.get(i), codes.get(i), "Cartable-Vert-2026!", null,
                                true, Set.of(), "192.0.2." + (i % 200));
                        times.add((System.nanoTime() - start) / 1e6);
                        if (result.refusal() != null) {
                            throw new IllegalStateException(logins.get(i) + ": " + result.refusal());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        figures.add(String.format("activation, server side: p50 %.0f ms, p95 %.0f ms, max %.0f ms; %.1f activations/s",
                percentile(times, 50), percentile(times, 95), percentile(times, 100), times.size() / seconds));
        long single = System.nanoTime();
        activation.check(logins.getFirst(), "AAAAAAAA", "198.51.100.1");
        figures.add(String.format("one refused attempt (guard checked, failure recorded): %.1f ms",
                (System.nanoTime() - single) / 1e6));

        for (String search : List.of("", "martin", "lucas martin")) {
            List<Double> pages = new ArrayList<>();
            AccountQuery query = AccountQuery.matching(uai, search);
            for (int run = 0; run < 60; run++) {
                long start = System.nanoTime();
                directory.count(query);
                directory.accounts(query, 0, 50);
                pages.add((System.nanoTime() - start) / 1e6);
            }
            figures.add(String.format("accounts grid, first page and count%s: p50 %.1f ms, p95 %.1f ms",
                    search.isEmpty() ? "" : " (search \"" + search + "\")", percentile(pages.subList(10, 60), 50),
                    percentile(pages.subList(10, 60), 95)));
        }
        figures.forEach(System.out::println);
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
