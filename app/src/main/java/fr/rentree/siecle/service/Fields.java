package fr.rentree.siecle.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record of an export (an ELEVE, a PERSONNE, an INDIVIDU...): the texts of the elements under it by relative
 * path ({@code NOM_DE_FAMILLE}, {@code DISCIPLINES/DISCIPLINE/LIBELLE_COURT}) and attributes as {@code path@name},
 * with the line of each, so that a message points at the faulty field rather than at the start of the record.
 */
final class Fields {

    private final String path;
    private final int line;
    private final Map<String, List<String>> values = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Fields(String path, int line, Map<String, String> attributes) {
        this.path = path;
        this.line = line;
        attributes.forEach((name, value) -> add("@" + name, value, line));
    }

    String path() {
        return path;
    }

    /** The line where the record starts. */
    int line() {
        return line;
    }

    /** The line of a field's first value; the record's when the field is absent. */
    int line(String key) {
        return lines.getOrDefault(key, line);
    }

    void add(String key, String value, int line) {
        values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        lines.putIfAbsent(key, line);
    }

    /** The first value, stripped; null when absent or empty (SIECLE writes empty elements for "none"). */
    @Nullable String text(String key) {
        List<String> all = values.get(key);
        if (all == null) {
            return null;
        }
        String value = all.getFirst().strip();
        return value.isEmpty() ? null : value;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    List<String> texts(String key) {
        return values.getOrDefault(key, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
