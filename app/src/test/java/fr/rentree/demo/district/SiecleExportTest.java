package fr.rentree.demo.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import fr.rentree.demo.district.DemoSchool.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo exports must be worth importing: reproducible, shaped and encoded like real SIECLE and STS-web files, and
 * holding the people and pitfalls the importer has to meet (siblings, parents without e-mail, pupils who left).
 */
class SiecleExportTest {

    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final DateTimeFormatter BEE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final LocalDate EXPORT_DATE = LocalDate.of(2026, 9, 15);
    private static final DemoSchool COLLEGE = new DemoSchool("0931234L", "Collège Lucie-Aubrac", Kind.COLLEGE, 700);
    private static final DemoSchool ECOLE =
            new DemoSchool("0750001U", "École élémentaire Jules-Ferry", Kind.ECOLE, 180);

    @TempDir
    Path dir;

    @Test
    void same_seed_gives_identical_files() throws IOException {
        List<Path> first = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("a"), 0.05);
        List<Path> second = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("b"), 0.05);

        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(first.get(i).getFileName().toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void another_seed_gives_other_files() throws IOException {
        List<Path> first = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("a"), 0.05);
        List<Path> other = new SiecleExport(8, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("b"), 0.05);

        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(other.get(i))).isNotEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void writes_the_three_exports_under_their_canonical_names() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);

        assertThat(files.stream().map(file -> file.getFileName().toString()).toList()).containsExactly(
                "ElevesSansAdresses.zip", "ResponsablesAvecAdresses.xml", "sts_emp_0931234L_2026.xml");
        files.forEach(file -> assertThat(file).exists());
        assertThat(zipEntries(files.get(0))).containsExactly("ElevesSansAdresses.xml");
        assertThat(root(pupilsXml(files))).isEqualTo("BEE_ELEVES");
        assertThat(root(Files.readAllBytes(files.get(1)))).isEqualTo("BEE_RESPONSABLES");
        assertThat(root(Files.readAllBytes(files.get(2)))).isEqualTo("STS_EDT");
    }

    @Test
    void files_are_latin_9_as_they_declare() throws IOException {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);
        StringBuilder everything = new StringBuilder();

        for (byte[] xml : List.of(pupilsXml(files), Files.readAllBytes(files.get(1)), Files.readAllBytes(files.get(2)))) {
            String text = strictly(LATIN_9, xml);
            assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n").contains("é");
            assertThat(text.chars().noneMatch(c -> c >= 0x80 && c <= 0x9F)).as("no C1 control character").isTrue();
            assertThatThrownBy(() -> strictly(StandardCharsets.UTF_8, xml))
                    .as("single-byte accents, not UTF-8").isInstanceOf(CharacterCodingException.class);
            everything.append(text);
        }
        assertThat(everything.toString()).containsAnyOf("œ", "Œ");
    }

    @Test
    void header_names_the_school_and_the_year() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);

        Map<String, String> pupils = records(pupilsXml(files), "PARAMETRES").get(0);
        assertThat(pupils.get("UAJ")).isEqualTo("0931234L");
        assertThat(pupils.get("ANNEE_SCOLAIRE")).isEqualTo("2026");
        assertThat(pupils.get("DATE_EXPORT")).isEqualTo("15/09/2026");
        assertThat(pupils.get("HORODATAGE")).matches("15/09/2026 \\d\\d:\\d\\d:\\d\\d");
        Map<String, String> staff = records(Files.readAllBytes(files.get(2)), "PARAMETRES").get(0);
        assertThat(staff.get("UAJ@CODE")).isEqualTo("0931234L");
        assertThat(staff.get("ANNEE_SCOLAIRE@ANNEE")).isEqualTo("2026");
    }

    @Test
    void district_schools_have_valid_unique_uais_and_a_realistic_mix() {
        List<DemoSchool> schools = new DemoDistrict(3).schools(40, "93");

        assertThat(schools).hasSize(40);
        assertThat(schools.stream().map(DemoSchool::uai).toList()).doesNotHaveDuplicates();
        assertThat(schools.stream().map(DemoSchool::name).toList()).doesNotHaveDuplicates();
        for (DemoSchool school : schools) {
            assertThat(school.uai()).matches("093\\d{4}[A-Z]");
            int number = Integer.parseInt(school.uai().substring(0, 7));
            assertThat(school.uai().charAt(7)).as(school.uai()).isEqualTo(LETTERS.charAt(number % 23));
            int[] range = switch (school.kind()) {
                case ECOLE -> new int[] {80, 300};
                case COLLEGE -> new int[] {350, 800};
                case LYCEE -> new int[] {800, 1500};
            };
            assertThat(school.pupils()).isBetween(range[0], range[1]);
        }
        Map<Kind, Long> kinds = schools.stream().collect(Collectors.groupingBy(DemoSchool::kind, Collectors.counting()));
        assertThat(kinds.get(Kind.ECOLE)).isBetween(20L, 28L);
        assertThat(kinds.get(Kind.COLLEGE)).isBetween(10L, 14L);
        assertThat(kinds.get(Kind.LYCEE)).isBetween(3L, 5L);
        assertThat(new DemoDistrict(3).schools(3, "75").stream().map(DemoSchool::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Kind.ECOLE, Kind.COLLEGE, Kind.LYCEE);
    }

    @Test
    void same_seed_gives_the_same_district() {
        assertThat(new DemoDistrict(3).schools(25, "13")).isEqualTo(new DemoDistrict(3).schools(25, "13"));
        assertThat(new DemoDistrict(4).schools(25, "13")).isNotEqualTo(new DemoDistrict(3).schools(25, "13"));
    }

    @Test
    void leavers_keep_their_ids_and_get_an_exit_date() throws Exception {
        List<Path> stay = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("stay"), 0.0);
        List<Path> leave = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir.resolve("leave"), 0.05);

        List<Map<String, String>> before = records(pupilsXml(stay), "ELEVE");
        List<Map<String, String>> after = records(pupilsXml(leave), "ELEVE");
        Function<Map<String, String>, String> identity =
                pupil -> pupil.get("@ELEVE_ID") + " " + pupil.get("ID_NATIONAL") + " " + pupil.get("NOM_DE_FAMILLE")
                        + " " + pupil.get("PRENOM") + " " + pupil.get("DATE_NAISS");
        assertThat(after.stream().map(identity).toList()).isEqualTo(before.stream().map(identity).toList());
        assertThat(before.stream().filter(pupil -> pupil.containsKey("DATE_SORTIE")).count()).isZero();

        List<Map<String, String>> leavers = after.stream().filter(pupil -> pupil.containsKey("DATE_SORTIE")).toList();
        assertThat(leavers.size()).isBetween(30, 40);
        for (Map<String, String> leaver : leavers) {
            LocalDate left = LocalDate.parse(leaver.get("DATE_SORTIE"), BEE_DATE);
            assertThat(left.isBefore(EXPORT_DATE)).isTrue();
            assertThat(left.isAfter(LocalDate.parse(leaver.get("DATE_ENTREE"), BEE_DATE))).isTrue();
            assertThat(leaver.get("CODE_MOTIF_SORTIE")).isNotBlank();
        }
        Set<String> placed = records(pupilsXml(leave), "STRUCTURES_ELEVE").stream()
                .map(structures -> structures.get("@ELEVE_ID")).collect(Collectors.toSet());
        assertThat(leavers.stream().filter(leaver -> placed.contains(leaver.get("@ELEVE_ID"))).count())
                .isGreaterThanOrEqualTo(leavers.size() - 2L);
        assertThat(Files.readAllBytes(leave.get(1))).as("the same guardians").isEqualTo(Files.readAllBytes(stay.get(1)));
        assertThat(Files.readAllBytes(leave.get(2))).as("the same staff").isEqualTo(Files.readAllBytes(stay.get(2)));
    }

    @Test
    void pupils_have_plausible_identities_and_sit_in_classes_of_about_25() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);
        byte[] xml = pupilsXml(files);

        List<Map<String, String>> pupils = records(xml, "ELEVE");
        assertThat(pupils).hasSize(700);
        assertThat(pupils.stream().map(pupil -> pupil.get("ID_NATIONAL")).toList()).doesNotHaveDuplicates();
        for (Map<String, String> pupil : pupils) {
            assertThat(pupil.get("ID_NATIONAL")).matches("\\d{10}[A-Z]");
            assertThat(pupil.get("CODE_SEXE")).matches("[12]");
            assertThat(pupil.containsKey("NOM_USAGE")).as("NOM_USAGE, empty or not, is always there").isTrue();
            int born = LocalDate.parse(pupil.get("DATE_NAISS"), BEE_DATE).getYear();
            assertThat(2026 - born).as("age of a collégien").isBetween(10, 15);
        }
        assertThat(pupils.stream().filter(pupil -> pupil.get("NOM_USAGE").isEmpty()).count())
                .as("usually no usage name").isGreaterThan(600L);

        List<Map<String, String>> structures = records(xml, "STRUCTURES_ELEVE");
        assertThat(structures.size()).as("about one pupil in a hundred not yet in a class").isBetween(680, 699);
        Map<String, Integer> classSizes = new HashMap<>();
        for (Map<String, String> structure : structures) {
            List<String> codes = List.of(structure.get("CODE_STRUCTURE").split("\\|"));
            List<String> types = List.of(structure.get("TYPE_STRUCTURE").split("\\|"));
            assertThat(types.get(0)).isEqualTo("D");
            assertThat(types.stream().filter("D"::equals).count()).isEqualTo(1L);
            classSizes.merge(codes.get(0), 1, Integer::sum);
        }
        assertThat(classSizes.keySet()).allMatch(code -> code.matches("[3-6][A-Z]+"));
        assertThat(classSizes.values()).allMatch(size -> size >= 18 && size <= 30);
        assertThat(structures.stream().filter(s -> s.get("TYPE_STRUCTURE").contains("G")).count()).isPositive();
    }

    @Test
    void a_guardian_of_several_pupils_is_one_person_and_many_have_no_email() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);
        byte[] xml = Files.readAllBytes(files.get(1));

        List<Map<String, String>> persons = records(xml, "PERSONNE");
        List<Map<String, String>> links = records(xml, "RESPONSABLE_ELEVE");
        Set<String> personIds = persons.stream().map(person -> person.get("@PERSONNE_ID")).collect(Collectors.toSet());
        assertThat(personIds).hasSize(persons.size());
        Set<String> pupilIds = records(pupilsXml(files), "ELEVE").stream().map(pupil -> pupil.get("@ELEVE_ID"))
                .collect(Collectors.toSet());
        assertThat(links).allMatch(link -> personIds.contains(link.get("PERSONNE_ID"))
                && pupilIds.contains(link.get("ELEVE_ID")));

        Map<String, Long> childrenPerPerson = links.stream()
                .collect(Collectors.groupingBy(link -> link.get("PERSONNE_ID"), Collectors.counting()));
        assertThat(childrenPerPerson.values().stream().filter(children -> children >= 2).count()).isGreaterThan(20L);
        Map<String, Long> legalGuardians = links.stream().filter(link -> link.get("NIVEAU_RESPONSABILITE").equals("1"))
                .collect(Collectors.groupingBy(link -> link.get("ELEVE_ID"), Collectors.counting()));
        assertThat(legalGuardians.values().stream().filter(count -> count == 2).count())
                .as("most pupils have two legal guardians").isGreaterThan(pupilIds.size() / 2L);
        assertThat(links.stream().filter(link -> !link.get("NIVEAU_RESPONSABILITE").equals("1")).count()).isPositive();

        double withoutMail = persons.stream().filter(person -> !person.containsKey("MEL")).count()
                / (double) persons.size();
        assertThat(withoutMail).isBetween(0.30, 0.50);
        assertThat(persons.stream().filter(person -> person.containsKey("MEL")).map(person -> person.get("MEL")))
                .allMatch(mail -> mail.matches("[a-z0-9.-]+@[a-z.]*example(\\.[a-z]+)?"));
        Set<String> addressIds = records(xml, "ADRESSE").stream().map(address -> address.get("@ADRESSE_ID"))
                .collect(Collectors.toSet());
        assertThat(persons).allMatch(person -> addressIds.contains(person.get("ADRESSE_ID")));
    }

    @Test
    void staff_teach_in_the_divisions_and_each_class_has_a_head_teacher() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(COLLEGE, dir, 0.0);
        byte[] xml = Files.readAllBytes(files.get(2));

        List<Map<String, String>> individuals = records(xml, "INDIVIDU");
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        individuals.forEach(individual -> byId.put(individual.get("@ID"), individual));
        List<Map<String, String>> teachers =
                individuals.stream().filter(individual -> "ENS".equals(individual.get("FONCTION"))).toList();
        assertThat(teachers.size()).isBetween(50, 70);
        assertThat(individuals.stream().map(individual -> individual.get("FONCTION")).collect(Collectors.toSet()))
                .contains("ENS", "DIR", "EDU", "DOC", "AED");
        assertThat(teachers).allMatch(teacher -> teacher.containsKey("DISCIPLINE@CODE"));
        for (Map<String, String> individual : individuals) {
            boolean local = individual.get("@TYPE").equals("local");
            assertThat(individual.containsKey("DATE_NAISSANCE")).isEqualTo(!local);
            if (!local) {
                assertThat(individual.get("DATE_NAISSANCE")).matches("\\d{4}-\\d\\d-\\d\\d");
            }
        }
        assertThat(individuals.stream().filter(individual -> individual.get("@TYPE").equals("local")).count())
                .isPositive();

        List<Map<String, String>> divisions = records(xml, "DIVISION");
        Set<String> headed = new HashSet<>();
        teachers.stream().filter(teacher -> teacher.containsKey("CODE_STRUCTURE"))
                .forEach(teacher -> headed.addAll(List.of(teacher.get("CODE_STRUCTURE").split("\\|"))));
        assertThat(headed).hasSize(divisions.size());
        for (Map<String, String> division : divisions) {
            List<String> teaching = List.of(division.get("ENSEIGNANT@ID").split("\\|"));
            assertThat(teaching).allMatch(byId::containsKey);
            assertThat(teaching.size()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void an_ecole_has_one_teacher_per_class_and_a_director() throws Exception {
        List<Path> files = new SiecleExport(7, 2026, EXPORT_DATE).write(ECOLE, dir, 0.0);

        List<Map<String, String>> individuals = records(Files.readAllBytes(files.get(2)), "INDIVIDU");
        List<Map<String, String>> divisions = records(Files.readAllBytes(files.get(2)), "DIVISION");
        assertThat(individuals.stream().filter(individual -> "DIR".equals(individual.get("FONCTION"))).count())
                .isEqualTo(1L);
        assertThat(individuals.stream().filter(individual -> "ENS".equals(individual.get("FONCTION"))).count())
                .isEqualTo((long) divisions.size());
        assertThat(divisions).allMatch(division -> division.get("@CODE").matches("(CP|CE1|CE2|CM1|CM2) [A-Z]"));
        assertThat(records(Files.readAllBytes(files.get(1)), "ADRESSE"))
                .allMatch(address -> address.get("CODE_POSTAL").matches("750[0-2]\\d"));
    }

    @Test
    void refuses_a_share_outside_zero_and_one() {
        SiecleExport export = new SiecleExport(7, 2026, EXPORT_DATE);

        assertThatThrownBy(() -> export.write(COLLEGE, dir, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] pupilsXml(List<Path> files) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(files.get(0)))) {
            zip.getNextEntry();
            return zip.readAllBytes();
        }
    }

    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                in.transferTo(new ByteArrayOutputStream());
            }
        }
        return names;
    }

    private static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String root(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = reader(new ByteArrayInputStream(xml));
        reader.nextTag();
        return reader.getLocalName();
    }

    /**
     * Every {@code record} element as a map of its attributes ({@code @NAME}), its leaves' texts ({@code NAME}) and
     * its descendants' attributes ({@code NAME@ATTRIBUTE}); repeated names are joined with '|'.
     */
    private static List<Map<String, String>> records(byte[] xml, String record) throws XMLStreamException {
        XMLStreamReader reader = reader(new ByteArrayInputStream(xml));
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> current = null;
        StringBuilder text = new StringBuilder();
        boolean leaf = false;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    if (name.equals(record)) {
                        current = new LinkedHashMap<>();
                    }
                    if (current != null) {
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String key = (name.equals(record) ? "" : name) + "@" + reader.getAttributeLocalName(i);
                            current.merge(key, reader.getAttributeValue(i), (a, b) -> a + "|" + b);
                        }
                    }
                    text.setLength(0);
                    leaf = true;
                }
                case XMLStreamConstants.CHARACTERS -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (reader.getLocalName().equals(record)) {
                        records.add(current);
                        current = null;
                    } else if (current != null && leaf) {
                        current.merge(reader.getLocalName(), text.toString().trim(), (a, b) -> a + "|" + b);
                    }
                    leaf = false;
                }
                default -> {
                }
            }
        }
        return records;
    }

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(in);
    }
}
