package fr.rentree.siecle.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.rentree.directory.domain.ChildLink;
import fr.rentree.directory.domain.Coverage;
import fr.rentree.base.EmailAddress;
import fr.rentree.base.i18n.Institution;
import fr.rentree.directory.domain.Origin;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Roster;
import fr.rentree.directory.domain.RosterEntry;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.domain.ExportKind;
import fr.rentree.siecle.domain.Finding;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads what the exports say about a school's people, checks it, and turns it into the roster an import applies:
 * pupils still there, the legal guardians of those pupils, teachers and staff with their classes.
 */
final class RosterBuilder {

    /** Where the last name is, in order of preference: SIECLE's files (NOM before 2016), STS-web's. */
    private static final String[] BEE_LAST_NAMES = {"NOM_USAGE", "NOM_DE_FAMILLE", "NOM"};
    private static final String[] STS_LAST_NAMES = {"NOM_USAGE", "NOM_PATRONYMIQUE"};
    /**
     * The longest texts the directory keeps (its columns): a longer one is refused while reading, never cut, and never
     * left to fail the import after a preview that said yes. An identifier takes its kind's prefix ({@code E:}...).
     */
    private static final int MAX_ID = 38;
    private static final int MAX_NAME = 100;
    private static final int MAX_INE = 20;
    private static final int MAX_CLASS_CODE = 50;
    private static final int MAX_CLASS_LABEL = 200;
    /**
     * A division some schools (and some tools' fixtures) put pupils in: only a code; a pupil leaves with DATE_SORTIE.
     */
    private static final String INACTIVE_DIVISION = "Inactifs";
    /** Whom a message names when their record gives no name at all: "l'élève sans nom (ELEVE_ID 1004)". */
    private static final MessageSourceResolvable UNNAMED = new DefaultMessageSourceResolvable("siecle.unnamed");

    private final SiecleSettings settings;
    private final Function<String, Optional<Institution>> schools;
    private final String uai;
    private final SchoolYear year;
    private final LocalDate today;
    private final List<Finding> findings;

    /** @param schools the school of a UAI, by its name: a refusal names the schools, not only their numbers */
    RosterBuilder(SiecleSettings settings, Function<String, Optional<Institution>> schools, String uai, SchoolYear year,
                  LocalDate today, List<Finding> findings) {
        this.settings = settings;
        this.schools = schools;
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
        Pupils pupils = null;
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
                guardians(export, pupils != null ? pupils : Pupils.of(knownPupils.get()), entries);
            }
        }
        return new Roster(uai, year, coverage, entries, classLabels);
    }

    private void checkHeader(ExportContent export) {
        if (export.kind() == ExportKind.NOMENCLATURE) {
            return; // code tables, the same for every school, and not read: their school and year do not matter
        }
        ExportHeader header = export.header();
        if (header == null || header.uai() == null) {
            findings.add(Finding.error("uai.missing", export.file(), null));
        } else if (!header.uai().equals(uai)) {
            Object ours = schools.apply(uai).map(Object.class::cast).orElse(uai);
            String theirs = header.uai();
            findings.add(schools.apply(theirs)
                    .map(other -> Finding.error("uai.mismatch", export.file(), null, other, theirs, ours, uai))
                    .orElseGet(() -> Finding.error("uai.mismatch.unknown", export.file(), null, theirs, ours, uai)));
        }
        if (header == null || header.year() == null) { // unchecked, it could be last year's: refused as a wrong one
            findings.add(Finding.error("year.missing", export.file(), null, year.label()));
        } else if (!header.year().equals(Integer.toString(year.startYear()))) {
            String given = header.year().matches("\\d{4}")
                    ? new SchoolYear(Integer.parseInt(header.year())).label() : header.year();
            findings.add(Finding.error("year.mismatch", export.file(), null, given, year.label()));
        }
        if (header != null && header.source() != null) {
            findings.add(Finding.warning("sts.source", export.file(), null, header.source()));
        }
    }

    private Pupils pupils(ExportContent export, List<RosterEntry> entries) {
        String file = export.file();
        Map<String, String> divisions = new HashMap<>();
        Map<String, Integer> divisionLines = new HashMap<>();
        for (Fields structures : export.records(ExportContent.STRUCTURES)) {
            List<String> codes = structures.texts("STRUCTURE/CODE_STRUCTURE");
            List<String> types = structures.texts("STRUCTURE/TYPE_STRUCTURE");
            for (int i = 0; i < Math.min(codes.size(), types.size()); i++) {
                String pupil = structures.text("@ELEVE_ID");
                if (types.get(i).equals("D") && divisions.putIfAbsent(pupil, codes.get(i)) == null) {
                    divisionLines.put(pupil, structures.line("STRUCTURE/CODE_STRUCTURE"));
                }
            }
        }
        Map<String, Fields> byIne = new HashMap<>();
        Map<String, Fields> byId = new HashMap<>();
        Set<String> present = new HashSet<>();
        Set<String> listed = new HashSet<>();
        for (Fields pupil : export.records(ExportContent.PUPILS)) {
            String id = pupil.text("@ELEVE_ID");
            if (id == null) {
                continue;
            }
            listed.add("E:" + id);
            Subject subject = Subject.of(pupil, "pupil", id, BEE_LAST_NAMES);
            if (repeats(byId, pupil, subject, "DATE_NAISS", file, BEE_LAST_NAMES)) {
                continue;
            }
            LocalDate left = date(ExportDates.BEE, pupil, "DATE_SORTIE", subject, file);
            if (left != null && !left.isAfter(today)) {
                continue; // gone: their account goes to pré-suppression
            }
            Name name = name(pupil, subject, file, BEE_LAST_NAMES);
            if (name == null) {
                continue;
            }
            Object who = subject.who();
            LocalDate birthDate = date(ExportDates.BEE, pupil, "DATE_NAISS", subject, file);
            if (pupil.text("DATE_NAISS") == null) {
                findings.add(Finding.warning("pupil.birth-date.missing", file, pupil.line("DATE_NAISS"), who));
            }
            if (pupil.text("CODE_SEXE") == null) {
                findings.add(Finding.warning("pupil.sex.missing", file, pupil.line("CODE_SEXE"), who));
            }
            String division = divisions.get(id);
            if (division != null && division.length() > MAX_CLASS_CODE) {
                findings.add(Finding.error("field.too-long", file, divisionLines.get(id), "CODE_STRUCTURE", who,
                        subject.identifier(), division.length(), MAX_CLASS_CODE));
            }
            if (division == null) {
                findings.add(Finding.warning("pupil.no-class", file, pupil.line(), who));
            } else if (division.equalsIgnoreCase(INACTIVE_DIVISION)) { // a school's name, not SIECLE's departure
                findings.add(Finding.warning("pupil.inactive-division", file, pupil.line(), who, division));
            }
            String ine = pupil.text("ID_NATIONAL");
            fits(pupil, "ID_NATIONAL", MAX_INE, subject, file);
            if (ine != null) {
                Fields first = byIne.putIfAbsent(ine, pupil);
                if (first != null) {
                    findings.add(Finding.warning("ine.duplicate", file, pupil.line("ID_NATIONAL"), ine, who,
                            names(first, BEE_LAST_NAMES), first.line("ID_NATIONAL")));
                }
            }
            present.add("E:" + id);
            entries.add(new RosterEntry("E:" + id, Origin.SIECLE, Profile.STUDENT, name.last(), name.first(), birthDate,
                    ine, email(pupil, "MEL", file, subject), division == null ? Set.of() : Set.of(division), Set.of(),
                    Set.of()));
        }
        return new Pupils(present, listed);
    }

    /**
     * The pupils a guardians' file is read against.
     *
     * @param present those still there: their legal guardians get an account
     * @param known   those too who left: their guardians are skipped without a word, unlike those of pupils unknown
     */
    private record Pupils(Set<String> present, Set<String> known) {

        /** The pupils already in the directory, for a guardians' file imported without the pupils'. */
        static Pupils of(Set<String> active) {
            return new Pupils(active, active);
        }
    }

    private void guardians(ExportContent export, Pupils pupils, List<RosterEntry> entries) {
        String file = export.file();
        Map<String, Set<ChildLink>> children = new HashMap<>();
        Set<String> strangers = new HashSet<>(); // legal guardians linked to no pupil the import knows
        Set<String> ofKnownPupils = new HashSet<>();
        Map<String, Integer> linkLines = new HashMap<>();
        for (Fields link : export.records(ExportContent.LINKS)) {
            String child = "E:" + link.text("ELEVE_ID");
            String person = link.text("PERSONNE_ID");
            Integer level = number(link, "NIVEAU_RESPONSABILITE");
            Integer oldLegal = number(link, "RESP_LEGAL");
            boolean gets = level != null ? settings.guardianLevels().contains(level)
                    : oldLegal != null ? settings.guardianOldLegalValues().contains(oldLegal)
                    : settings.guardiansWithoutLevel();
            if (!gets || person == null) {
                continue;
            }
            Integer firstLine = linkLines.putIfAbsent(person + "\u0000" + child, link.line());
            if (firstLine != null) { // one link per guardian and pupil: the directory keeps one
                findings.add(Finding.warning("guardian.link.repeated", file, link.line(), person,
                        link.text("ELEVE_ID"), firstLine));
                continue;
            }
            (pupils.known().contains(child) ? ofKnownPupils : strangers).add(person);
            if (pupils.present().contains(child)) {
                children.computeIfAbsent(person, id -> new LinkedHashSet<>())
                        .add(new ChildLink(child, level != null ? level : 1, link.text("CODE_PARENTE")));
            }
        }
        strangers.removeAll(ofKnownPupils);
        // a file from which no parent gets an account would pre-delete every parent of the school, without a word:
        // another school's file, one imported without its pupils', or links in a structure the import does not read
        if (strangers.isEmpty() && ofKnownPupils.isEmpty()) {
            findings.add(Finding.error("guardians.none-legal", file, null));
        } else if (children.isEmpty()) {
            findings.add(Finding.error("guardians.none-linked", file, null, strangers.size() + ofKnownPupils.size()));
        } else if (!strangers.isEmpty()) { // a few guardians of pupils the school does not know
            findings.add(Finding.warning("guardians.unknown-pupils", file, null, strangers.size()));
        }
        Map<String, Fields> byId = new HashMap<>();
        for (Fields person : export.records(ExportContent.PERSONS)) {
            String id = person.text("@PERSONNE_ID");
            if (id == null) {
                continue;
            }
            Subject subject = Subject.of(person, "person", id, BEE_LAST_NAMES);
            if (repeats(byId, person, subject, null, file, BEE_LAST_NAMES)) {
                continue;
            }
            Set<ChildLink> theirs = children.get(id);
            if (theirs == null) {
                continue; // no child here any more, or not a legal guardian: no account
            }
            Name name = name(person, subject, file, BEE_LAST_NAMES);
            if (name != null) {
                entries.add(new RosterEntry("P:" + id, Origin.SIECLE, Profile.PARENT, name.last(), name.first(), null,
                        null, email(person, "MEL", file, subject), Set.of(), Set.of(), theirs));
            }
        }
    }

    private void staff(ExportContent export, List<RosterEntry> entries, Map<String, String> classLabels) {
        String file = export.file();
        Map<String, Set<String>> taught = new HashMap<>();
        Map<String, Fields> byCode = new HashMap<>();
        for (Fields division : export.records(ExportContent.DIVISIONS)) {
            String code = division.text("@CODE");
            if (code == null) {
                continue;
            }
            Fields first = byCode.putIfAbsent(code, division);
            String label = division.text("LIBELLE_LONG");
            if (code.length() > MAX_CLASS_CODE || label != null && label.length() > MAX_CLASS_LABEL) {
                boolean codeTooLong = code.length() > MAX_CLASS_CODE;
                findings.add(Finding.error("division.too-long", file, division.line(), codeTooLong ? "CODE"
                        : "LIBELLE_LONG", code, codeTooLong ? code.length() : label.length(),
                        codeTooLong ? MAX_CLASS_CODE : MAX_CLASS_LABEL));
            }
            // the same label twice is one class, its services merged; two labels are two classes under one code
            if (first != null && first.text("LIBELLE_LONG") != null && label != null
                    && !first.text("LIBELLE_LONG").equals(label)) {
                findings.add(Finding.error("division.duplicate", file, division.line(), code,
                        first.text("LIBELLE_LONG"), first.line(), label));
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
        Map<String, Fields> byId = new HashMap<>();
        for (Fields individual : export.records(ExportContent.INDIVIDUALS)) {
            String id = individual.text("@ID");
            if (id == null) {
                continue;
            }
            Subject subject = Subject.of(individual, "staff", id, STS_LAST_NAMES);
            if (repeats(byId, individual, subject, "DATE_NAISSANCE", file, STS_LAST_NAMES)) {
                continue;
            }
            Name name = name(individual, subject, file, STS_LAST_NAMES);
            if (name == null) {
                continue;
            }
            Object who = subject.who();
            LocalDate birthDate = date(ExportDates.STS, individual, "DATE_NAISSANCE", subject, file);
            boolean national = !"local".equals(individual.text("@TYPE")); // locals often lack both: not worth a word
            if (national && individual.text("DATE_NAISSANCE") == null) {
                findings.add(Finding.warning("staff.birth-date.missing", file, individual.line("DATE_NAISSANCE"), who));
            }
            if (national && individual.text("SEXE") == null) {
                findings.add(Finding.warning("staff.sex.missing", file, individual.line("SEXE"), who));
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
                    email(individual, "MEL", file, subject), classes, headOf, Set.of()));
        }
    }

    /**
     * Whether a record repeats the identifier of one read before in the file: the import keys accounts on it, so two
     * people under one identifier are refused, naming both; the same person written twice (same names, and birth date
     * where the file gives one) is one account, said in a warning, and the first record is the one kept.
     *
     * @return whether to skip the record
     */
    private boolean repeats(Map<String, Fields> seen, Fields record, Subject subject, @Nullable String birthField,
                            String file, String... lastNameFields) {
        Fields first = seen.putIfAbsent(subject.id(), record);
        if (first == null) {
            return false;
        }
        Object firstWho = Subject.of(first, subject.kind(), subject.id(), lastNameFields).who();
        boolean samePerson = names(first, lastNameFields).equals(names(record, lastNameFields))
                && (birthField == null || Objects.equals(first.text(birthField), record.text(birthField)));
        findings.add(samePerson
                ? Finding.warning(subject.kind() + ".id.repeated", file, record.line(), subject.who(), subject.id(),
                        first.line())
                : Finding.error(subject.kind() + ".id.duplicate", file, record.line(), subject.who(), subject.id(),
                        firstWho, first.line()));
        return true;
    }

    /** The names of a record, or null after saying which one is missing (an account needs both, for its login). */
    private @Nullable Name name(Fields record, Subject subject, String file, String... lastNameFields) {
        String lastName = firstOf(record, lastNameFields);
        String firstName = record.text("PRENOM");
        if (lastName == null) {
            int line = Arrays.stream(lastNameFields).filter(record::has).findFirst().map(record::line)
                    .orElse(record.line()); // an empty element, else the record
            findings.add(Finding.error(subject.kind() + ".last-name.missing", file, line, subject.who(), subject.id()));
            return null;
        }
        if (firstName == null) {
            findings.add(Finding.error(subject.kind() + ".first-name.missing", file, record.line("PRENOM"),
                    subject.who(), subject.id()));
            return null;
        }
        String lastNameField = Arrays.stream(lastNameFields).filter(field -> record.text(field) != null).findFirst()
                .orElseThrow();
        if (control(record, lastNameField, subject, file) | control(record, "PRENOM", subject, file)
                | !fits(record, lastNameField, MAX_NAME, subject, file)
                | !fits(record, "PRENOM", MAX_NAME, subject, file)
                | !fits(record, idField(subject), MAX_ID, subject, file)) {
            return null;
        }
        return new Name(lastName, firstName);
    }

    private record Name(String last, String first) {
    }

    /**
     * Whom a record is about, as messages name them: the names it gives, as far as it gives them, and its identifier.
     *
     * @param kind {@code pupil}, {@code person} or {@code staff}: the start of the keys of the messages about them
     * @param who  their names, or a text that says they have none ({@link #UNNAMED})
     */
    private record Subject(String kind, String id, Object who) {

        static Subject of(Fields record, String kind, String id, String... lastNameFields) {
            String names = names(record, lastNameFields);
            return new Subject(kind, id, names.isEmpty() ? UNNAMED : names);
        }

        /** Their identifier as the file names it: {@code ELEVE_ID 1001}, {@code PERSONNE_ID 2001}, {@code ID 3001}. */
        String identifier() {
            return switch (kind) {
                case "pupil" -> "ELEVE_ID ";
                case "person" -> "PERSONNE_ID ";
                default -> "ID ";
            } + id;
        }
    }

    /** A person's names as far as their record gives them: "MARTIN Claire", "MARTIN", "Claire" or none (empty). */
    private static String names(Fields record, String... lastNameFields) {
        String who = Stream.of(firstOf(record, lastNameFields), record.text("PRENOM")).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")).replaceAll("[\\x00-\\x1F\\x7F-\\x9F]", ""); // said apart
        return who;
    }

    /** The date in a field, null when absent or "no end"; an unreadable date is an error naming whose it is. */
    private @Nullable LocalDate date(ExportDates format, Fields record, String field, Subject subject, String file) {
        String text = record.text(field);
        if (text == null) {
            return null;
        }
        try {
            return format.parse(text);
        } catch (DateTimeParseException e) {
            findings.add(Finding.error(subject.kind() + ".date.invalid", file, record.line(field), subject.who(),
                    subject.id(), text, field, format.shownAs()));
            return null;
        }
    }

    /**
     * Whether a field holds a control character, after saying so: none is ever written in a name or an address (the
     * directory refuses them), and none is in a real one; a C1 character (U+0080 to U+009F) is the mark of a file
     * read in the wrong encoding.
     */
    private boolean control(Fields record, String field, Subject subject, String file) {
        String value = record.text(field);
        int control = value == null ? -1 : value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
        if (control < 0) {
            return false;
        }
        findings.add(Finding.error("control-character", file, record.line(field), field, subject.who(),
                subject.identifier(), String.format("U+%04X", control)));
        return true;
    }

    /** Whether a field fits in the directory, after saying it does not. */
    private boolean fits(Fields record, String field, int max, Subject subject, String file) {
        String value = record.text(field);
        if (value == null || value.length() <= max) {
            return true;
        }
        findings.add(Finding.error("field.too-long", file, record.line(field), field, subject.who(),
                subject.identifier(), value.length(), max));
        return false;
    }

    private static String idField(Subject subject) {
        return switch (subject.kind()) {
            case "pupil" -> "@ELEVE_ID";
            case "person" -> "@PERSONNE_ID";
            default -> "@ID";
        };
    }

    private @Nullable String email(Fields record, String field, String file, Subject subject) {
        Object who = subject.who();
        if (control(record, field, subject, file)) {
            return null;
        }
        String email = record.text(field);
        if (email != null && !EmailAddress.isValid(email)) {
            findings.add(Finding.warning("email.invalid", file, record.line(field), email, who));
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
