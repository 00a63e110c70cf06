package fr.rentree.siecle.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import fr.rentree.directory.domain.ChildLink;
import fr.rentree.directory.domain.Coverage;
import fr.rentree.directory.domain.EmailAddress;
import fr.rentree.directory.domain.Origin;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Roster;
import fr.rentree.directory.domain.RosterEntry;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.domain.ExportKind;
import fr.rentree.siecle.domain.Finding;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the exports say about a school's people, checks it, and turns it into the roster an import applies:
 * pupils still there, the legal guardians of those pupils, teachers and staff with their classes.
 */
final class RosterBuilder {

    private final SiecleSettings settings;
    private final String uai;
    private final SchoolYear year;
    private final LocalDate today;
    private final List<Finding> findings;

    RosterBuilder(SiecleSettings settings, String uai, SchoolYear year, LocalDate today, List<Finding> findings) {
        this.settings = settings;
        this.uai = uai;
        this.year = year;
        this.today = today;
        this.findings = findings;
    }

    /**
     * @param knownPupils the pupils already in the directory, for a guardians' file imported without the pupils'
     */
    Roster build(List<ExportContent> exports, Supplier<Set<String>> knownPupils) {
        exports.forEach(this::checkHeader);
        List<RosterEntry> entries = new ArrayList<>();
        Map<String, String> classLabels = new TreeMap<>();
        Set<Coverage> coverage = EnumSet.noneOf(Coverage.class);
        Set<String> pupils = null;
        for (ExportContent export : exports) {
            export.kind().coverage().ifPresent(coverage::add);
            switch (export.kind()) {
                case PUPILS -> pupils = pupils(export, entries);
                case STAFF -> staff(export, entries, classLabels);
                default -> {
                }
            }
        }
        for (ExportContent export : exports) {
            if (export.kind() == ExportKind.GUARDIANS) {
                guardians(export, pupils != null ? pupils : knownPupils.get(), entries);
            }
        }
        return new Roster(uai, year, coverage, entries, classLabels);
    }

    private void checkHeader(ExportContent export) {
        ExportHeader header = export.header();
        if (header == null || header.uai() == null) {
            if (export.kind() != ExportKind.NOMENCLATURE) { // code tables are the same for every school
                findings.add(Finding.error("uai.missing", export.file(), null));
            }
        } else if (!header.uai().equals(uai)) {
            findings.add(Finding.error("uai.mismatch", export.file(), null, header.uai(), uai));
        }
        if (header != null && header.year() != null && !header.year().equals(Integer.toString(year.startYear()))) {
            String given = header.year().matches("\\d{4}")
                    ? new SchoolYear(Integer.parseInt(header.year())).label() : header.year();
            findings.add(Finding.error("year.mismatch", export.file(), null, given, year.label()));
        }
        if (header != null && header.source() != null) {
            findings.add(Finding.warning("sts.source", export.file(), null, header.source()));
        }
    }

    /** @return the identifiers of the pupils still there */
    private Set<String> pupils(ExportContent export, List<RosterEntry> entries) {
        String file = export.file();
        Map<String, String> divisions = new HashMap<>();
        for (Fields structures : export.records(ExportContent.STRUCTURES)) {
            List<String> codes = structures.texts("STRUCTURE/CODE_STRUCTURE");
            List<String> types = structures.texts("STRUCTURE/TYPE_STRUCTURE");
            for (int i = 0; i < Math.min(codes.size(), types.size()); i++) {
                if (types.get(i).equals("D")) {
                    divisions.putIfAbsent(structures.text("@ELEVE_ID"), codes.get(i));
                }
            }
        }
        Map<String, Fields> byIne = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (Fields pupil : export.records(ExportContent.PUPILS)) {
            String id = pupil.text("@ELEVE_ID");
            LocalDate left = ExportDates.BEE.read(pupil, "DATE_SORTIE", file, findings);
            if (id == null || (left != null && !left.isAfter(today))) {
                continue; // gone: their account goes to pré-suppression
            }
            Name name = name(pupil, "pupil", id, file, "NOM_USAGE", "NOM_DE_FAMILLE", "NOM");
            if (name == null) {
                continue;
            }
            String who = name.who();
            LocalDate birthDate = ExportDates.BEE.read(pupil, "DATE_NAISS", file, findings);
            if (!pupil.has("DATE_NAISS") || pupil.text("DATE_NAISS") == null) {
                findings.add(Finding.warning("pupil.birth-date.missing", file, pupil.line(), who));
            }
            if (pupil.text("CODE_SEXE") == null) {
                findings.add(Finding.warning("pupil.sex.missing", file, pupil.line(), who));
            }
            String division = divisions.get(id);
            if (division == null) {
                findings.add(Finding.warning("pupil.no-class", file, pupil.line(), who));
            }
            String ine = pupil.text("ID_NATIONAL");
            if (ine != null) {
                Fields first = byIne.putIfAbsent(ine, pupil);
                if (first != null) {
                    findings.add(Finding.warning("ine.duplicate", file, pupil.line(), ine, who,
                            firstOf(first, "NOM_USAGE", "NOM_DE_FAMILLE", "NOM") + " " + first.text("PRENOM"),
                            first.line()));
                }
            }
            present.add("E:" + id);
            entries.add(new RosterEntry("E:" + id, Origin.SIECLE, Profile.STUDENT, name.last(), name.first(), birthDate,
                    ine, email(pupil, "MEL", file, who), division == null ? Set.of() : Set.of(division), Set.of(),
                    Set.of()));
        }
        return present;
    }

    private void guardians(ExportContent export, Set<String> pupils, List<RosterEntry> entries) {
        String file = export.file();
        Map<String, Set<ChildLink>> children = new HashMap<>();
        for (Fields link : export.records(ExportContent.LINKS)) {
            String child = "E:" + link.text("ELEVE_ID");
            Integer level = number(link, "NIVEAU_RESPONSABILITE");
            Integer oldLegal = number(link, "RESP_LEGAL");
            boolean gets = level != null ? settings.guardianLevels().contains(level)
                    : oldLegal != null ? settings.guardianOldLegalValues().contains(oldLegal)
                    : settings.guardiansWithoutLevel();
            if (gets && pupils.contains(child) && link.text("PERSONNE_ID") != null) {
                children.computeIfAbsent(link.text("PERSONNE_ID"), id -> new LinkedHashSet<>())
                        .add(new ChildLink(child, level != null ? level : 1, link.text("CODE_PARENTE")));
            }
        }
        for (Fields person : export.records(ExportContent.PERSONS)) {
            String id = person.text("@PERSONNE_ID");
            Set<ChildLink> theirs = children.get(id);
            if (theirs == null) {
                continue; // no child here any more, or not a legal guardian: no account
            }
            Name name = name(person, "person", id, file, "NOM_USAGE", "NOM_DE_FAMILLE", "NOM");
            if (name != null) {
                entries.add(new RosterEntry("P:" + id, Origin.SIECLE, Profile.PARENT, name.last(), name.first(), null,
                        null, email(person, "MEL", file, name.who()), Set.of(), Set.of(), theirs));
            }
        }
    }

    private void staff(ExportContent export, List<RosterEntry> entries, Map<String, String> classLabels) {
        String file = export.file();
        Map<String, Set<String>> taught = new HashMap<>();
        for (Fields division : export.records(ExportContent.DIVISIONS)) {
            String code = division.text("@CODE");
            if (code == null) {
                continue;
            }
            if (division.text("LIBELLE_LONG") != null) {
                classLabels.put(code, division.text("LIBELLE_LONG"));
            }
            for (String teacher : division.texts("SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT@ID")) {
                taught.computeIfAbsent(teacher, t -> new HashSet<>()).add(code);
            }
        }
        for (Fields group : export.records(ExportContent.GROUPS)) {
            // a teacher of a group teaches in the classes its pupils come from
            List<String> divisions = group.texts("DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE@CODE");
            for (String teacher : group.texts("SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT@ID")) {
                taught.computeIfAbsent(teacher, t -> new HashSet<>()).addAll(divisions);
            }
        }
        for (Fields individual : export.records(ExportContent.INDIVIDUALS)) {
            String id = individual.text("@ID");
            if (id == null) {
                continue;
            }
            Name name = name(individual, "staff", id, file, "NOM_USAGE", "NOM_PATRONYMIQUE");
            if (name == null) {
                continue;
            }
            String who = name.who();
            LocalDate birthDate = ExportDates.STS.read(individual, "DATE_NAISSANCE", file, findings);
            boolean national = !"local".equals(individual.text("@TYPE")); // locals often lack both: not worth a word
            if (national && individual.text("DATE_NAISSANCE") == null) {
                findings.add(Finding.warning("staff.birth-date.missing", file, individual.line(), who));
            }
            if (national && individual.text("SEXE") == null) {
                findings.add(Finding.warning("staff.sex.missing", file, individual.line(), who));
            }
            Set<String> headOf = new HashSet<>();
            List<String> headClasses = individual.texts("PROFS_PRINC/PROF_PRINC/CODE_STRUCTURE");
            List<String> ends = individual.texts("PROFS_PRINC/PROF_PRINC/DATE_FIN");
            for (int i = 0; i < headClasses.size(); i++) {
                LocalDate end = ends.size() == headClasses.size() ? parseStsDate(ends.get(i)) : null;
                if (end == null || !end.isBefore(today)) {
                    headOf.add(headClasses.get(i));
                }
            }
            Set<String> classes = new HashSet<>(taught.getOrDefault(id, Set.of()));
            classes.addAll(headOf);
            String function = individual.text("FONCTION");
            Profile profile = function != null && settings.teacherFunctions().contains(function)
                    ? Profile.TEACHER : Profile.STAFF;
            entries.add(new RosterEntry("I:" + id, Origin.STS_WEB, profile, name.last(), name.first(), birthDate, null,
                    email(individual, "MEL", file, who), classes, headOf, Set.of()));
        }
    }

    /** The names of a record, or null after saying which one is missing (an account needs both, for its login). */
    private @Nullable Name name(Fields record, String kind, String id, String file, String... lastNameFields) {
        String lastName = firstOf(record, lastNameFields);
        String firstName = record.text("PRENOM");
        if (lastName == null) {
            findings.add(Finding.error(kind + ".last-name.missing", file, record.line(), id));
            return null;
        }
        if (firstName == null) {
            findings.add(Finding.error(kind + ".first-name.missing", file, record.line(), lastName, id));
            return null;
        }
        return new Name(lastName, firstName);
    }

    private record Name(String last, String first) {

        String who() {
            return last + " " + first;
        }
    }

    private @Nullable String email(Fields record, String field, String file, String who) {
        String email = record.text(field);
        if (email != null && !EmailAddress.isValid(email)) {
            findings.add(Finding.warning("email.invalid", file, record.line(), email, who));
            return null;
        }
        return email;
    }

    private static @Nullable LocalDate parseStsDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // an unreadable end date: the headship is kept
        }
    }

    private static @Nullable Integer number(Fields record, String field) {
        String text = record.text(field);
        return text != null && text.matches("\\d{1,3}") ? Integer.valueOf(text) : null;
    }

    private static @Nullable String firstOf(Fields record, String... fields) {
        for (String field : fields) {
            if (record.text(field) != null) {
                return record.text(field);
            }
        }
        return null;
    }
}
