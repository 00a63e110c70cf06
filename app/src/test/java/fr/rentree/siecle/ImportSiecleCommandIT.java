package fr.rentree.siecle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.support.Fixtures;
import fr.rentree.support.JarCommand;
import fr.rentree.support.JarCommand.Run;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The headless import as the README documents it: the packaged jar, run as its own process against the test
 * database, with nothing but the database (production profile, no engine, no mail).
 */
@RentreeIntegrationTest
class ImportSiecleCommandIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Environment environment;
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
        fixtures.emptyDirectory();
        uai = fixtures.schoolWithDirector("Collège de la ligne de commande").school().uai();
        samples = new SiecleSamples(folder, uai, SchoolYear.of(LocalDate.now(clock)).startYear());
    }

    @Test
    void a_dry_run_prints_the_summary_and_writes_nothing_then_the_import_writes() throws Exception {
        String[] files = paths(samples.all());

        Run dryRun = importSiecle("--uai", uai, "--dry-run", files[0], files[1], files[2]);

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("Comptes à créer : 11", "Comptes à passer en pré-suppression : 0",
                "Avertissements (1) :", "l’élève N'DIAYE Moussa n’est affecté(e) à aucune classe",
                "Simulation (--dry-run) : rien n’a été enregistré.");
        assertThat(accounts()).isZero();

        Run real = importSiecle("--uai", uai, files[0], files[1], files[2],
                "--logging.level.org.operaton.bpm.engine=info");

        assertThat(real.exitCode()).as(real.output()).isZero();
        assertThat(real.output()).contains("Comptes à créer : 11", "Import effectué.");
        // a one-shot command does no process work: the engine's job executor never starts (ENGINE-14014)
        assertThat(real.output()).doesNotContain("ENGINE-14014", "JobExecutor");
        assertThat(accounts()).isEqualTo(11);
    }

    @Test
    void refused_input_exits_2_with_the_reason() throws Exception {
        ExportFile wrongSchool = samples.file("ElevesSansAdresses.xml", samples.pupils().replace(uai, "0750001U"));

        Run run = importSiecle("--uai", uai, wrongSchool.path().toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("ce fichier est un export de l’établissement d’UAI 0750001U, inconnu de"
                        + " Rentrée, pas du collège de la ligne de commande (UAI " + uai + ")",
                "Import refusé : rien n’a été enregistré.");
        assertThat(accounts()).isZero();
    }

    @Test
    void two_pupils_under_one_eleve_id_are_refused_by_the_dry_run_as_by_the_import() throws Exception {
        // the dry run said yes, then the import failed on uk_account_source (exit 1)
        String xml = samples.pupils().replace("<ELEVE ELEVE_ID=\"1002\"", "<ELEVE ELEVE_ID=\"1001\"");
        String file = samples.file("ElevesSansAdresses.xml", xml).path().toString();

        for (Run run : List.of(importSiecle("--uai", uai, "--dry-run", file), importSiecle("--uai", uai, file))) {
            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).contains("l’élève BŒUF Noël a le même identifiant (ELEVE_ID 1001) que l’élève"
                    + " MARTIN--DUPONT Zoé", "Import refusé : rien n’a été enregistré.");
        }
        assertThat(accounts()).isZero();
    }

    @Test
    void sending_most_parents_to_pre_deletion_needs_the_confirmation_option() throws Exception {
        String[] files = paths(samples.all());
        assertThat(importSiecle("--uai", uai, files[0], files[1], files[2]).exitCode()).isZero();
        String fewLegal = samples.guardians().replace("<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE>",
                "<NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE>").replace("<RESP_LEGAL>1", "<RESP_LEGAL>0")
                .replaceFirst("<NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE>",
                        "<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE>"); // only MARTIN Claire stays
        String guardians = samples.file("ResponsablesAvecAdresses.xml", fewLegal).path().toString();

        Run dryRun = importSiecle("--uai", uai, "--dry-run", files[0], guardians);
        Run real = importSiecle("--uai", uai, files[0], guardians);

        for (Run run : List.of(dryRun, real)) {
            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).contains("Comptes à passer en pré-suppression : 3",
                    "cet import passerait en pré-suppression 3 des 4 comptes actifs du profil « Parent » (75 %)",
                    "Import refusé : il passerait en pré-suppression la plupart des comptes d’un profil (voir les"
                            + " avertissements). Rien n’a été enregistré ; si c’est bien ce que vous voulez, relancez la"
                            + " commande avec l’option --confirm-pre-deletion.");
        }
        assertThat(preDeleted()).isZero();

        Run confirmed = importSiecle("--uai", uai, "--confirm-pre-deletion", files[0], guardians);

        assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();
        assertThat(confirmed.output()).contains("Import effectué.");
        assertThat(preDeleted()).isEqualTo(3);
    }

    @Test
    void an_unreachable_database_exits_1() throws Exception {
        Run run = importSiecle("--uai", uai, paths(samples.all())[0],
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/rentree?connectTimeout=500");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Erreur interne, rien n’a été enregistré");
    }

    @Test
    void an_invalid_uai_is_refused_before_anything_else() throws Exception {
        for (String uai : List.of("0750001X", "075001U", "UAI")) {
            Run run = importSiecle("--uai", uai, "absent.xml");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            // the French message alone, first: no logging library's warning in English before it
            assertThat(run.output()).startsWith("L’UAI « " + uai + " » n’est pas valide");
            assertThat(run.output()).contains("L’UAI « " + uai + " » n’est pas valide : un UAI s’écrit avec 7 chiffres"
                    + " suivis d’une lettre de contrôle calculée sur ces chiffres (par exemple 0750001U).");
            assertThat(run.output()).doesNotContain("absent.xml");
        }
    }

    @Test
    void without_a_database_it_says_in_french_what_to_set() throws Exception {
        Run run = run(false, "--uai", uai, paths(samples.all())[0]);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Aucune base de données n’est configurée : donnez son adresse avec la"
                + " variable d’environnement SPRING_DATASOURCE_URL (par exemple jdbc:mariadb://serveur:3306/rentree),"
                + " et si besoin SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD, ou avec l’option"
                + " --spring.datasource.url=... Rien n’a été enregistré.");
        assertThat(run.output()).doesNotContain("DataSource", "APPLICATION FAILED TO START", "Exception");
    }

    @Test
    void under_the_prod_profile_a_database_without_a_user_is_refused_not_reached_as_root() throws Exception {
        Run run = importSiecle("--uai", uai, paths(samples.all())[0], "--spring.datasource.username=");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Configuration refusée, rien n’a été enregistré : La base de données",
                "est configurée sans utilisateur sous le profil prod", "Donnez SPRING_DATASOURCE_USERNAME");
        assertThat(accounts()).isZero();
    }

    private Run importSiecle(String... args) throws IOException, InterruptedException {
        return run(true, args);
    }

    private Run run(boolean database, String... args) throws IOException, InterruptedException {
        return new JarCommand(environment).run(database, "import-siecle", args);
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account where school_uai = ?").param(uai).query(Long.class).single();
    }

    private long preDeleted() {
        return jdbc.sql("select count(*) from account where school_uai = ? and state = 'PRE_DELETION'").param(uai)
                .query(Long.class).single();
    }

    private static String[] paths(ExportFile... files) {
        return Arrays.stream(files).map(file -> file.path().toString()).toArray(String[]::new);
    }
}
