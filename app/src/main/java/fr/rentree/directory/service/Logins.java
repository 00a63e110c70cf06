package fr.rentree.directory.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.rentree.directory.domain.Login;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives new accounts their logins, imported or created by hand alike: {@code prenom.nom}, then a free counter. */
@Component
class Logins {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    Logins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One free login per base given, in their order: bases met twice (two Jean Martin in one import) get two
     * counters. The caller inserts them in the same transaction; the unique login catches a concurrent taker.
     */
    List<String> allocate(List<String> bases) {
        Map<String, Set<String>> taken = taken(Set.copyOf(bases));
        List<String> logins = new ArrayList<>(bases.size());
        for (String base : bases) {
            Set<String> used = taken.computeIfAbsent(base, b -> new HashSet<>());
            int counter = 0;
            while (used.contains(Login.numbered(base, counter))) {
                counter++;
            }
            String login = Login.numbered(base, counter);
            used.add(login);
            logins.add(login);
        }
        return logins;
    }

    /** The logins already given for each base, read with one indexed query per thousand bases. */
    private Map<String, Set<String>> taken(Set<String> bases) {
        Map<String, Set<String>> taken = new HashMap<>();
        List<String> all = List.copyOf(bases);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("select login_base, login from account where login_base in (:bases)")
                    .param("bases", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(row -> {
                        taken.computeIfAbsent(row.getString(1), b -> new HashSet<>()).add(row.getString(2));
                    });
        }
        return taken;
    }
}
