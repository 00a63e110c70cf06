package fr.rentree.demo.district;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.rentree.demo.district.DemoSchool.Kind;
import fr.rentree.school.domain.Uai;

/**
 * Writes the three files a school exports at the start of the year — SIECLE pupils (zipped), SIECLE guardians and
 * STS-web staff — for an invented but plausible school, so that demo data goes through the real importer instead of
 * around it. The same inputs give byte-identical files. The people do not depend on {@code leaverShare}: two exports
 * differing only by it look like the same school exported a few weeks apart. Files are streamed from a compact model,
 * so large schools and long runs of schools need little memory.
 */
public final class SiecleExport {

    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");
    private static final DateTimeFormatter BEE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter BEE_TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final DateTimeFormatter STS_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String BEE_VERSION = "3.3";
    private static final String PUPILS_ENTRY = "ElevesSansAdresses.xml";
    /** Codes only: their labels live in Nomenclature.xml, which accounts do not need. */
    private static final List<String> EXIT_REASONS = List.of("01", "03", "06", "19");

    private final long seed;
    private final int schoolYear;
    private final LocalDate exportDate;

    /**
     * @param schoolYear the start year, 2026 for 2026-27
     * @param exportDate the day the exports are said to be taken; leavers left before it
     */
    public SiecleExport(long seed, int schoolYear, LocalDate exportDate) {
        Objects.requireNonNull(exportDate, "exportDate");
        // Zip entries carry a local DOS time only within these years; outside, the JDK adds a zone-dependent one.
        if (exportDate.getYear() < 1981 || exportDate.getYear() > 2100 || schoolYear < 1981 || schoolYear > 2100) {
            throw new IllegalArgumentException("school year and export date must lie between 1981 and 2100");
        }
        this.seed = seed;
        this.schoolYear = schoolYear;
        this.exportDate = exportDate;
    }

    /**
     * Writes {@code ElevesSansAdresses.zip}, {@code ResponsablesAvecAdresses.xml} and
     * {@code sts_emp_<UAI>_<year>.xml} into {@code directory}, creating it if needed, and returns their paths.
     *
     * @param leaverShare the share of pupils, between 0 and 1, who left before the export date
     */
    public List<Path> write(DemoSchool school, Path directory, double leaverShare) throws IOException {
        Objects.requireNonNull(school, "school");
        if (!Uai.isValid(school.uai())) {
            throw new IllegalArgumentException("not a UAI: " + school.uai());
        }
        if (!(leaverShare >= 0.0 && leaverShare <= 1.0)) {
            throw new IllegalArgumentException("leaverShare must lie between 0 and 1: " + leaverShare);
        }
        Files.createDirectories(directory);
        Population population = new Population(DemoDistrict.derive(seed, "school/" + school.uai()), school,
                schoolYear, exportDate);
        Map<String, Exit> exits = exits(population.pupils, school.uai(), leaverShare);

        Path pupils = directory.resolve("ElevesSansAdresses.zip");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(pupils)))) {
            ZipEntry entry = new ZipEntry(PUPILS_ENTRY);
            entry.setTimeLocal(population.timestamp);
            zip.putNextEntry(entry);
            try (Xml xml = new Xml(zip)) {
                writePupils(xml, school, population, exits);
            }
        }
        Path guardians = directory.resolve("ResponsablesAvecAdresses.xml");
        try (Xml xml = new Xml(new BufferedOutputStream(Files.newOutputStream(guardians)))) {
            writeGuardians(xml, school, population);
        }
        Path staff = directory.resolve("sts_emp_" + school.uai() + "_" + schoolYear + ".xml");
        try (Xml xml = new Xml(new BufferedOutputStream(Files.newOutputStream(staff)))) {
            writeStaff(xml, school, population);
        }
        return List.of(pupils, guardians, staff);
    }

    /**
     * Who left, drawn from a stream of their own with the same number of draws per pupil whatever the share, so that
     * the rest of the school does not move and a larger share keeps the leavers of a smaller one.
     */
    private Map<String, Exit> exits(List<Pupil> pupils, String uai, double share) {
        Random random = new Random(DemoDistrict.derive(seed, "leavers/" + uai));
        LocalDate start = rentree(schoolYear);
        LocalDate last = exportDate.minusDays(1);
        double[] keys = new double[pupils.size()];
        Exit[] exits = new Exit[pupils.size()];
        for (int i = 0; i < pupils.size(); i++) {
            keys[i] = random.nextDouble();
            double when = random.nextDouble();
            String reason = EXIT_REASONS.get(random.nextInt(EXIT_REASONS.size()));
            LocalDate first = latest(pupils.get(i).entry().plusDays(1), exportDate.minusDays(90));
            if (!latest(first, start).isAfter(last)) {
                first = latest(first, start);
            }
            if (!first.isAfter(last)) {
                long days = ChronoUnit.DAYS.between(first, last) + 1;
                exits[i] = new Exit(first.plusDays((long) (when * days)), reason);
            }
        }
        int wanted = (int) Math.round(share * pupils.size());
        Map<String, Exit> chosen = new HashMap<>();
        IntStream.range(0, pupils.size()).filter(i -> exits[i] != null).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> keys[i]).thenComparing(i -> i))
                .limit(wanted)
                .forEach(i -> chosen.put(pupils.get(i).id(), exits[i]));
        return chosen;
    }

    private void writePupils(Xml xml, DemoSchool school, Population population, Map<String, Exit> exits)
            throws IOException {
        xml.open("BEE_ELEVES", "VERSION", BEE_VERSION);
        beeParameters(xml, school, population.timestamp);
        xml.open("DONNEES");
        xml.open("ELEVES");
        for (Pupil pupil : population.pupils) {
            xml.open("ELEVE", "ELEVE_ID", pupil.id(), "ELENOET", pupil.elenoet());
            xml.leaf("ID_NATIONAL", pupil.ine());
            xml.leaf("ELENOET", pupil.elenoet());
            xml.leaf("NOM_DE_FAMILLE", pupil.lastName());
            xml.leaf("NOM_USAGE", pupil.usageName());
            xml.leaf("PRENOM", pupil.firstName());
            xml.leaf("PRENOM2", pupil.secondName());
            xml.leaf("PRENOM3", pupil.thirdName());
            xml.leaf("DATE_NAISS", BEE_DATE.format(pupil.birth()));
            xml.leaf("CODE_SEXE", String.valueOf(pupil.sex()));
            xml.leaf("CODE_MEF", pupil.level().mef);
            xml.leaf("CODE_STATUT", "ST");
            xml.leaf("DATE_ENTREE", BEE_DATE.format(pupil.entry()));
            Exit exit = exits.get(pupil.id());
            if (exit != null) {
                xml.leaf("DATE_SORTIE", BEE_DATE.format(exit.date()));
                xml.leaf("CODE_MOTIF_SORTIE", exit.reason());
            }
            xml.end();
        }
        xml.end();
        xml.open("STRUCTURES");
        for (Pupil pupil : population.pupils) {
            if (pupil.division() == null) {
                continue;
            }
            xml.open("STRUCTURES_ELEVE", "ELEVE_ID", pupil.id(), "ELENOET", pupil.elenoet());
            structure(xml, pupil.division(), "D");
            if (pupil.group() != null) {
                structure(xml, pupil.group(), "G");
            }
            xml.end();
        }
    }

    private static void structure(Xml xml, String code, String type) throws IOException {
        xml.open("STRUCTURE");
        xml.leaf("CODE_STRUCTURE", code);
        xml.leaf("TYPE_STRUCTURE", type);
        xml.end();
    }

    private void writeGuardians(Xml xml, DemoSchool school, Population population) throws IOException {
        xml.open("BEE_RESPONSABLES", "VERSION", BEE_VERSION);
        beeParameters(xml, school, population.timestamp);
        xml.open("DONNEES");
        xml.open("PERSONNES");
        for (Person person : population.persons) {
            xml.open("PERSONNE", "PERSONNE_ID", person.id());
            xml.leaf("LC_CIVILITE", person.sex() == 1 ? "M." : "MME");
            xml.leaf("NOM_DE_FAMILLE", person.lastName());
            xml.leaf("NOM_USAGE", person.usageName());
            xml.leaf("PRENOM", person.firstName());
            xml.leaf("TEL_PORTABLE", person.mobile());
            xml.leaf("MEL", person.mail());
            xml.leaf("ADRESSE_ID", person.addressId());
            xml.end();
        }
        xml.end();
        xml.open("RESPONSABLES");
        for (Link link : population.links) {
            xml.open("RESPONSABLE_ELEVE");
            xml.leaf("ELEVE_ID", link.pupilId());
            xml.leaf("PERSONNE_ID", link.personId());
            xml.leaf("NIVEAU_RESPONSABILITE", String.valueOf(link.responsibility()));
            xml.leaf("CODE_PARENTE", link.kinship());
            xml.leaf("PAIE_FRAIS_SCOLAIRES", link.pays() ? "1" : "0");
            xml.end();
        }
        xml.end();
        xml.open("ADRESSES");
        for (Address address : population.addresses) {
            Place place = address.place();
            xml.open("ADRESSE", "ADRESSE_ID", address.id());
            xml.leaf("LIGNE1_ADRESSE", place.line1());
            xml.leaf("LIGNE2_ADRESSE", place.line2());
            xml.leaf("CODE_POSTAL", place.postcode());
            xml.leaf("LIBELLE_POSTAL", place.city());
            xml.leaf("CODE_PAYS", "100");
            xml.leaf("LL_PAYS", "FRANCE");
            xml.end();
        }
    }

    private void beeParameters(Xml xml, DemoSchool school, LocalDateTime timestamp) throws IOException {
        xml.open("PARAMETRES");
        xml.leaf("UAJ", school.uai());
        xml.leaf("ANNEE_SCOLAIRE", String.valueOf(schoolYear));
        xml.leaf("DATE_EXPORT", BEE_DATE.format(exportDate));
        xml.leaf("HORODATAGE", BEE_TIMESTAMP.format(timestamp));
        xml.end();
    }

    private void writeStaff(Xml xml, DemoSchool school, Population population) throws IOException {
        String headStart = STS_DATE.format(rentree(schoolYear));
        String headEnd = STS_DATE.format(LocalDate.of(schoolYear + 1, 8, 31));
        xml.open("STS_EDT");
        xml.open("PARAMETRES");
        xml.empty("UAJ", "CODE", school.uai());
        xml.empty("ANNEE_SCOLAIRE", "ANNEE", String.valueOf(schoolYear));
        xml.leaf("HORODATAGE", BEE_TIMESTAMP.format(population.timestamp));
        xml.end();
        xml.open("DONNEES");
        xml.open("INDIVIDUS");
        for (Member member : population.staff) {
            Draft person = member.person();
            xml.open("INDIVIDU", "ID", member.id(), "TYPE", member.type());
            xml.leaf("NOM_USAGE", person.usageName());
            xml.leaf("NOM_PATRONYMIQUE", person.birthName());
            xml.leaf("PRENOM", person.firstName());
            xml.leaf("CIVILITE", String.valueOf(person.sex()));
            if (!person.local()) {
                xml.leaf("SEXE", String.valueOf(person.sex()));
                xml.leaf("DATE_NAISSANCE", STS_DATE.format(person.birth()));
            }
            xml.leaf("FONCTION", person.function());
            if (person.subject() != null) {
                xml.open("DISCIPLINES");
                xml.open("DISCIPLINE", "CODE", person.subject().code());
                xml.leaf("LIBELLE_COURT", person.subject().label());
                xml.leaf("NB_HEURES", person.subject() == POLYVALENT ? "24.00" : "18.00");
                xml.end();
                xml.end();
            }
            if (!member.headOf().isEmpty()) {
                xml.open("PROFS_PRINC");
                for (String division : member.headOf()) {
                    xml.open("PROF_PRINC");
                    xml.leaf("CODE_STRUCTURE", division);
                    xml.leaf("DATE_DEBUT", headStart);
                    xml.leaf("DATE_FIN", headEnd);
                    xml.end();
                }
                xml.end();
            }
            xml.end();
        }
        xml.end();
        xml.open("STRUCTURE");
        xml.open("DIVISIONS");
        for (Division division : population.divisions) {
            xml.open("DIVISION", "CODE", division.code());
            xml.leaf("LIBELLE_LONG", division.label());
            xml.open("SERVICES");
            Map<String, List<Teaching>> bySubject = new LinkedHashMap<>();
            for (Teaching teaching : population.teachings.get(division.code())) {
                bySubject.computeIfAbsent(teaching.matiere(), m -> new ArrayList<>()).add(teaching);
            }
            for (Map.Entry<String, List<Teaching>> service : bySubject.entrySet()) {
                xml.open("SERVICE", "CODE_MATIERE", service.getKey(), "CODE_MOD_COURS", "CG");
                xml.open("ENSEIGNANTS");
                for (Teaching teaching : service.getValue()) {
                    xml.empty("ENSEIGNANT", "ID", teaching.teacherId(), "TYPE", teaching.type());
                }
                xml.end();
                xml.end();
            }
            xml.end();
            xml.end();
        }
    }

    /** The first school day: 1 September, or the Monday after when it falls on a weekend. */
    private static LocalDate rentree(int year) {
        LocalDate day = LocalDate.of(year, 9, 1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Splits {@code total} in proportion to the weights, each part at least {@code minimum}, largest remainders first. */
    private static int[] apportion(int total, double[] weights, int minimum) {
        int[] parts = new int[weights.length];
        Arrays.fill(parts, minimum);
        int rest = total - minimum * weights.length;
        double weightSum = Arrays.stream(weights).sum();
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = rest * weights[i] / weightSum;
            parts[i] += (int) quota;
            given += (int) quota;
            remainders[i] = quota - (int) quota;
        }
        for (; given < rest; given++) {
            int largest = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
        return parts;
    }

    /** ASCII, lower case, no spaces or apostrophes: what people put in an e-mail address. */
    private static String forMail(String name, String space) {
        return ascii(name).toLowerCase(Locale.ROOT).replace("--", "-").replace("'", "").replace(" ", space)
                .replaceAll("[^a-z0-9.-]", "");
    }

    /** Upper-case ASCII with spaces, as La Poste writes a town. */
    private static String forPost(String town) {
        return ascii(town).toUpperCase(Locale.ROOT).replace('-', ' ').replace('\'', ' ');
    }

    private static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae");
    }

    private record Pupil(String id, String elenoet, String ine, String lastName, String usageName, String firstName,
                         String secondName, String thirdName, LocalDate birth, int sex, Level level, LocalDate entry,
                         String division, String group, int family) {
    }

    private record Exit(LocalDate date, String reason) {
    }

    private record Person(String id, int sex, String lastName, String usageName, String firstName, String mobile,
                          String mail, String addressId) {
    }

    private record Link(String pupilId, String personId, String kinship, int responsibility, boolean pays) {
    }

    private record Place(String line1, String line2, String postcode, String city) {
    }

    private record Address(String id, Place place) {
    }

    private record Commune(String postcode, String city) {
    }

    private record Division(String code, String label, Level level) {
    }

    /** A staff member before identifiers are dealt: {@code birth} is dropped from the file for locals. */
    private record Draft(String function, boolean local, int sex, String usageName, String birthName,
                         String firstName, LocalDate birth, Subject subject) {
    }

    private record Member(String id, Draft person, List<String> headOf) {
        String type() {
            return person.local() ? "local" : "epp";
        }
    }

    private record Teaching(String matiere, String teacherId, String type) {
    }

    /** What a teacher is qualified in (STS discipline) and what the timetable calls it (matière). */
    private record Subject(String code, String label, String matiere, int collegeWeight, int lyceeWeight,
                           Set<Level> levels) {
        int weight(Kind kind) {
            return kind == Kind.COLLEGE ? collegeWeight : kind == Kind.LYCEE ? lyceeWeight : 0;
        }
    }

    private record Child(Level level, int sex, String firstName, String secondName, String thirdName,
                         LocalDate birth, LocalDate entry) {
    }

    private record Guardian(String kinship, int responsibility, boolean pays, int sex, String lastName,
                            String usageName, String firstName, String mobile, String mail, int place) {
    }

    private record Family(String lastName, String usageName, List<Child> children, List<Guardian> guardians,
                          List<Place> places) {
    }

    private enum Household { PARENTS, MOTHER, FATHER, GRANDPARENT, TUTOR }

    /**
     * Levels with their MEF code and usual age. First-degree schools are not in SIECLE (they use ONDE): their MEF
     * codes are placeholders of the same shape, so écoles can go through the same importer.
     */
    private enum Level {
        CP(Kind.ECOLE, 6, "00110001110", "CP", "CP", null, 0),
        CE1(Kind.ECOLE, 7, "00210001110", "CE1", "CE1", null, 0),
        CE2(Kind.ECOLE, 8, "00310001110", "CE2", "CE2", null, 0),
        CM1(Kind.ECOLE, 9, "00410001110", "CM1", "CM1", null, 0),
        CM2(Kind.ECOLE, 10, "00510001110", "CM2", "CM2", null, 0),
        SIXIEME(Kind.COLLEGE, 11, "10010012110", "6", "6EME", "BILANGUE 6", 0.12),
        CINQUIEME(Kind.COLLEGE, 12, "10110001110", "5", "5EME", "LATIN 5", 0.18),
        QUATRIEME(Kind.COLLEGE, 13, "10210001110", "4", "4EME", "LATIN 4", 0.16),
        TROISIEME(Kind.COLLEGE, 14, "10310019110", "3", "3EME", "LATIN 3", 0.14),
        SECONDE(Kind.LYCEE, 15, "20010019110", "2NDE", "SECONDE", "EURO ANG 2", 0.10),
        PREMIERE(Kind.LYCEE, 16, "20110019110", "1G", "PREMIERE GENERALE", "SPE NSI 1", 0.15),
        TERMINALE(Kind.LYCEE, 17, "20210019110", "TG", "TERMINALE GENERALE", "SPE NSI T", 0.12);

        final Kind kind;
        final int age;
        final String mef;
        final String code;
        final String label;
        final String group;
        final double groupShare;

        Level(Kind kind, int age, String mef, String code, String label, String group, double groupShare) {
            this.kind = kind;
            this.age = age;
            this.mef = mef;
            this.code = code;
            this.label = label;
            this.group = group;
            this.groupShare = groupShare;
        }

        static List<Level> of(Kind kind) {
            return Arrays.stream(values()).filter(level -> level.kind == kind).toList();
        }

        int stage() {
            return ordinal() - of(kind).get(0).ordinal();
        }

        String division(int index) {
            return switch (kind) {
                case ECOLE -> code + " " + letters(index);
                case COLLEGE -> code + letters(index);
                case LYCEE -> code + (index + 1);
            };
        }

        String label(int index) {
            return switch (kind) {
                case ECOLE -> division(index);
                case COLLEGE -> label + " " + letters(index);
                case LYCEE -> label + " " + (index + 1);
            };
        }

        /** A, B... Z, AA, AB...: a 3,000-pupil collège has more than 26 classes a level. */
        private static String letters(int index) {
            StringBuilder letters = new StringBuilder();
            for (int n = index + 1; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters.toString();
        }
    }

    private static Set<Level> levels(Level from, Level to, Level... more) {
        EnumSet<Level> levels = EnumSet.range(from, to);
        levels.addAll(Arrays.asList(more));
        return Collections.unmodifiableSet(levels);
    }

    // First-degree teachers are not in STS-web either: placeholder codes again.
    private static final Subject POLYVALENT =
            new Subject("P0001", "POLYVALENT 1ER DEGRE", "000100", 0, 0, levels(Level.CP, Level.CM2));

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("L0202", "LETTRES MODERNES", "020700", 13, 11,
                    levels(Level.SIXIEME, Level.TROISIEME, Level.SECONDE, Level.PREMIERE)),
            new Subject("L0201", "LETTRES CLASSIQUES", "020700", 3, 2,
                    levels(Level.SIXIEME, Level.TROISIEME, Level.SECONDE, Level.PREMIERE)),
            new Subject("L1300", "MATHEMATIQUES", "061300", 14, 14, levels(Level.SIXIEME, Level.TERMINALE)),
            new Subject("L1000", "HISTOIRE GEOGRAPHIE", "040600", 11, 11, levels(Level.SIXIEME, Level.TERMINALE)),
            new Subject("L0422", "ANGLAIS", "030201", 9, 10, levels(Level.SIXIEME, Level.TERMINALE)),
            new Subject("L0426", "ESPAGNOL", "030602", 6, 6, levels(Level.CINQUIEME, Level.TERMINALE)),
            new Subject("L0421", "ALLEMAND", "030102", 3, 3, levels(Level.CINQUIEME, Level.TERMINALE)),
            new Subject("L1600", "SVT", "062900", 7, 8, levels(Level.SIXIEME, Level.TROISIEME, Level.SECONDE)),
            new Subject("L1500", "PHYSIQUE CHIMIE", "062600", 7, 9,
                    levels(Level.CINQUIEME, Level.TROISIEME, Level.SECONDE)),
            new Subject("L1400", "TECHNOLOGIE", "066000", 6, 0, levels(Level.CINQUIEME, Level.TROISIEME)),
            new Subject("L1900", "EPS", "100100", 11, 9, levels(Level.SIXIEME, Level.TERMINALE)),
            new Subject("L1800", "ARTS PLASTIQUES", "080100", 5, 0, levels(Level.SIXIEME, Level.TROISIEME)),
            new Subject("L1700", "EDUCATION MUSICALE", "090100", 5, 0, levels(Level.SIXIEME, Level.TROISIEME)),
            new Subject("L0100", "PHILOSOPHIE", "013000", 0, 6, levels(Level.TERMINALE, Level.TERMINALE)),
            new Subject("L1100", "SC. ECO. ET SOCIALES", "076000", 0, 6, levels(Level.SECONDE, Level.SECONDE)));

    /**
     * The school as a compact model: enough to stream the three files, nothing more. Every draw comes from one
     * Random seeded by the school, in a fixed order, which is what makes the files reproducible.
     */
    private static final class Population {

        private final Dice dice;
        private final DemoSchool school;
        private final int schoolYear;
        private final LocalDate exportDate;
        private final List<Level> levels;
        private final List<Commune> communes;

        final LocalDateTime timestamp;
        final List<Pupil> pupils = new ArrayList<>();
        final List<Division> divisions = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        final List<Member> staff = new ArrayList<>();
        final Map<String, List<Teaching>> teachings = new HashMap<>();

        Population(long seed, DemoSchool school, int schoolYear, LocalDate exportDate) {
            this.dice = new Dice(seed);
            this.school = school;
            this.schoolYear = schoolYear;
            this.exportDate = exportDate;
            this.levels = Level.of(school.kind());
            this.timestamp = exportDate.atTime(dice.between(7, 18), dice.below(60), dice.below(60));
            this.communes = communes();
            int[] perLevel = perLevel();
            int[] classes = new int[levels.size()];
            for (int i = 0; i < levels.size(); i++) {
                // About 25 a class, never more than 30.
                classes[i] = (int) Math.max(Math.round(perLevel[i] / 25.0), Math.ceil(perLevel[i] / 30.0));
                for (int k = 0; k < classes[i]; k++) {
                    divisions.add(new Division(levels.get(i).division(k), levels.get(i).label(k), levels.get(i)));
                }
            }
            List<Family> families = families(perLevel.clone());
            placePupils(families, classes);
            registerGuardians(families);
            staffSchool();
        }

        private int[] perLevel() {
            double[] weights = new double[levels.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 0.92 + 0.16 * dice.random.nextDouble();
            }
            return apportion(school.pupils(), weights, 0);
        }

        private List<Commune> communes() {
            String digits = school.uai().substring(0, 3);
            String departement = digits.equals("620") || digits.equals("720") ? "20"
                    : digits.startsWith("0") ? digits.substring(1) : digits;
            List<Commune> communes = new ArrayList<>();
            if (departement.equals("75")) {
                int home = dice.below(20);
                for (int offset : new int[] {0, 1, 19}) {
                    communes.add(new Commune(String.format("750%02d", (home + offset) % 20 + 1), "PARIS"));
                }
                return communes;
            }
            List<Integer> towns = new ArrayList<>(IntStream.range(0, TOWNS.size()).boxed().toList());
            dice.shuffle(towns);
            for (int town : towns.subList(0, 3)) {
                String postcode = departement + (departement.length() == 2
                        ? String.format("%03d", 100 + 10 * town) : String.format("%02d", 10 + 2 * town));
                communes.add(new Commune(postcode, forPost(TOWNS.get(town))));
            }
            return communes;
        }

        private List<Family> families(int[] remaining) {
            int left = Arrays.stream(remaining).sum();
            List<Family> families = new ArrayList<>();
            while (left > 0) {
                Family family = family(remaining);
                left -= family.children().size();
                families.add(family);
            }
            return families;
        }

        private Family family(int[] remaining) {
            Origin origin = dice.origin();
            Origin motherOrigin = dice.chance(0.8) ? origin : dice.origin();
            String fatherName = dice.pick(origin.surnames());
            String motherName = surnameOtherThan(motherOrigin, fatherName);
            Household household = household();
            boolean separated = household == Household.PARENTS && dice.chance(0.15);
            String lastName = household == Household.PARENTS && dice.chance(0.07) ? fatherName + "--" + motherName
                    : household == Household.MOTHER && dice.chance(0.3) ? motherName : fatherName;
            String usageName = "";
            if (household == Household.MOTHER && lastName.equals(fatherName) && dice.chance(0.25)) {
                usageName = motherName;
            } else if (household == Household.PARENTS && !lastName.contains("--") && dice.chance(0.03)) {
                usageName = fatherName + " " + motherName;
            }
            List<Place> places = new ArrayList<>();
            places.add(place());
            List<Guardian> guardians = new ArrayList<>();
            switch (household) {
                case PARENTS -> {
                    boolean bothPay = dice.chance(0.15);
                    boolean motherPays = dice.chance(0.5);
                    String motherUsage = !separated && dice.chance(0.55) ? fatherName : "";
                    Guardian mother = adult("10", 1, 2, motherOrigin, motherName, motherUsage,
                            bothPay || motherPays, 0, null);
                    if (separated) {
                        places.add(place());
                    }
                    String sharedMail = mother.mail() != null && dice.chance(0.15) ? mother.mail() : null;
                    guardians.add(mother);
                    guardians.add(adult("20", 1, 1, origin, fatherName, "", bothPay || !motherPays,
                            places.size() - 1, sharedMail));
                }
                case MOTHER -> guardians.add(adult("10", 1, 2, motherOrigin, motherName, "", true, 0, null));
                case FATHER -> guardians.add(adult("20", 1, 1, origin, fatherName, "", true, 0, null));
                case GRANDPARENT -> guardians.add(dice.chance(0.7)
                        ? adult("38", 1, 2, origin, surnameOtherThan(origin, fatherName), fatherName, true, 0, null)
                        : adult("38", 1, 1, origin, fatherName, "", true, 0, null));
                case TUTOR -> {
                    Origin other = dice.origin();
                    guardians.add(adult("50", 1, dice.chance(0.6) ? 2 : 1, other, dice.pick(other.surnames()), "",
                            true, 0, null));
                }
            }
            if (dice.chance(0.07)) {
                places.add(place());
                guardians.add(adult(dice.chance(0.7) ? "38" : "39", dice.chance(0.7) ? 3 : 2,
                        dice.chance(0.6) ? 2 : 1, motherOrigin, dice.pick(motherOrigin.surnames()), "", false,
                        places.size() - 1, null));
            }
            return new Family(lastName, usageName, children(remaining, origin), guardians, places);
        }

        private Household household() {
            int roll = dice.below(1000);
            return roll < 780 ? Household.PARENTS : roll < 910 ? Household.MOTHER : roll < 960 ? Household.FATHER
                    : roll < 980 ? Household.GRANDPARENT : Household.TUTOR;
        }

        private Guardian adult(String kinship, int responsibility, int sex, Origin origin, String lastName,
                               String usageName, boolean pays, int place, String sharedMail) {
            String firstName = dice.pick(sex == 2 ? origin.women() : origin.men());
            String mobile = dice.chance(0.9)
                    ? String.format("06 39 98 %02d %02d", dice.below(100), dice.below(100)) : null;
            String mail = sharedMail;
            if (mail == null && dice.chance(responsibility == 1 ? 0.6 : 0.3)) {
                mail = mail(firstName, !usageName.isEmpty() && dice.chance(0.5) ? usageName : lastName);
            }
            return new Guardian(kinship, responsibility, pays, sex, lastName, usageName, firstName, mobile, mail,
                    place);
        }

        private String mail(String firstName, String lastName) {
            String first = forMail(firstName, "-");
            String last = forMail(lastName, "");
            int style = dice.below(10);
            String local = style < 5 ? first + "." + last
                    : style < 7 ? first + "." + last + dice.between(1, 99)
                    : style < 9 ? first.charAt(0) + "." + last
                    : last + "." + first;
            return local + "@" + dice.pick(MAIL_DOMAINS);
        }

        private Place place() {
            Commune commune = dice.chance(0.7) ? communes.get(0) : dice.pick(communes);
            String number = dice.between(1, 180) + (dice.chance(0.05) ? (dice.chance(0.7) ? " bis" : " ter") : "");
            String complement = dice.chance(0.15) ? switch (dice.below(4)) {
                case 0 -> "Bâtiment " + (char) ('A' + dice.below(6));
                case 1 -> "Appartement " + dice.between(1, 120);
                case 2 -> "Résidence " + dice.pick(RESIDENCES);
                default -> {
                    int floor = dice.between(1, 12);
                    yield "Escalier " + dice.between(1, 6) + ", " + floor + (floor == 1 ? "er" : "e") + " étage";
                }
            } : "";
            return new Place(number + " " + dice.pick(STREETS), complement, commune.postcode(), commune.city());
        }

        private List<Child> children(int[] remaining, Origin origin) {
            int roll = dice.below(100);
            int size = roll < 70 ? 1 : roll < 92 ? 2 : roll < 98 ? 3 : 4;
            boolean twins = size >= 2 && dice.chance(0.03);
            List<Child> children = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Child elder = children.isEmpty() ? null : children.get(0);
                boolean twin = twins && i == 1 && remaining[levels.indexOf(elder.level())] > 0;
                int level = twin ? levels.indexOf(elder.level()) : levelFor(remaining, children);
                if (level < 0) {
                    break;
                }
                remaining[level]--;
                children.add(child(levels.get(level), origin, children, twin ? elder : null));
            }
            return children;
        }

        /** A level with places left and no sibling in it yet, likelier where more places are left. */
        private int levelFor(int[] remaining, List<Child> siblings) {
            int total = 0;
            for (int i = 0; i < remaining.length; i++) {
                total += open(remaining, siblings, i) ? remaining[i] : 0;
            }
            if (total == 0) {
                return -1;
            }
            int roll = dice.below(total);
            for (int i = 0; i < remaining.length; i++) {
                roll -= open(remaining, siblings, i) ? remaining[i] : 0;
                if (roll < 0) {
                    return i;
                }
            }
            throw new IllegalStateException("unreachable");
        }

        private boolean open(int[] remaining, List<Child> siblings, int level) {
            return remaining[level] > 0 && siblings.stream().noneMatch(child -> child.level() == levels.get(level));
        }

        private Child child(Level level, Origin origin, List<Child> siblings, Child twin) {
            int sex = dice.chance(0.5) ? 1 : 2;
            Origin names = dice.chance(0.3) ? FRENCH : origin;
            List<String> pool = sex == 1 ? names.boys() : names.girls();
            String firstName = sex == 2 && dice.chance(0.003) ? "Œnone" : firstNameAmong(pool, siblings);
            String secondName = dice.chance(0.55) ? nameOtherThan(pool, firstName) : null;
            String thirdName = secondName != null && dice.chance(0.12) ? nameOtherThan(pool, secondName) : null;
            LocalDate birth = twin != null ? twin.birth() : birthDate(level, siblings);
            return new Child(level, sex, firstName, secondName, thirdName, birth, entry(level));
        }

        private String firstNameAmong(List<String> pool, List<Child> siblings) {
            String name = dice.pick(pool);
            for (int attempt = 0; attempt < 10 && isSiblingName(name, siblings); attempt++) {
                name = dice.pick(pool);
            }
            return name;
        }

        private static boolean isSiblingName(String name, List<Child> siblings) {
            return siblings.stream().anyMatch(sibling -> sibling.firstName().equals(name));
        }

        private String nameOtherThan(List<String> pool, String other) {
            String name = dice.pick(pool);
            for (int attempt = 0; attempt < 10 && name.equals(other); attempt++) {
                name = dice.pick(pool);
            }
            return name;
        }

        private String surnameOtherThan(Origin origin, String other) {
            return nameOtherThan(origin.surnames(), other);
        }

        /** Born the usual year for the level, a few a year late (held back) or early, siblings 10+ months apart. */
        private LocalDate birthDate(Level level, List<Child> siblings) {
            int year = schoolYear - level.age;
            int roll = dice.below(100);
            if (roll < (level.kind == Kind.ECOLE ? 2 : 6)) {
                year--;
            } else if (level.kind != Kind.ECOLE && roll < 7) {
                year++;
            }
            LocalDate birth = dice.dayOf(year);
            for (int attempt = 0; attempt < 8 && closeToSibling(birth, siblings); attempt++) {
                birth = dice.dayOf(year);
            }
            return birth;
        }

        private static boolean closeToSibling(LocalDate birth, List<Child> siblings) {
            return siblings.stream().anyMatch(s -> Math.abs(ChronoUnit.DAYS.between(s.birth(), birth)) < 300);
        }

        /** Most pupils came in the first year of the school; some moved in later, a few since the rentrée. */
        private LocalDate entry(Level level) {
            LocalDate start = rentree(schoolYear);
            long sinceStart = ChronoUnit.DAYS.between(start, exportDate);
            if (sinceStart > 7 && dice.chance(0.02)) {
                return start.plusDays(1 + dice.below((int) sinceStart - 1));
            }
            int stage = level.stage();
            if (stage == 0) {
                return start;
            }
            if (dice.chance(0.85)) {
                return rentree(schoolYear - stage);
            }
            int year = schoolYear - dice.below(stage);
            return year == schoolYear ? start : rentree(year).plusDays(dice.below(200));
        }

        /** Pupils in a random order (their ids follow it), dealt round-robin into the classes of their level. */
        private void placePupils(List<Family> families, int[] classes) {
            List<int[]> order = new ArrayList<>();
            for (int f = 0; f < families.size(); f++) {
                for (int c = 0; c < families.get(f).children().size(); c++) {
                    order.add(new int[] {f, c});
                }
            }
            dice.shuffle(order);
            int[] placed = new int[levels.size()];
            Set<String> ines = new HashSet<>();
            long id = 600_000 + dice.below(2_400_000);
            int elenoet = 1_000 + dice.below(8_000);
            for (int[] position : order) {
                Family family = families.get(position[0]);
                Child child = family.children().get(position[1]);
                int level = levels.indexOf(child.level());
                int rank = placed[level]++;
                // Early in September a few pupils have not been put in a class yet.
                String division = dice.chance(0.01) ? null : child.level().division(rank % classes[level]);
                String group = division != null && child.level().group != null
                        && dice.chance(child.level().groupShare) ? child.level().group : null;
                pupils.add(new Pupil(String.valueOf(id), String.valueOf(elenoet), ine(ines), family.lastName(),
                        family.usageName(), child.firstName(), child.secondName(), child.thirdName(), child.birth(),
                        child.sex(), child.level(), child.entry(), division, group, position[0]));
                id += 1 + dice.below(6);
                elenoet++;
            }
        }

        /** Ten digits and a check letter computed like the UAI's. */
        private String ine(Set<String> taken) {
            String ine;
            do {
                long number = 1_000_000_000L + (long) (dice.random.nextDouble() * 9_000_000_000L);
                ine = number + String.valueOf(CHECK_LETTERS.charAt((int) (number % CHECK_LETTERS.length())));
            } while (!taken.add(ine));
            return ine;
        }

        /** One person per guardian however many children they have here, one link per child. */
        private void registerGuardians(List<Family> families) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, families.size()).boxed().toList());
            dice.shuffle(order);
            String[][] personIds = new String[families.size()][];
            long personId = 1_000_000 + dice.below(3_000_000);
            long addressId = 100_000 + dice.below(800_000);
            for (int f : order) {
                Family family = families.get(f);
                String[] placeIds = new String[family.places().size()];
                for (int p = 0; p < placeIds.length; p++) {
                    placeIds[p] = String.valueOf(addressId);
                    addresses.add(new Address(placeIds[p], family.places().get(p)));
                    addressId += 1 + dice.below(3);
                }
                personIds[f] = new String[family.guardians().size()];
                for (int g = 0; g < personIds[f].length; g++) {
                    Guardian guardian = family.guardians().get(g);
                    personIds[f][g] = String.valueOf(personId);
                    persons.add(new Person(personIds[f][g], guardian.sex(), guardian.lastName(),
                            guardian.usageName(), guardian.firstName(), guardian.mobile(), guardian.mail(),
                            placeIds[guardian.place()]));
                    personId += 1 + dice.below(4);
                }
            }
            for (Pupil pupil : pupils) {
                List<Guardian> guardians = families.get(pupil.family()).guardians();
                for (int g = 0; g < guardians.size(); g++) {
                    Guardian guardian = guardians.get(g);
                    links.add(new Link(pupil.id(), personIds[pupil.family()][g], guardian.kinship(),
                            guardian.responsibility(), guardian.pays()));
                }
            }
        }

        private void staffSchool() {
            List<Draft> drafts = new ArrayList<>();
            Map<String, List<Integer>> services = new HashMap<>();
            divisions.forEach(division -> services.put(division.code(), new ArrayList<>()));
            if (school.kind() == Kind.ECOLE) {
                int local = dice.chance(0.3) && !divisions.isEmpty() ? dice.below(divisions.size()) : -1;
                for (int i = 0; i < divisions.size(); i++) {
                    drafts.add(member("ENS", POLYVALENT, i == local, 24, 62, 0.85));
                    services.get(divisions.get(i).code()).add(drafts.size() - 1);
                }
                drafts.add(member("DIR", null, false, 35, 62, 0.75));
            } else {
                teachers(drafts, services);
                boolean college = school.kind() == Kind.COLLEGE;
                int size = school.pupils();
                addStaff(drafts, "DIR", college ? 2 : 3, 0.0, 38, 62);
                addStaff(drafts, "EDU", college ? 1 + size / 600 : 2 + size / 700, 0.0, 26, 60);
                addStaff(drafts, "DOC", college ? 1 : 2, 0.0, 26, 62);
                addStaff(drafts, "AED", college ? 3 + size / 200 : 4 + size / 250, 0.6, 19, 30);
            }
            List<List<String>> headOf = headTeachers(drafts.size(), services);

            List<Integer> order = new ArrayList<>(IntStream.range(0, drafts.size()).boxed().toList());
            dice.shuffle(order);
            String[] ids = new String[drafts.size()];
            int id = 1_000 + dice.below(40_000);
            for (int index : order) {
                ids[index] = String.valueOf(id);
                staff.add(new Member(ids[index], drafts.get(index), List.copyOf(headOf.get(index))));
                id += 1 + dice.below(60);
            }
            for (Division division : divisions) {
                List<Teaching> taught = new ArrayList<>();
                for (int member : services.get(division.code())) {
                    Draft teacher = drafts.get(member);
                    taught.add(new Teaching(teacher.subject().matiere(), ids[member], teacher.local() ? "local" : "epp"));
                }
                teachings.put(division.code(), taught);
            }
        }

        /** About one teacher per 12 pupils, shared out by subject; each class gets one teacher per subject. */
        private void teachers(List<Draft> drafts, Map<String, List<Integer>> services) {
            List<Subject> subjects = SUBJECTS.stream().filter(subject -> subject.weight(school.kind()) > 0).toList();
            int total = Math.max(subjects.size(), Math.round(school.pupils() / 12f));
            int[] counts = apportion(total, subjects.stream().mapToDouble(s -> s.weight(school.kind())).toArray(), 1);
            double women = school.kind() == Kind.COLLEGE ? 0.6 : 0.55;
            Map<String, List<Integer>> teachersBySubject = new LinkedHashMap<>();
            Map<String, Set<Level>> levelsBySubject = new HashMap<>();
            for (int s = 0; s < subjects.size(); s++) {
                Subject subject = subjects.get(s);
                for (int c = 0; c < counts[s]; c++) {
                    drafts.add(member("ENS", subject, dice.chance(0.04), 24, 63, women));
                    teachersBySubject.computeIfAbsent(subject.matiere(), m -> new ArrayList<>()).add(drafts.size() - 1);
                }
                levelsBySubject.computeIfAbsent(subject.matiere(), m -> EnumSet.noneOf(Level.class))
                        .addAll(subject.levels());
            }
            for (Map.Entry<String, List<Integer>> entry : teachersBySubject.entrySet()) {
                List<Integer> teachers = entry.getValue();
                Set<Level> taughtLevels = levelsBySubject.get(entry.getKey());
                List<Division> taught = divisions.stream().filter(d -> taughtLevels.contains(d.level())).toList();
                int offset = dice.below(teachers.size());
                for (int j = 0; j < taught.size(); j++) {
                    int teacher = teachers.get((j + offset) % teachers.size());
                    services.get(taught.get(j).code()).add(teacher);
                }
            }
        }

        private void addStaff(List<Draft> drafts, String function, int count, double localShare, int minAge,
                              int maxAge) {
            for (int i = 0; i < count; i++) {
                drafts.add(member(function, null, dice.chance(localShare), minAge, maxAge, 0.6));
            }
        }

        /** In collèges and lycées, one head teacher per class, taken among its teachers, one class each if possible. */
        private List<List<String>> headTeachers(int members, Map<String, List<Integer>> services) {
            List<List<String>> headOf = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                headOf.add(new ArrayList<>());
            }
            if (school.kind() == Kind.ECOLE) {
                return headOf;
            }
            for (Division division : divisions) {
                List<Integer> teaching = services.get(division.code()).stream().distinct().toList();
                if (teaching.isEmpty()) {
                    continue;
                }
                List<Integer> free = teaching.stream().filter(t -> headOf.get(t).isEmpty()).toList();
                headOf.get(dice.pick(free.isEmpty() ? teaching : free)).add(division.code());
            }
            return headOf;
        }

        private Draft member(String function, Subject subject, boolean local, int minAge, int maxAge,
                             double women) {
            int sex = dice.chance(women) ? 2 : 1;
            Origin origin = dice.chance(0.75) ? FRENCH : dice.origin();
            String birthName = dice.pick(origin.surnames());
            String usageName = sex == 2 && dice.chance(0.45) ? surnameOtherThan(dice.origin(), birthName) : birthName;
            String firstName = dice.pick(sex == 2 ? origin.women() : origin.men());
            LocalDate birth = dice.dayOf(exportDate.getYear() - dice.between(minAge, maxAge));
            return new Draft(function, local, sex, usageName, birthName, firstName, birth, subject);
        }
    }

    /** The school's one source of randomness, with the few draws the model needs. */
    private static final class Dice {

        final Random random;

        Dice(long seed) {
            this.random = new Random(seed);
        }

        boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        int below(int bound) {
            return random.nextInt(bound);
        }

        int between(int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        <T> void shuffle(List<T> items) {
            Collections.shuffle(items, random);
        }

        LocalDate dayOf(int year) {
            return LocalDate.ofYearDay(year, 1 + random.nextInt(Year.of(year).length()));
        }

        Origin origin() {
            int roll = random.nextInt(ORIGIN_WEIGHTS);
            for (Origin origin : ORIGINS) {
                roll -= origin.weight();
                if (roll < 0) {
                    return origin;
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * A tiny streaming XML writer: one element per line, two-space indent, as SIECLE writes its files (some importers
     * still read them line by line). Refuses, rather than replaces, a character Latin-9 cannot encode.
     */
    private static final class Xml implements Closeable {

        private static final String INDENT = " ".repeat(32);

        private final Writer out;
        private final Deque<String> open = new ArrayDeque<>();

        Xml(OutputStream stream) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, LATIN_9.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            out.write("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n");
        }

        void open(String name, String... attributes) throws IOException {
            start(name, attributes);
            out.write(">\n");
            open.push(name);
        }

        void empty(String name, String... attributes) throws IOException {
            start(name, attributes);
            out.write("/>\n");
        }

        /** Nothing for null, an empty element for "" (SIECLE's way of saying "none"). */
        void leaf(String name, String text) throws IOException {
            if (text == null) {
                return;
            }
            if (text.isEmpty()) {
                empty(name);
                return;
            }
            indent();
            out.write('<');
            out.write(name);
            out.write('>');
            escape(text);
            out.write("</");
            out.write(name);
            out.write(">\n");
        }

        void end() throws IOException {
            String name = open.pop();
            indent();
            out.write("</");
            out.write(name);
            out.write(">\n");
        }

        /** Ends the elements still open, then the file. */
        @Override
        public void close() throws IOException {
            try {
                while (!open.isEmpty()) {
                    end();
                }
            } finally {
                out.close();
            }
        }

        private void start(String name, String... attributes) throws IOException {
            indent();
            out.write('<');
            out.write(name);
            for (int i = 0; i < attributes.length; i += 2) {
                out.write(' ');
                out.write(attributes[i]);
                out.write("=\"");
                escape(attributes[i + 1]);
                out.write('"');
            }
        }

        private void indent() throws IOException {
            for (int depth = open.size(); depth > 0; depth -= INDENT.length() / 2) {
                out.write(INDENT, 0, 2 * Math.min(depth, INDENT.length() / 2));
            }
        }

        private void escape(String text) throws IOException {
            int written = 0;
            for (int i = 0; i < text.length(); i++) {
                String entity = switch (text.charAt(i)) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    default -> null;
                };
                if (entity != null) {
                    out.write(text, written, i - written);
                    out.write(entity);
                    written = i + 1;
                }
            }
            out.write(text, written, text.length() - written);
        }
    }

    // ---- Names, streets and towns. Every string must be encodable in ISO-8859-15 (Œ œ Š Ž Ÿ yes; ł ć ş ğ no).

    /** Family names (upper case, as SIECLE writes them) and first names that go together. */
    private record Origin(int weight, List<String> surnames, List<String> girls, List<String> boys,
                          List<String> women, List<String> men) {
    }

    private static final Origin FRENCH = new Origin(58,
            List.of("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU",
                    "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
                    "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT",
                    "LEFEBVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER",
                    "FRANÇOIS", "LEGRAND", "GAUTHIER", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY",
                    "ROUSSEL", "MATHIEU", "MASSON", "MARCHAND", "DUVAL", "DENIS", "DUMONT", "LEMAIRE", "NOËL",
                    "MEYER", "DUFOUR", "MEUNIER", "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIÈRE", "LUCAS",
                    "BRUNET", "GAILLARD", "BARBIER", "ARNAUD", "GÉRARD", "ROCHE", "RENARD", "ROY", "LEROUX",
                    "COLIN", "VIDAL", "CARON", "PICARD", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS",
                    "LACROIX", "OLIVIER", "BOURGEOIS", "BENOÎT", "LECLERC", "PAYET", "ROLLAND", "GUILLAUME",
                    "HUBERT", "BERGER", "MOULIN", "DESCHAMPS", "FLEURY", "POIRIER", "CHARPENTIER", "MÉNARD",
                    "HERVÉ", "LE GALL", "LÉGER", "PRÉVOST", "LE ROUX", "BRETON", "LE GOFF", "LÉVÊQUE", "HAMON",
                    "GRONDIN", "HOARAU", "LEMAÎTRE", "MARÉCHAL", "BARTHÉLEMY", "DELAUNAY", "LE BIHAN", "KERGOAT",
                    "DE LA FONTAINE", "DE SAINT-AUBIN", "BŒUF", "LEBŒUF", "CŒURDACIER", "L'HUILLIER", "D'HONDT"),
            List.of("Emma", "Jade", "Louise", "Alice", "Chloé", "Léa", "Zoé", "Lina", "Mila", "Rose", "Anna",
                    "Ambre", "Julia", "Léna", "Manon", "Camille", "Éloïse", "Noémie", "Maëlys", "Anaïs", "Héloïse",
                    "Océane", "Clémence", "Agathe", "Romane", "Juliette", "Margaux", "Lou", "Inès", "Sarah",
                    "Salomé", "Mathilde", "Lucie", "Capucine", "Victoire", "Apolline", "Constance", "Gabrielle",
                    "Élise", "Charlotte", "Zoë", "Marie-Lou", "Anne-Lise", "Valentine", "Clara", "Jeanne", "Adèle",
                    "Iris", "Nina", "Éva", "Léonie", "Célia", "Maïa", "Marie"),
            List.of("Gabriel", "Léo", "Raphaël", "Louis", "Arthur", "Jules", "Adam", "Maël", "Lucas", "Hugo",
                    "Noah", "Liam", "Sacha", "Nathan", "Ethan", "Tom", "Timéo", "Théo", "Mathis", "Paul", "Aaron",
                    "Noé", "Élie", "Côme", "Mathéo", "Gaël", "Enzo", "Baptiste", "Clément", "Antoine", "Victor",
                    "Samuel", "Martin", "Valentin", "Axel", "Maxime", "Alexandre", "Thomas", "Quentin", "Romain",
                    "Benjamin", "Jean-Baptiste", "Pierre-Louis", "Marius", "Léon", "Augustin", "Évan", "Loïc",
                    "Joseph", "Pierre"),
            List.of("Hélène", "Gaëlle", "Bénédicte", "Marie-Claire", "Anne Sophie", "Nathalie", "Isabelle",
                    "Sandrine", "Céline", "Stéphanie", "Aurélie", "Émilie", "Julie", "Caroline", "Virginie",
                    "Séverine", "Karine", "Sophie", "Valérie", "Laëtitia", "Élodie", "Mélanie", "Audrey", "Delphine",
                    "Anne-Laure", "Marie-Hélène", "Claire", "Amélie", "Laure", "Cécile", "Agnès", "Béatrice", "Maud",
                    "Solène", "Gwenaëlle", "Noémie", "Chloé", "Marion", "Pauline", "Charlotte", "Jennifer",
                    "Christelle", "Françoise", "Chantal", "Zoé"),
            List.of("Jérôme", "François", "Loïc", "Jean-Baptiste", "Nicolas", "Stéphane", "Sébastien", "Julien",
                    "Christophe", "Frédéric", "Olivier", "Laurent", "Thierry", "Éric", "Mathieu", "Guillaume",
                    "Cédric", "Grégory", "Benoît", "Hervé", "Yann", "Jean-Marc", "Pierre-Yves", "Arnaud", "Damien",
                    "Fabrice", "Franck", "Jean-François", "Xavier", "Vincent", "Antoine", "Romain", "Florian",
                    "Kévin", "Anthony", "Mickaël", "Gaëtan", "Joël", "Noël", "Rémi", "Aurélien", "Maël"));

    private static final List<Origin> ORIGINS = List.of(FRENCH,
            new Origin(12,
                    List.of("BENALI", "BENSAÏD", "BOUZID", "MANSOURI", "CHERIF", "AMRANI", "EL AMRANI", "BEN SALEM",
                            "SLIMANI", "BRAHIMI", "HAMIDI", "KHELIFI", "HADDAD", "MEZIANE", "BOUAZIZ", "SAIDI",
                            "BELKACEM", "AIT AHMED", "AÏT-ALI", "BENABDALLAH", "CHAOUI", "EL IDRISSI", "ZIANI",
                            "LAHLOU", "MOKHTARI", "BELHADJ", "OUALI", "BENMOUSSA"),
                    List.of("Inès", "Lina", "Yasmine", "Nour", "Sarah", "Amira", "Assia", "Maryam", "Aya", "Jana",
                            "Lyna", "Imane", "Salma", "Kenza", "Sofia", "Nora", "Rania", "Malak", "Hanaé"),
                    List.of("Adam", "Mohamed", "Ayoub", "Yanis", "Rayan", "Ilyès", "Wassim", "Bilal", "Amir",
                            "Ismaël", "Younes", "Sami", "Nassim", "Mehdi", "Anas", "Ryad", "Zakaria"),
                    List.of("Fatima", "Khadija", "Samira", "Nadia", "Leïla", "Karima", "Souad", "Malika", "Naïma",
                            "Houria", "Rachida", "Sabrina", "Yamina", "Meriem", "Sonia", "Amel", "Djamila"),
                    List.of("Karim", "Mohamed", "Rachid", "Abdel", "Farid", "Mourad", "Nabil", "Saïd", "Ahmed",
                            "Mustapha", "Hakim", "Kamel", "Samir", "Youssef", "Omar", "Hicham", "Brahim", "Djamel")),
            new Origin(9,
                    List.of("DIALLO", "TRAORÉ", "KONATÉ", "DIOP", "N'DIAYE", "CAMARA", "SYLLA", "CISSÉ", "KANTÉ",
                            "COULIBALY", "TOURÉ", "FOFANA", "KEÏTA", "SANGARÉ", "DIARRA", "SOW", "BA", "FALL",
                            "GUEYE", "N'GUESSAN", "KOUASSI", "KOUAMÉ", "MUKENDI", "KABONGO", "OUÉDRAOGO",
                            "SAWADOGO", "DEMBÉLÉ", "DOUCOURÉ", "SISSOKO"),
                    List.of("Fatoumata", "Aminata", "Mariam", "Awa", "Aïssatou", "Kadiatou", "Oumou", "Binta",
                            "Hawa", "Coumba", "Maïmouna", "Grâce", "Divine", "Merveille", "Inès", "Sarah"),
                    List.of("Amadou", "Moussa", "Mamadou", "Ibrahima", "Ousmane", "Sékou", "Souleymane",
                            "Boubacar", "Cheick", "Issa", "Aboubacar", "Samba", "Moïse", "Emmanuel", "Prince",
                            "Ibrahim"),
                    List.of("Fatoumata", "Aminata", "Mariam", "Awa", "Aïssatou", "Kadiatou", "Oumou", "Hawa",
                            "Adama", "Bintou", "Assa", "Nadège", "Christelle", "Solange", "Pélagie"),
                    List.of("Mamadou", "Ousmane", "Moussa", "Amadou", "Ibrahima", "Seydou", "Abdoulaye", "Boubacar",
                            "Modibo", "Lamine", "Cheikh", "Alassane", "Jean-Claude", "Serge", "Didier", "Hervé")),
            new Origin(9,
                    List.of("DOS SANTOS", "DA SILVA", "PEREIRA", "FERREIRA", "D'ALMEIDA", "RODRIGUES", "FERNANDES",
                            "GONÇALVES", "MARTINS", "LOPES", "SOARES", "TEIXEIRA", "DE OLIVEIRA", "CARVALHO",
                            "RIBEIRO", "GARCIA", "MARTINEZ", "LOPEZ", "SANCHEZ", "PEREZ", "FERNANDEZ", "GONZALEZ",
                            "RODRIGUEZ", "MORENO", "ROSSI", "BIANCHI", "ESPOSITO", "ROMANO", "RICCI", "DE LUCA",
                            "CONTI", "D'AMICO"),
                    List.of("Beatriz", "Mariana", "Lara", "Sofia", "Carolina", "Ana", "Lucía", "Alba", "Giulia",
                            "Chiara", "Lola", "Emma", "Eva", "Elena", "Clara", "Martina", "Inês"),
                    List.of("João", "Tiago", "Rafael", "Diego", "Pablo", "Mateo", "Hugo", "Lucas", "Enzo",
                            "Lorenzo", "Matteo", "Luca", "Tomás", "Gonçalo", "Rodrigo", "Marco", "Gabriel"),
                    List.of("Maria", "Ana", "Isabel", "Sandra", "Cristina", "Paula", "Carla", "Sónia", "Fátima",
                            "Lúcia", "Francesca", "Giulia", "Elena", "Rosa", "Patricia", "Mónica", "Teresa"),
                    List.of("José", "João", "Paulo", "Manuel", "António", "Carlos", "Luís", "Jorge", "Miguel", "Rui",
                            "Sérgio", "Marco", "Giuseppe", "Antonio", "Francesco", "Javier", "Fernando")),
            new Origin(4,
                    List.of("NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "VO", "DANG", "BUI", "NGO", "VU",
                            "CHEN", "WANG", "ZHANG", "LI", "LIU", "HUANG", "LIN", "ZHOU", "KIM", "PARK"),
                    List.of("Linh", "Mai", "Lan", "Anh", "Mei", "Chloé", "Emma", "Jade", "Lucie", "Alice", "Xin",
                            "Hana", "Yuna", "Clara"),
                    List.of("Minh", "Duc", "Bao", "Khoa", "Long", "Hao", "Lucas", "Théo", "Hugo", "Louis", "Wei",
                            "Jun", "Ryan", "Ethan"),
                    List.of("Thi Lan", "Thu", "Hoa", "Linh", "Mai", "Huong", "Ngoc", "Mei", "Xiaoling", "Hui",
                            "Ying", "Jing", "Sophie", "Céline"),
                    List.of("Van Minh", "Tuan", "Hung", "Thanh", "Duc", "Quang", "Hai", "Wei", "Jian", "Hao",
                            "Ming", "Pascal", "Laurent", "David")),
            new Origin(8,
                    List.of("KOWALSKI", "NOWAK", "KAMINSKI", "LEWANDOWSKI", "ZIELINSKI", "WOZNIAK", "MÜLLER",
                            "SCHMIDT", "SCHNEIDER", "FISCHER", "WAGNER", "HOFFMANN", "SCHÄFER", "KÖNIG", "YILMAZ",
                            "KAYA", "DEMIR", "ÇELIK", "ÖZTÜRK", "AYDIN", "ARSLAN", "POPESCU", "IONESCU", "PETROV",
                            "IVANOV", "ŠTEFÁNIK", "ŽIVKOV", "KHATCHADOURIAN", "PETROSSIAN"),
                    List.of("Zoé", "Léna", "Julia", "Emma", "Maja", "Hanna", "Zeynep", "Elif", "Ecrin", "Defne",
                            "Ioana", "Sofia", "Anastasia", "Nina", "Mila"),
                    List.of("Lukas", "Jan", "Adam", "Emir", "Yusuf", "Mert", "Kerem", "Alexandru", "Luca", "Maxim",
                            "Noah", "Jakub", "Oscar", "Milan"),
                    List.of("Agnieszka", "Katarzyna", "Anna", "Monika", "Petra", "Sabine", "Zeynep", "Fatma",
                            "Emine", "Hülya", "Gül", "Ioana", "Elena", "Svetlana", "Irina", "Olga", "Šárka"),
                    List.of("Piotr", "Tomasz", "Krzysztof", "Jan", "Marek", "Stefan", "Klaus", "Mehmet", "Mustafa",
                            "Ali", "Hüseyin", "Murat", "Ahmet", "Ion", "Dmitri", "Andrei", "Sergueï")));

    private static final int ORIGIN_WEIGHTS = ORIGINS.stream().mapToInt(Origin::weight).sum();

    /** Reserved for documentation (RFC 2606): a demo must never mail a real person. */
    private static final List<String> MAIL_DOMAINS =
            List.of("example.com", "example.net", "example.org", "mail.example", "orange.example", "free.example");

    private static final List<String> STREETS = List.of(
            "rue Victor-Hugo", "rue Jean-Jaurès", "avenue du Général-de-Gaulle", "rue de la République",
            "boulevard Gambetta", "rue Pasteur", "rue Émile-Zola", "allée des Œillets", "rue du Sacré-Cœur",
            "rue de l'Église", "impasse des Lilas", "rue des Écoles", "avenue Léon-Blum", "rue Anatole-France",
            "chemin des Vignes", "rue du Moulin", "place de la Mairie", "rue des Acacias", "rue Paul-Éluard",
            "avenue Aristide-Briand", "rue Louise-Michel", "square Molière", "rue d'Estienne-d'Orves",
            "cité des Fleurs", "rue Gabriel-Péri", "avenue de la Gare", "rue des Châtaigniers", "quai de la Marne",
            "rue Lucie-Aubrac", "allée Simone-Veil", "rue de Verdun", "rue du 8-Mai-1945", "rue des Peupliers",
            "boulevard de Strasbourg", "rue Pierre-et-Marie-Curie", "rue de Bretagne");

    private static final List<String> RESIDENCES =
            List.of("Les Tilleuls", "Les Peupliers", "Les Acacias", "Les Glycines", "du Parc", "Le Clos fleuri");

    private static final List<String> TOWNS = List.of(
            "Villeneuve-la-Forêt", "Saint-Aubin-des-Bois", "Montigny-le-Haut", "Bois-l'Évêque",
            "La Chapelle-Saint-Rémy", "Neuilly-sur-Vanne", "Saint-Cyr-les-Vignes", "Champigny-sur-Aube",
            "Saint-Étienne-du-Val", "Mont-Saint-Éloi", "Beaulieu-sur-Loire", "Châteauneuf-en-Plaine",
            "Sainte-Geneviève-des-Prés", "Val-de-Seille", "Noisy-le-Bois", "Villiers-Sainte-Anne",
            "Saint-Germain-l'Herm", "Rosny-la-Vallée", "Le Plessis-Robin", "Épinay-les-Champs", "Vitry-sur-Marne",
            "Saint-Maur-des-Lacs", "Œuilly-sur-Seine", "Fontenay-aux-Chênes");
}
