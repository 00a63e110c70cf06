package fr.rentree.siecle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A school's exports imported for real into MariaDB: what is created, what a re-import changes, what it keeps. */
@RentreeIntegrationTest
class SiecleImportIT {

    @Autowired
    SiecleImportService imports;
    @Autowired
    DirectoryService directory;
    @Autowired
    StatisticsService statistics;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    String uai;
    SiecleSamples samples;

    @BeforeEach
    void aSchool() {
        fixtures.emptyDirectory(); // logins are unique across the directory: each test starts from none
        uai = fixtures.schoolWithDirector("Collège Lucie-Aubrac").school().uai();
        samples = new SiecleSamples(folder, uai, SchoolYear.of(LocalDate.now(clock)).startYear());
    }

    @Test
    void only_a_director_of_the_school_or_rentree_itself_analyses_and_applies_its_exports() {
        String elsewhere = fixtures.schoolWithDirector("Collège Jean-Moulin").director();
        String officer = fixtures.districtOfficer(Set.of(uai));

        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> imports.analyse(uai, List.of(samples.all()))))
                .as("a director of another school").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(officer, () -> imports.analyse(uai, List.of(samples.all()))))
                .as("district staff").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asNobody(() -> imports.analyse(uai, List.of(samples.all()))))
                .as("nobody signed in is not Rentrée's own work").isInstanceOf(AccessDeniedException.class);

        ImportAnalysis analysis = fixtures.as(fixtures.directorOf(uai), () -> imports.analyse(uai,
                List.of(samples.all())));
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> imports.apply(analysis, elsewhere)))
                .as("an analysis of this school applied by another school's director")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asNobody(() -> imports.apply(analysis, "personne")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts()).isEmpty();

        assertThat(imports.apply(analysis, "import-siecle").count(ChangeKind.CREATE)).as("Rentrée's own work")
                .isEqualTo(11);
    }

    @Test
    void the_three_exports_create_pupils_legal_guardians_and_staff_with_logins_classes_and_links() {
        ImportAnalysis analysis = imports.analyse(uai, List.of(samples.all()));

        assertThat(analysis.errors()).isEmpty();
        assertThat(analysis.warnings()).extracting(finding -> finding.key()).containsExactly("pupil.no-class");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(11);
        assertThat(accounts()).isEmpty(); // a preview writes nothing

        RosterChanges applied = imports.apply(analysis, "directeur");

        assertThat(applied.count(ChangeKind.CREATE)).isEqualTo(11);
        Map<String, AccountRow> byLogin = accounts().stream()
                .collect(Collectors.toMap(AccountRow::login, row -> row));
        assertThat(byLogin.keySet()).containsExactlyInAnyOrder(
                "zoe.martin-dupont", "noel.boeuf", "anne-sophie.boeuf", "moussa.ndiaye",
                "claire.martin", "jerome.boeuf", "helene.boeuf", "ibrahima.ndiaye",
                "beatrice.durand", "francois.leroy", "jean-baptiste.dalmeida");
        assertThat(byLogin.get("zoe.martin-dupont")).satisfies(zoe -> {
            assertThat(zoe.lastName()).isEqualTo("MARTIN--DUPONT");
            assertThat(zoe.firstName()).isEqualTo("Zoé");
            assertThat(zoe.profile()).isEqualTo(Profile.STUDENT);
            assertThat(zoe.classes()).isEqualTo("6A"); // the LATIN group is not a class
            assertThat(zoe.birthDate()).isEqualTo(LocalDate.of(2014, 3, 12));
        });
        assertThat(byLogin.get("moussa.ndiaye").classes()).isNull();
        assertThat(byLogin.get("helene.boeuf").email()).isEqualTo("famille.boeuf@exemple.fr");
        assertThat(byLogin.get("ibrahima.ndiaye").email()).isNull();
        assertThat(byLogin.get("francois.leroy").profile()).isEqualTo(Profile.STAFF);
        assertThat(byLogin.get("beatrice.durand").classes()).as("school order").isEqualTo("6A, 5B");
        assertThat(byLogin.get("jean-baptiste.dalmeida").classes()).as("the class of their group").isEqualTo("5B");
        assertThat(children("jerome.boeuf")).containsExactlyInAnyOrder("noel.boeuf", "anne-sophie.boeuf");
        assertThat(headTeacherOf("beatrice.durand")).containsExactly("6A");
        assertThat(jdbc.sql("select label from school_class where school_uai = ? and code = '6A'").param(uai)
                .query(String.class).single()).isEqualTo("6EME A");
    }

    @Test
    void the_code_tables_are_accepted_beside_the_exports_and_change_nothing_by_themselves() {
        ExportFile codes = samples.zip("Nomenclature.zip", "Nomenclature.xml", nomenclature(samples.year()));

        assertThat(imports.analyse(uai, List.of(codes)).changes().isEmpty()).isTrue();
        ImportAnalysis all = imports.analyse(uai, List.of(samples.all()[0], samples.all()[1], samples.all()[2], codes));
        assertThat(all.errors()).isEmpty();
        assertThat(all.changes().count(ChangeKind.CREATE)).isEqualTo(11);
    }

    @Test
    void code_tables_of_another_year_do_not_block_the_import_since_they_are_not_read() {
        ExportFile lastYears = samples.file("Nomenclature.xml", nomenclature(samples.year() - 1));

        ImportAnalysis all = imports.analyse(uai, List.of(samples.all()[0], samples.all()[1], samples.all()[2],
                lastYears));

        assertThat(all.errors()).isEmpty();
        assertThat(all.changes().count(ChangeKind.CREATE)).isEqualTo(11);
    }

    private static String nomenclature(int year) {
        return """
                <?xml version="1.0" encoding="ISO-8859-15"?>
                <BEE_NOMENCLATURES VERSION="3.3">
                <PARAMETRES><ANNEE_SCOLAIRE>%d</ANNEE_SCOLAIRE></PARAMETRES>
                <DONNEES><LIENS_PARENTE><LIEN_PARENTE CODE_PARENTE="10"><LIBELLE_COURT>MERE</LIBELLE_COURT>
                </LIEN_PARENTE></LIENS_PARENTE></DONNEES>
                </BEE_NOMENCLATURES>
                """.formatted(year);
    }

    @Test
    void importing_the_same_exports_again_changes_nothing() {
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        List<AccountRow> before = accounts();

        ImportAnalysis again = imports.analyse(uai, List.of(samples.all()));

        assertThat(again.changes().isEmpty()).isTrue();
        assertThat(imports.apply(again, "directeur").isEmpty()).isTrue();
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void a_pupil_who_left_goes_to_pre_deletion_and_comes_back_if_a_later_export_lists_them_again() {
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        String yesterday = LocalDate.now(clock).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String left = samples.pupils().replace("<PRENOM>Noël</PRENOM>",
                "<PRENOM>Noël</PRENOM><DATE_SORTIE>" + yesterday + "</DATE_SORTIE><CODE_MOTIF_SORTIE>1</CODE_MOTIF_SORTIE>");
        assertThat(left).contains("DATE_SORTIE");
        ExportFile[] withLeaver = {samples.file("ElevesSansAdresses.xml", left),
                samples.file("ResponsablesAvecAdresses.xml", samples.guardians())};

        ImportAnalysis analysis = imports.analyse(uai, List.of(withLeaver));

        assertThat(analysis.changes().ofKind(ChangeKind.PRE_DELETE)).extracting(change -> change.login())
                .containsExactly("noel.boeuf");
        assertThat(analysis.changes().ofKind(ChangeKind.UPDATE)).extracting(change -> change.login())
                .containsExactlyInAnyOrder("jerome.boeuf", "helene.boeuf"); // one child fewer each
        imports.apply(analysis, "directeur");
        assertThat(state("noel.boeuf")).isEqualTo(AccountState.PRE_DELETION);
        assertThat(accounts()).extracting(AccountRow::login).doesNotContain("noel.boeuf");
        assertThat(children("jerome.boeuf")).containsExactly("anne-sophie.boeuf");
        assertThat(statistics.ofSchool(uai)).filteredOn(tally -> tally.profile() == Profile.STUDENT)
                .extracting(ActivationTally::total).containsExactly(3L);

        ImportAnalysis back = imports.analyse(uai, List.of(samples.all()));

        assertThat(back.changes().ofKind(ChangeKind.RESTORE)).extracting(change -> change.login())
                .containsExactly("noel.boeuf");
        imports.apply(back, "directeur");
        assertThat(state("noel.boeuf")).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void a_guardian_registered_again_under_a_new_id_keeps_their_account() {
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        String renumbered = samples.guardians().replace("\"2001\"", "\"2901\"")
                .replace("<PERSONNE_ID>2001</PERSONNE_ID>", "<PERSONNE_ID>2901</PERSONNE_ID>");

        ImportAnalysis analysis = imports.analyse(uai,
                List.of(samples.file("ResponsablesAvecAdresses.xml", renumbered)));

        assertThat(analysis.changes().changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
            assertThat(change.login()).isEqualTo("claire.martin");
            assertThat(change.changedFields()).containsExactly("sourceId");
        });
    }

    @Test
    void a_guardians_file_alone_links_to_the_pupils_already_imported_and_leaves_the_others_alone() {
        imports.apply(imports.analyse(uai, List.of(samples.all()[0])), "directeur");

        ImportAnalysis analysis = imports.analyse(uai,
                List.of(samples.file("ResponsablesAvecAdresses.xml", samples.guardians())));

        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4);
        assertThat(analysis.changes().count(ChangeKind.PRE_DELETE)).isZero();
        imports.apply(analysis, "directeur");
        assertThat(children("helene.boeuf")).containsExactlyInAnyOrder("noel.boeuf", "anne-sophie.boeuf");
    }

    @Test
    void logins_get_a_counter_when_taken_anywhere_in_the_directory_and_never_change() {
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        String otherUai = fixtures.schoolWithDirector("Collège voisin").school().uai();
        SiecleSamples other = new SiecleSamples(folder, otherUai, samples.year());

        imports.apply(imports.analyse(otherUai, List.of(other.all())), "directeur");
        String renamed = samples.pupils().replace("<PRENOM>Zoé</PRENOM>", "<PRENOM>Zoé-Lou</PRENOM>");
        imports.apply(imports.analyse(uai, List.of(samples.file("ElevesSansAdresses.xml", renamed))), "directeur");

        assertThat(jdbc.sql("select login from account where school_uai = ? and source_id = 'E:1001'")
                .param(otherUai).query(String.class).single()).isEqualTo("zoe.martin-dupont1");
        assertThat(accounts()).filteredOn(row -> row.login().equals("zoe.martin-dupont"))
                .extracting(AccountRow::firstName).containsExactly("Zoé-Lou");
    }

    @Test
    void activation_codes_are_stored_encrypted_readable_by_the_application_and_void_once_activated() {
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        AccountRow zoe = accounts().stream().filter(row -> row.login().equals("zoe.martin-dupont")).findFirst()
                .orElseThrow();

        ActivationCode code = directory.activationCode(zoe.id()).orElseThrow();
        byte[] stored = jdbc.sql("select activation_code from account where id = ?").param(zoe.id())
                .query(byte[].class).single();

        assertThat(code.value()).hasSize(8).matches("[" + ActivationCode.ALPHABET + "]+");
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(code.value());
        assertThat(code.toString()).doesNotContain(code.value());
        ActivationCode renewed = directory.regenerateActivationCode(zoe.id()).orElseThrow();
        assertThat(directory.activationCode(zoe.id())).contains(renewed);

        directory.recordActivations(Set.of(zoe.id()));

        assertThat(directory.activationCode(zoe.id())).isEmpty();
        assertThat(directory.regenerateActivationCode(zoe.id())).isEmpty();
        assertThat(statistics.ofSchool(uai)).filteredOn(tally -> tally.profile() == Profile.STUDENT)
                .containsExactly(new ActivationTally(Profile.STUDENT, 1, 3));
        assertThat(statistics.ofClasses(uai, new SchoolYear(samples.year())))
                .filteredOn(group -> group.key().equals("6A")).singleElement()
                .satisfies(sixA -> {
                    assertThat(sixA.label()).isEqualTo("6EME A");
                    assertThat(sixA.byProfile()).containsExactlyInAnyOrder(
                            new ActivationTally(Profile.STUDENT, 1, 1), new ActivationTally(Profile.PARENT, 0, 3),
                            new ActivationTally(Profile.TEACHER, 0, 1));
                });
    }

    @Test
    void accounts_created_by_hand_are_never_touched_by_an_import() {
        jdbc.sql("""
                insert into account (school_uai, profile, origin, login, login_base, last_name, first_name,
                                     created_at, state, state_since)
                values (?, 'GUEST', 'MANUAL', ?, 'invite.exterieur', 'EXTÉRIEUR', 'Invité', now(), 'ACTIVE', now())""")
                .params(uai, "invite.exterieur." + uai.toLowerCase()).update();

        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
        ImportAnalysis empty = imports.analyse(uai, List.of(samples.file("ElevesSansAdresses.xml",
                samples.pupils().replaceAll("(?s)<ELEVES>.*</ELEVES>", "<ELEVES/>"))));

        assertThat(empty.changes().count(ChangeKind.PRE_DELETE)).isEqualTo(4); // the pupils, nobody else
        imports.apply(empty, "directeur", true); // every pupil to pré-suppression: confirmed expressly
        assertThat(accounts()).extracting(AccountRow::login).contains("invite.exterieur." + uai.toLowerCase());
    }

    private List<AccountRow> accounts() {
        return directory.accounts(AccountQuery.all(uai, StateFilter.IN_USE), 0, 1000);
    }

    private AccountState state(String login) {
        return AccountState.valueOf(jdbc.sql("select state from account where login = ?").param(login)
                .query(String.class).single());
    }

    private List<String> children(String parentLogin) {
        return jdbc.sql("""
                        select c.login from parent_link l join account p on p.id = l.parent_id
                        join account c on c.id = l.child_id where p.login = ?""")
                .param(parentLogin).query(String.class).list();
    }

    private List<String> headTeacherOf(String login) {
        return jdbc.sql("""
                        select c.code from account_class ac join account a on a.id = ac.account_id
                        join school_class c on c.id = ac.class_id where a.login = ? and ac.head_teacher""")
                .param(login).query(String.class).list();
    }
}
