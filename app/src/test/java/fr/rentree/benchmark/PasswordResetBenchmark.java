package fr.rentree.benchmark;

import static fr.rentree.benchmark.ActivationBenchmark.percentile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.PasswordReset;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Mot de passe oublié" must not tell who has an account by its timing (run with {@code ./rentree benchmark-reset}):
 * the server's answer time for an activated account with an address, and for a login nobody has, requests
 * interleaved one after the other (each from an address of its own, so the address guard counts them all alike),
 * after some to warm up. The e-mails leave in the background meanwhile, as they do in production.
 */
@RentreeIntegrationTest
class PasswordResetBenchmark {

    private static final int WARM_UP = 20;
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);

    @Autowired
    PasswordReset reset;
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
    void figures() {
        fixtures.emptyDirectory();
        fixtures.schoolWithAccounts("Collège du banc d’essai", folder);
        long zoe = jdbc.sql("select id from account where login = 'zoe.martin-dupont'").query(Long.class).single();
        activation.activate("zoe.martin-dupont", directory.activationCode(zoe).orElseThrow().value(),
                "Cartable-Vert-2026!", "zoe.banc@exemple.fr", true, Set.of(), "192.0.2.1");
        List<Double> known = new ArrayList<>();
        List<Double> unknown = new ArrayList<>();
        for (int i = 0; i < 2 * (WARM_UP + REQUESTS); i++) {
            boolean exists = i % 2 == 0;
            String words = exists ? "zoe.martin-dupont" : "personne.inconnue" + i;
            String address = "198.18." + (i / 250) + "." + (i % 250 + 1); // RFC 2544: benchmarks' own
            long start = System.nanoTime();
            reset.request(words, address, Locale.FRENCH);
            double millis = (System.nanoTime() - start) / 1e6;
            if (i >= 2 * WARM_UP) {
                (exists ? known : unknown).add(millis);
            }
        }
        System.out.println("=== Rentrée \"Mot de passe oublié\", server side: " + REQUESTS + " requests each, interleaved,"
                + " after " + WARM_UP + " each to warm up ===");
        System.out.printf("activated account with an address: median %.2f ms, p95 %.2f ms%n", percentile(known, 50),
                percentile(known, 95));
        System.out.printf("unknown login: median %.2f ms, p95 %.2f ms%n", percentile(unknown, 50),
                percentile(unknown, 95));
        System.out.printf("difference: median %.2f ms, p95 %.2f ms%n", percentile(known, 50) - percentile(unknown, 50),
                percentile(known, 95) - percentile(unknown, 95));
    }
}
