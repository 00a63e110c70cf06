package fr.rentree.siecle.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.rentree.siecle.domain.ExportKind;
import org.jspecify.annotations.Nullable;

/** The records of one export, by path, as read: checking and interpreting them is the roster builder's work. */
record ExportContent(ExportKind kind, String file, @Nullable ExportHeader header, Map<String, List<Fields>> records) {

    static final String PUPILS = "DONNEES/ELEVES/ELEVE";
    static final String STRUCTURES = "DONNEES/STRUCTURES/STRUCTURES_ELEVE";
    static final String PERSONS = "DONNEES/PERSONNES/PERSONNE";
    static final String LINKS = "DONNEES/RESPONSABLES/RESPONSABLE_ELEVE";
    static final String INDIVIDUALS = "DONNEES/INDIVIDUS/INDIVIDU";
    static final String DIVISIONS = "DONNEES/STRUCTURE/DIVISIONS/DIVISION";
    static final String GROUPS = "DONNEES/STRUCTURE/GROUPES/GROUPE";

    private static final Map<ExportKind, List<String>> PATHS = Map.of(
            ExportKind.PUPILS, List.of(PUPILS, STRUCTURES),
            ExportKind.GUARDIANS, List.of(PERSONS, LINKS),
            ExportKind.NOMENCLATURE, List.of(),
            ExportKind.STAFF, List.of(INDIVIDUALS, DIVISIONS, GROUPS));

    static ExportContent read(ExportKind kind, DecodedExport export) throws IOException, RefusedExport {
        Map<String, List<Fields>> records = new HashMap<>();
        List<ExportHeader> header = new ArrayList<>(1);
        XmlScanner scanner = new XmlScanner().on("PARAMETRES", fields -> header.add(ExportHeader.of(fields)));
        for (String path : PATHS.get(kind)) {
            List<Fields> found = new ArrayList<>();
            records.put(path, found);
            scanner.on(path, found::add);
        }
        scanner.scan(export);
        return new ExportContent(kind, export.name(), header.isEmpty() ? null : header.getFirst(), records);
    }

    List<Fields> records(String path) {
        return records.getOrDefault(path, List.of());
    }
}
