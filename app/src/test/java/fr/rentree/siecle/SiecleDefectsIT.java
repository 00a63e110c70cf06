package fr.rentree.siecle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.Typography;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The defects real exports have (docs/siecle-format.md), each with the exact words the director reads. A refused
 * import writes nothing: every refusal is followed by a count of the school's accounts. The analysis and the import
 * agree: every analysis that is not refused (a dry run that says yes) is applied, and must succeed.
 */
@RentreeIntegrationTest
class SiecleDefectsIT {

    @Autowired
    SiecleImportService imports;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    String uai;
    int year;
    SiecleSamples samples;
    long created;

    @BeforeEach
    void aSchool() {
        uai = fixtures.schoolWithDirector("Collège des défauts").school().uai();
        year = SchoolYear.of(LocalDate.now(clock)).startYear();
        samples = new SiecleSamples(folder, uai, year);
    }

    @AfterEach
    void aRefusedOrWarnedImportLeavesNoHalfWrittenData() {
        assertThat(accounts()).as("accounts written but by the imports the analysis accepted").isEqualTo(created);
    }

    @Test
    void a_file_that_is_not_an_export() {
        assertRefused(samples.file("notes.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BULLETINS/>"),
                "notes.xml : élément racine <BULLETINS> inattendu ; un export SIECLE commence par <BEE_ELEVES>,"
                        + " <BEE_RESPONSABLES> ou <BEE_NOMENCLATURES>, un export STS-web par <STS_EDT>.");
    }

    @Test
    void the_emp_sts_upload_instead_of_the_sts_emp_export() {
        assertRefused(samples.file("emp_sts_" + uai + "_" + year + ".xml",
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<EDT_STS><PARAMETRES/></EDT_STS>"),
                "emp_sts_" + uai + "_" + year + ".xml : c’est le fichier emp_sts que le logiciel d’emploi du temps"
                        + " envoie vers STS-web ; déposez l’export sts_emp_<UAI>_<année>.xml téléchargé depuis STS-web.");
    }

    @Test
    void another_schools_export_names_both_schools() {
        assertRefused(samples.file("ElevesSansAdresses.xml", samples.pupils().replace(uai, "0750001U")),
                "ElevesSansAdresses.xml : ce fichier est un export de l’établissement d’UAI 0750001U, inconnu de"
                        + " Rentrée, pas du collège des défauts (UAI " + uai + ") ; déposez les exports du collège des"
                        + " défauts.");
        String other = fixtures.schoolWithDirector("Collège Jean-Moulin").school().uai();
        assertRefused(samples.file("ElevesSansAdresses.xml", samples.pupils().replace(uai, other)),
                "ElevesSansAdresses.xml : ce fichier est un export du collège Jean-Moulin (UAI " + other + "), pas du"
                        + " collège des défauts (UAI " + uai + ") ; déposez les exports du collège des défauts.");
    }

    @Test
    void last_years_export() {
        String lastYear = samples.staff().replace("ANNEE=\"" + year + "\"", "ANNEE=\"" + (year - 1) + "\"");
        assertRefused(samples.file(samples.staffFileName(), lastYear),
                samples.staffFileName() + " : ce fichier concerne l’année scolaire " + (year - 1) + "-" + year
                        + ", pas " + year + "-" + (year + 1) + ".");
    }

    @Test
    void an_unknown_encoding() {
        assertRefused(samples.file("ElevesSansAdresses.xml",
                        samples.pupils().replace("ISO-8859-15", "LATIN-KLINGON")),
                "ElevesSansAdresses.xml, ligne 1 : l’encodage déclaré « LATIN-KLINGON » n’est pas accepté ; un export"
                        + " SIECLE est en ISO-8859-15 (ISO-8859-1, windows-1252 et UTF-8 sont aussi lus).");
    }

    @Test
    void an_encoding_java_knows_but_no_export_is_in() {
        // a real file declares x-MacThai: read so, its Latin-9 bytes would turn HÉLÈNE-CŒUR into Thai letters
        String xml = samples.pupils().replace("ISO-8859-15", "x-MacThai").replace("BŒUF", "HÉLÈNE-CŒUR");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml),
                "ElevesSansAdresses.xml, ligne 1 : l’encodage déclaré « x-MacThai » n’est pas accepté ; un export"
                        + " SIECLE est en ISO-8859-15 (ISO-8859-1, windows-1252 et UTF-8 sont aussi lus).");
    }

    @Test
    void latin1_windows_1252_and_utf8_are_read_as_declared() {
        for (String encoding : List.of("ISO-8859-1", "windows-1252", "UTF-8")) {
            String xml = samples.pupils().replace("ISO-8859-15", encoding);

            ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml",
                    xml.getBytes(java.nio.charset.Charset.forName(encoding))));

            assertThat(analysis.errors()).as(encoding).isEmpty();
            assertThat(firstNames(analysis)).as(encoding).contains("Zoé", "Noël");
        }
    }

    @Test
    void an_undeclared_encoding_is_guessed_and_said() {
        String undeclared = samples.pupils().replace(" encoding=\"ISO-8859-15\"", "");
        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", undeclared));

        assertThat(texts(analysis.warnings())).contains(
                "ElevesSansAdresses.xml : l’encodage n’est pas déclaré ; le fichier a été lu en ISO-8859-15.");
        assertThat(firstNames(analysis)).contains("Noël", "Zoé");
    }

    @Test
    void a_utf8_byte_order_mark_is_read_as_utf8_and_said() {
        byte[] xml = samples.pupils().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", withBom));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml : le fichier commence par une marque"
                + " d’ordre des octets UTF-8 (BOM) ; il a été lu en UTF-8.");
        assertThat(lastNames(analysis)).contains("BŒUF");
    }

    @Test
    void utf8_declared_as_latin9_is_read_as_utf8_and_said() {
        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml",
                samples.pupils().getBytes(StandardCharsets.UTF_8)));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml : le fichier déclare l’encodage"
                + " ISO-8859-15 mais il est en UTF-8 (fichier retouché ?) ; il a été lu en UTF-8.");
        assertThat(lastNames(analysis)).contains("BŒUF", "MARTIN--DUPONT");
    }

    @Test
    void latin9_declared_as_utf8() {
        String xml = samples.pupils().replace("ISO-8859-15", "UTF-8");
        int line = lineOf(xml, "Zoé"); // the first byte that is not UTF-8
        assertRefused(samples.file("ElevesSansAdresses.xml", xml.getBytes(SiecleSamples.LATIN_9)),
                "ElevesSansAdresses.xml, ligne " + line + " : le fichier déclare l’encodage UTF-8 mais contient des"
                        + " octets invalides dans cet encodage.");
    }

    @Test
    void an_unclosed_tag() {
        String xml = samples.pupils().replace("<PRENOM>Noël</PRENOM>", "<PRENOM>Noël");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml),
                "ElevesSansAdresses.xml, ligne " + lineOf(xml, "</ELEVE>", lineOf(xml, "<PRENOM>Noël"))
                        + " : XML mal formé, l’élément"
                        + " <PRENOM> ouvert ligne " + lineOf(xml, "<PRENOM>Noël") + " n’est pas refermé correctement.");
    }

    @Test
    void mismatched_tag_names() {
        String xml = samples.guardians().replace("<PRENOM>Claire</PRENOM>", "<PRENOM>Claire</PRENON>");
        int line = lineOf(xml, "</PRENON>");
        assertRefused(samples.file("ResponsablesAvecAdresses.xml", xml),
                "ResponsablesAvecAdresses.xml, ligne " + line + " : XML mal formé, l’élément <PRENOM> ouvert ligne "
                        + line + " n’est pas refermé correctement.");
    }

    @Test
    void a_file_that_is_not_xml() {
        assertRefused(samples.file("ElevesSansAdresses.xml", "ELEVE_ID;NOM;PRENOM\n1001;MARTIN--DUPONT;Zoé\n"),
                "ElevesSansAdresses.xml : le fichier n’est pas du XML ; déposez l’export tel que SIECLE ou STS-web"
                        + " l’a produit (le fichier .xml, ou le .zip qui le contient).");
    }

    @Test
    void an_empty_file() {
        assertRefused(samples.file("ElevesSansAdresses.xml", "\n"),
                "ElevesSansAdresses.xml : le fichier ne contient aucun élément XML.");
    }

    @Test
    void a_file_with_only_the_xml_declaration_is_empty() {
        assertRefused(samples.file("ElevesSansAdresses.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n"),
                "ElevesSansAdresses.xml : le fichier ne contient aucun élément XML.");
    }

    @Test
    void files_that_are_not_xml_get_no_word_about_their_encoding() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        for (ExportFile file : List.of(samples.file("ElevesSansAdresses.csv", "ELEVE_ID;NOM;PRENOM\n1001;BŒUF;Noël\n"),
                samples.file("ElevesSansAdresses.xls", xls))) {
            ImportAnalysis analysis = analyse(file);

            assertThat(texts(analysis.errors())).as(file.name()).containsExactly(file.name() + " : le fichier n’est pas"
                    + " du XML ; déposez l’export tel que SIECLE ou STS-web l’a produit (le fichier .xml, ou le .zip qui"
                    + " le contient).");
            assertThat(analysis.warnings()).as(file.name()).isEmpty();
        }
    }

    @Test
    void a_truncated_file_is_said_truncated() {
        String xml = samples.pupils();
        String cut = xml.substring(0, xml.indexOf("<PRENOM>Anne-Sophie"));
        assertRefused(samples.file("ElevesSansAdresses.xml", cut), "ElevesSansAdresses.xml : le fichier s’arrête au"
                + " milieu de l’élément <ELEVE> ouvert ligne " + lineOf(xml, "1003\" ELENOET") + " : il semble tronqué"
                + " (téléchargement ou copie interrompus ?) ; exportez-le de nouveau.");
    }

    @Test
    void a_pupil_without_any_name_is_said_unnamed() {
        String xml = samples.pupils().replace("<NOM_DE_FAMILLE>N'DIAYE</NOM_DE_FAMILLE>", "")
                .replace("<PRENOM>Moussa</PRENOM>", "");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "1004\" ELENOET") + " : l’élève sans nom (ELEVE_ID 1004) n’a pas de nom.");
    }

    @Test
    void a_pupil_in_a_division_named_inactifs_without_leaving_date_stays_and_it_is_said() {
        String xml = samples.pupils().replace("<CODE_STRUCTURE>5B</CODE_STRUCTURE>",
                "<CODE_STRUCTURE>Inactifs</CODE_STRUCTURE>");

        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", xml));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "1003\" ELENOET") + " : l’élève BŒUF Anne-Sophie est dans la division « Inactifs »"
                + " mais n’a pas de date de sortie (DATE_SORTIE) : pour SIECLE, l’élève est toujours inscrit(e), et"
                + " son compte reste actif. Si l’élève est parti(e), renseignez sa date de sortie dans SIECLE.");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4);
    }

    @Test
    void an_ampersand_written_as_is() {
        String xml = samples.guardians().replace("<NOM_DE_FAMILLE>DUPONT</NOM_DE_FAMILLE>",
                "<NOM_DE_FAMILLE>DUPONT & FILS</NOM_DE_FAMILLE>");
        assertRefused(samples.file("ResponsablesAvecAdresses.xml", xml), "ResponsablesAvecAdresses.xml, ligne "
                + lineOf(xml, "DUPONT & FILS") + " : XML mal formé, un caractère « & » doit s’écrire « &amp; »"
                + " (ou l’entité qui le suit n’existe pas en XML).");
    }

    @Test
    void a_control_character() {
        String xml = samples.pupils().replace("<PRENOM>Moussa</PRENOM>", "<PRENOM>Mou\u0001ssa</PRENOM>");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "Mou\u0001ssa") + " : XML mal formé, le fichier contient un caractère interdit en XML"
                + " (U+0001).");
    }

    @Test
    void two_exports_put_end_to_end() {
        String xml = samples.pupils() + samples.pupils();
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "<?xml", 2) + " : XML mal formé, du contenu suit la fin de l’élément <BEE_ELEVES> qui"
                + " doit terminer le fichier (deux fichiers mis bout à bout ?).");
    }

    @Test
    void other_xml_faults_are_said_in_plain_french_with_their_place() {
        String xml = samples.pupils().replace("<PRENOM>Moussa</PRENOM>", "<PRENOM>Moussa <3</PRENOM>");
        int line = lineOf(xml, "Moussa <3"); // the parser stops at the 3, column 17, just after the stray <
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne " + line
                + ", colonne 17 : XML mal formé ; corrigez le fichier à cet endroit ou exportez-le de nouveau.");
    }

    @Test
    void a_doctype_and_its_external_entities_are_refused_unread() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "mot de passe");
        String xml = samples.pupils().replace("<BEE_ELEVES VERSION=\"3.5\">",
                "<!DOCTYPE BEE_ELEVES [<!ENTITY vol SYSTEM \"" + secret.toUri() + "\">]>\n<BEE_ELEVES VERSION=\"3.5\">")
                .replace("<PRENOM>Zoé</PRENOM>", "<PRENOM>&vol;</PRENOM>");

        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", xml));

        assertThat(texts(analysis.errors())).containsExactly("ElevesSansAdresses.xml, ligne 2 : le fichier contient"
                + " une déclaration DOCTYPE, refusée par sécurité (un export SIECLE n’en contient pas).");
        assertThat(analysis.toString()).doesNotContain("mot de passe");
    }

    @Test
    void a_duplicate_ine_is_a_warning_naming_both_pupils() {
        String xml = samples.pupils().replace("0123456789C", "0123456789B");
        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", xml));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "0123456789B", lineOf(xml, "1003\" ELENOET"))
                + " : l’INE 0123456789B de l’élève BŒUF Anne-Sophie est aussi celui de BŒUF Noël (ligne "
                + lineOf(xml, "0123456789B") + ").");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4);
    }

    @Test
    void two_pupils_with_the_same_eleve_id_are_refused_naming_both() {
        String xml = samples.pupils().replace("<ELEVE ELEVE_ID=\"1002\"", "<ELEVE ELEVE_ID=\"1001\"");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "ELEVE_ID=\"1001\" ELENOET=\"102\"") + " : l’élève BŒUF Noël a le même identifiant"
                + " (ELEVE_ID 1001) que l’élève MARTIN--DUPONT Zoé (ligne " + lineOf(xml, "ELEVE_ID=\"1001\" ELENOET")
                + ") ; un identifiant désigne une seule personne : exportez de nouveau le fichier depuis SIECLE.");
    }

    @Test
    void the_same_pupil_written_twice_is_one_account_and_a_warning() {
        String moussa = "<ELEVE ELEVE_ID=\"1004\" ELENOET=\"104\">\n<NOM_DE_FAMILLE>N'DIAYE</NOM_DE_FAMILLE>\n"
                + "<PRENOM>Moussa</PRENOM>\n<DATE_NAISS>14/07/2014</DATE_NAISS>\n<CODE_SEXE>1</CODE_SEXE>\n</ELEVE>\n";
        String xml = samples.pupils().replace("</ELEVES>", moussa + "</ELEVES>");
        int second = lineOf(xml, "ELEVE_ID=\"1004\"", lineOf(xml, "ELEVE_ID=\"1004\"") + 1);

        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", xml));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml, ligne " + second + " : l’élève"
                + " N'DIAYE Moussa (ELEVE_ID 1004) figure deux fois dans le fichier, avec les mêmes nom, prénom et"
                + " date de naissance (aussi ligne " + lineOf(xml, "ELEVE_ID=\"1004\"") + ") : un seul compte.");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4);
    }

    @Test
    void two_guardians_with_the_same_personne_id_are_refused_naming_both() {
        String xml = samples.guardians().replace("<PERSONNE PERSONNE_ID=\"2004\">", "<PERSONNE PERSONNE_ID=\"2001\">");
        assertRefused(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                        samples.file("ResponsablesAvecAdresses.xml", xml)), "ResponsablesAvecAdresses.xml, ligne "
                + lineOf(xml, "<PERSONNE PERSONNE_ID=\"2001\">", lineOf(xml, "Claire")) + " : le responsable"
                + " N'DIAYE Ibrahima a le même identifiant (PERSONNE_ID 2001) que MARTIN Claire (ligne "
                + lineOf(xml, "PERSONNE_ID=\"2001\"") + ") ; un identifiant désigne une seule personne : exportez"
                + " de nouveau le fichier depuis SIECLE.");
    }

    @Test
    void two_staff_members_with_the_same_id_are_refused_naming_both() {
        String xml = samples.staff().replace("<INDIVIDU ID=\"3002\"", "<INDIVIDU ID=\"3001\"");
        assertRefused(samples.file(samples.staffFileName(), xml), samples.staffFileName() + ", ligne "
                + (lineOf(xml, "LEROY") - 1) + " : l’individu LEROY François a le même identifiant (ID 3001) que DURAND"
                + " Béatrice (ligne " + lineOf(xml, "<INDIVIDU ID=\"3001\"") + ") ; un identifiant désigne une seule"
                + " personne : exportez de nouveau le fichier depuis STS-web.");
    }

    @Test
    void a_division_code_given_twice_with_two_labels_is_refused() {
        String xml = samples.staff().replace("<DIVISION CODE=\"5B\"><LIBELLE_LONG>5EME B",
                "<DIVISION CODE=\"6A\"><LIBELLE_LONG>5EME B");
        assertRefused(samples.file(samples.staffFileName(), xml), samples.staffFileName() + ", ligne "
                + lineOf(xml, "5EME B") + " : la division 6A est décrite deux fois, sous les libellés « 6EME A »"
                + " (ligne " + lineOf(xml, "6EME A") + ") et « 5EME B » ; exportez de nouveau le fichier depuis"
                + " STS-web.");
    }

    @Test
    void a_guardian_linked_twice_to_one_pupil_is_one_link() {
        String twice = "<RESPONSABLE_ELEVE><ELEVE_ID>1001</ELEVE_ID><PERSONNE_ID>2001</PERSONNE_ID><CODE_PARENTE>20"
                + "</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>\n";
        String xml = samples.guardians().replace("</RESPONSABLES>", twice + "</RESPONSABLES>");

        ImportAnalysis analysis = analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", xml)));

        assertThat(texts(analysis.warnings())).contains("ResponsablesAvecAdresses.xml, ligne "
                + lineOf(xml, twice.strip()) + " : le lien entre le responsable PERSONNE_ID 2001 et l’élève ELEVE_ID"
                + " 1001 figure deux fois (aussi ligne " + lineOf(xml, "<ELEVE_ID>1001</ELEVE_ID><PERSONNE_ID>2001")
                + ") : seul le premier est gardé.");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4 + 4);
    }

    @Test
    void a_value_longer_than_the_directory_keeps_is_refused() {
        String xml = samples.pupils().replace("0123456789A", "0123456789A0123456789A");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "0123456789A0123456789A") + " : <ID_NATIONAL> de MARTIN--DUPONT Zoé (ELEVE_ID 1001) a 22"
                + " caractères, l’annuaire en garde 20 au plus ; corrigez le fichier ou exportez-le de nouveau.");
    }

    @Test
    void a_division_code_longer_than_the_directory_keeps_is_refused() {
        String code = "6A".repeat(30);
        String xml = samples.pupils().replace("<CODE_STRUCTURE>5B</CODE_STRUCTURE>",
                "<CODE_STRUCTURE>" + code + "</CODE_STRUCTURE>");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, code) + " : <CODE_STRUCTURE> de BŒUF Anne-Sophie (ELEVE_ID 1003) a 60 caractères,"
                + " l’annuaire en garde 50 au plus ; corrigez le fichier ou exportez-le de nouveau.");
    }

    @Test
    void a_pupil_in_no_class_is_a_warning() {
        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", samples.pupils()));

        assertThat(texts(analysis.warnings())).containsExactly("ElevesSansAdresses.xml, ligne "
                + lineOf(samples.pupils(), "1004\" ELENOET") + " : l’élève N'DIAYE Moussa n’est affecté(e) à aucune"
                + " classe ; son compte sera créé sans classe.");
    }

    @Test
    void a_pupil_without_first_name() {
        String xml = samples.pupils().replace("<PRENOM>Moussa</PRENOM>", "<PRENOM></PRENOM>");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "<PRENOM></PRENOM>") + " : l’élève N'DIAYE (ELEVE_ID 1004) n’a pas de prénom.");
    }

    @Test
    void a_pupil_without_last_name() {
        String xml = samples.pupils().replace("<NOM_DE_FAMILLE>N'DIAYE</NOM_DE_FAMILLE>", "");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "1004\" ELENOET") + " : l’élève Moussa (ELEVE_ID 1004) n’a pas de nom.");
    }

    @Test
    void a_pupil_without_sex_or_birth_date_is_a_warning() {
        String xml = samples.pupils().replace("<DATE_NAISS>14/07/2014</DATE_NAISS>", "<DATE_NAISS/>")
                .replace("<CODE_SEXE>1</CODE_SEXE>\n</ELEVE>\n</ELEVES>", "\n</ELEVE>\n</ELEVES>");

        ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml", xml));

        assertThat(texts(analysis.warnings())).contains(
                "ElevesSansAdresses.xml, ligne " + lineOf(xml, "<DATE_NAISS/>")
                        + " : l’élève N'DIAYE Moussa n’a pas de date de naissance.",
                "ElevesSansAdresses.xml, ligne " + lineOf(xml, "1004\" ELENOET")
                        + " : le sexe de l’élève N'DIAYE Moussa n’est pas renseigné.");
        assertThat(analysis.refused()).isFalse();
    }

    @Test
    void a_date_in_the_wrong_format_names_the_pupil_and_the_line_of_the_date() {
        String xml = samples.pupils().replace("12/03/2014", "2014-03-12");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "2014-03-12") + " : date « 2014-03-12 » invalide dans <DATE_NAISS> de l’élève"
                + " MARTIN--DUPONT Zoé (ELEVE_ID 1001) ; attendu : jj/mm/aaaa.");
    }

    @Test
    void a_staff_date_in_the_wrong_format_names_the_person() {
        String xml = samples.staff().replace("1980-05-17", "17/05/1980");
        assertRefused(samples.file(samples.staffFileName(), xml), samples.staffFileName() + ", ligne "
                + lineOf(xml, "17/05/1980") + " : date « 17/05/1980 » invalide dans <DATE_NAISSANCE> de l’individu"
                + " DURAND Béatrice (ID 3001) ; attendu : aaaa-mm-jj.");
    }

    @Test
    void a_zip_without_xml() {
        assertRefused(samples.zip("ElevesSansAdresses.zip", "LISEZMOI.txt", "rien"),
                "ElevesSansAdresses.zip : l’archive zip ne contient aucun fichier XML.");
    }

    @Test
    void a_zip_with_several_xml_files() {
        assertRefused(samples.zip("exports.zip", "ElevesSansAdresses.xml", samples.pupils(),
                        "ResponsablesAvecAdresses.xml", samples.guardians()),
                "exports.zip : l’archive zip contient plusieurs fichiers XML (ElevesSansAdresses.xml,"
                        + " ResponsablesAvecAdresses.xml) ; déposez chaque export séparément.");
    }

    @Test
    void a_truncated_zip_is_said_so_and_leaves_nothing_unpacked_on_disk() throws IOException {
        Set<Path> before = unpackedExports();
        ExportFile whole = samples.zip("ElevesSansAdresses.zip", "ElevesSansAdresses.xml", samples.pupils());
        byte[] bytes = Files.readAllBytes(whole.path());
        ExportFile truncated = samples.file("ElevesSansAdresses.zip", Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(truncated, "ElevesSansAdresses.zip : l’archive zip est tronquée (téléchargement interrompu ?) ;"
                + " téléchargez-la de nouveau.");
        assertThat(unpackedExports()).as("unpacked pupils' data left on disk").isSubsetOf(before);
    }

    @Test
    void a_zipped_export_refused_in_the_middle_of_its_reading_leaves_nothing_unpacked_on_disk() {
        Set<Path> before = unpackedExports();
        String xml = samples.pupils().replace("<PRENOM>Noël</PRENOM>", "<PRENOM>Noël");

        ImportAnalysis analysis = analyse(samples.zip("ElevesSansAdresses.zip", "ElevesSansAdresses.xml", xml));

        assertThat(analysis.refused()).isTrue();
        assertThat(unpackedExports()).as("unpacked pupils' data left on disk").isSubsetOf(before);
    }

    @Test
    void a_zip_bomb_is_refused_after_reading_no_more_than_the_limit() throws IOException {
        Path bomb = folder.resolve("bombe.zip");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("ElevesSansAdresses.xml"));
            for (int i = 0; i < 101; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        assertRefused(new ExportFile("bombe.zip", bomb),
                "bombe.zip : l’archive zip se décompresse en plus de 100 Mo ; elle est refusée par précaution.");
    }

    @Test
    void an_oversized_file() throws IOException {
        Path big = folder.resolve("gros.xml");
        try (var out = Files.newByteChannel(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            out.position(101L << 20).write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        assertRefused(new ExportFile("gros.xml", big), "gros.xml : fichier trop volumineux (102 Mo ; au plus 100 Mo).");
    }

    @Test
    void two_exports_of_the_same_kind() {
        assertRefused(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                        samples.file("ElevesAvecAdresses.xml", samples.pupils())),
                "ElevesSansAdresses.xml et ElevesAvecAdresses.xml sont deux exports du même type ; n’en déposez qu’un.");
    }

    @Test
    void guardians_of_pupils_the_import_does_not_know_are_counted_in_a_warning() {
        String xml = samples.guardians().replace("<ELEVE_ID>1004</ELEVE_ID>", "<ELEVE_ID>9004</ELEVE_ID>");
        ImportAnalysis analysis = analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", xml)));

        assertThat(texts(analysis.warnings())).contains("ResponsablesAvecAdresses.xml : un responsable légal n’est"
                + " lié à aucun élève connu de l’établissement (ni dans le fichier des élèves, ni parmi les élèves déjà"
                + " importés) : il n’aura pas de compte. Déposez le fichier des élèves avec celui des responsables.");
        assertThat(analysis.changes().count(ChangeKind.CREATE)).isEqualTo(4 + 3);
    }

    @Test
    void a_guardians_file_without_the_pupils_it_names_is_refused() {
        assertRefused(samples.file("ResponsablesAvecAdresses.xml", samples.guardians()), "ResponsablesAvecAdresses.xml :"
                + " aucun des 4 responsables légaux de ce fichier n’est lié à un élève de l’établissement (ni dans le"
                + " fichier des élèves, ni parmi les élèves déjà importés) : aucun parent n’aurait de compte, et ceux"
                + " qui en ont passeraient en pré-suppression. Vérifiez qu’il s’agit du fichier de cet établissement et"
                + " déposez-le avec celui des élèves.");
    }

    @Test
    void a_guardians_file_whose_links_name_none_of_the_schools_pupils_does_not_send_the_parents_away() {
        ImportAnalysis first = analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", samples.guardians())));
        assertThat(first.changes().count(ChangeKind.CREATE)).isEqualTo(4 + 4);

        String otherSchools = samples.guardians().replace("<ELEVE_ID>100", "<ELEVE_ID>700");
        assertRefused(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                        samples.file("ResponsablesAvecAdresses.xml", otherSchools)), "ResponsablesAvecAdresses.xml :"
                + " aucun des 4 responsables légaux de ce fichier n’est lié à un élève de l’établissement (ni dans le"
                + " fichier des élèves, ni parmi les élèves déjà importés) : aucun parent n’aurait de compte, et ceux"
                + " qui en ont passeraient en pré-suppression. Vérifiez qu’il s’agit du fichier de cet établissement et"
                + " déposez-le avec celui des élèves.");
    }

    @Test
    void a_guardians_file_that_names_no_legal_guardian_is_refused() {
        String xml = samples.guardians().replaceAll("<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE>", "")
                .replace("<RESP_LEGAL>1</RESP_LEGAL>", "");
        assertRefused(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                        samples.file("ResponsablesAvecAdresses.xml", xml)), "ResponsablesAvecAdresses.xml : aucun lien"
                + " RESPONSABLE_ELEVE de ce fichier ne désigne un responsable légal (NIVEAU_RESPONSABILITE ou"
                + " RESP_LEGAL) : aucun parent n’aurait de compte, et ceux qui en ont passeraient en pré-suppression."
                + " Vérifiez qu’il s’agit bien de l’export ResponsablesAvecAdresses de SIECLE.");
    }

    @Test
    void a_guardians_file_that_would_send_most_parents_to_pre_deletion_asks_for_a_confirmation() {
        analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", samples.guardians())));
        String fewLegal = samples.guardians() // only MARTIN Claire stays a legal guardian
                .replace("<PERSONNE_ID>2002</PERSONNE_ID><CODE_PARENTE>20</CODE_PARENTE><NIVEAU_RESPONSABILITE>1",
                        "<PERSONNE_ID>2002</PERSONNE_ID><CODE_PARENTE>20</CODE_PARENTE><NIVEAU_RESPONSABILITE>2")
                .replace("<PERSONNE_ID>2003</PERSONNE_ID><CODE_PARENTE>10</CODE_PARENTE><NIVEAU_RESPONSABILITE>1",
                        "<PERSONNE_ID>2003</PERSONNE_ID><CODE_PARENTE>10</CODE_PARENTE><NIVEAU_RESPONSABILITE>2")
                .replace("<RESP_LEGAL>1</RESP_LEGAL>", "<RESP_LEGAL>0</RESP_LEGAL>");

        ImportAnalysis analysis = imports.analyse(uai, List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", fewLegal)));

        assertThat(analysis.changes().count(ChangeKind.PRE_DELETE)).isEqualTo(3);
        assertThat(texts(analysis.warnings())).contains("ResponsablesAvecAdresses.xml : cet import passerait en"
                + " pré-suppression 3 des 4 comptes actifs du profil « Parent » (75 %). À la rentrée, la classe qui quitte"
                + " l’établissement en fait partir une part ; au-delà, c’est le signe d’un export d’une autre année ou"
                + " d’un autre établissement, ou d’un export incomplet : vérifiez les fichiers ; pour l’appliquer quand"
                + " même, il faut le confirmer expressément.");
        assertThat(analysis.needsConfirmation()).isTrue();
    }

    @Test
    void a_pupils_file_that_would_send_most_pupils_to_pre_deletion_asks_for_the_same_confirmation() {
        analyse(samples.file("ElevesSansAdresses.xml", samples.pupils()));
        String yesterday = LocalDate.now(clock).minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern(
                "dd/MM/yyyy"));
        String left = samples.pupils();
        for (String name : List.of("Zoé", "Noël", "Anne-Sophie")) {
            left = left.replace("<PRENOM>" + name + "</PRENOM>", "<PRENOM>" + name + "</PRENOM><DATE_SORTIE>"
                    + yesterday + "</DATE_SORTIE>");
        }

        ImportAnalysis analysis = imports.analyse(uai, List.of(samples.file("ElevesSansAdresses.xml", left)));

        assertThat(texts(analysis.warnings())).contains("ElevesSansAdresses.xml : cet import passerait en"
                + " pré-suppression 3 des 4 comptes actifs du profil « Élève » (75 %). À la rentrée, la classe qui quitte"
                + " l’établissement en fait partir une part ; au-delà, c’est le signe d’un export d’une autre année ou"
                + " d’un autre établissement, ou d’un export incomplet : vérifiez les fichiers ; pour l’appliquer quand"
                + " même, il faut le confirmer expressément.");
        assertThat(analysis.needsConfirmation()).isTrue();
        assertThat(imports.analyse(uai, List.of(samples.file("ElevesSansAdresses.xml", samples.pupils())))
                .needsConfirmation()).isFalse();
    }

    @Test
    void windows_1252_under_a_latin_declaration_is_read_as_windows_1252_and_said() {
        for (String declared : List.of("ISO-8859-15", "ISO-8859-1")) {
            String xml = samples.pupils().replace("ISO-8859-15", declared)
                    .replace("<PRENOM>Noël</PRENOM>", "<PRENOM>Cocœ</PRENOM>");

            ImportAnalysis analysis = analyse(samples.file("ElevesSansAdresses.xml",
                    xml.getBytes(java.nio.charset.Charset.forName("windows-1252"))));

            assertThat(texts(analysis.warnings())).as(declared).contains("ElevesSansAdresses.xml, ligne "
                    + lineOf(xml, "BŒUF") + " : le fichier déclare l’encodage " + declared + " mais contient des"
                    + " caractères écrits en windows-1252 (œ, Œ, €, guillemets d’un tableur ou d’un éditeur sous"
                    + " Windows) ; il a été lu en windows-1252.");
            assertThat(firstNames(analysis)).as(declared).contains("Cocœ");
            assertThat(lastNames(analysis)).as(declared).contains("BŒUF");
        }
        List<String> logins = jdbc.sql("select login from account where school_uai = ?").param(uai)
                .query(String.class).list(); // with a counter when another test's school took the login first
        assertThat(logins).allMatch(login -> login.matches("[a-z0-9.-]+"))
                .anyMatch(login -> login.matches("cocoe\\.boeuf\\d*"));
    }

    @Test
    void a_control_byte_windows_1252_does_not_define_either_is_refused() {
        String xml = samples.pupils().replace("<PRENOM>Moussa</PRENOM>", "<PRENOM>Mou\u0081ssa</PRENOM>");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml), "ElevesSansAdresses.xml, ligne "
                + lineOf(xml, "Mou\u0081ssa") + " : le fichier contient l’octet 0x81, un caractère de contrôle qui"
                + " n’a pas sa place dans un export (ni en ISO-8859-15 ni en windows-1252) ; exportez de nouveau le"
                + " fichier.");
    }

    @Test
    void a_c1_control_character_in_a_name_is_refused_whatever_the_encoding() {
        String xml = samples.pupils().replace("ISO-8859-15", "UTF-8")
                .replace("<PRENOM>Noël</PRENOM>", "<PRENOM>Coc\u009C</PRENOM>");
        assertRefused(samples.file("ElevesSansAdresses.xml", xml.getBytes(StandardCharsets.UTF_8)),
                "ElevesSansAdresses.xml, ligne " + lineOf(xml, "Coc\u009C") + " : <PRENOM> de BŒUF Coc (ELEVE_ID 1002)"
                        + " contient un caractère de contrôle (U+009C) qui ne peut figurer ni dans un nom ni dans une"
                        + " adresse ; corrigez le fichier ou exportez-le de nouveau.");
    }

    @Test
    void an_export_without_school_year_is_refused_whatever_its_kind() {
        String pupils = samples.pupils().replaceAll("<ANNEE_SCOLAIRE>\\d+</ANNEE_SCOLAIRE>\n", "");
        assertThat(pupils).doesNotContain("ANNEE_SCOLAIRE");
        assertRefused(samples.file("ElevesSansAdresses.xml", pupils), "ElevesSansAdresses.xml : l’année scolaire"
                + " (ANNEE_SCOLAIRE) est absente des paramètres du fichier ; rien ne dit qu’il s’agit d’un export de"
                + " l’année " + year + "-" + (year + 1) + " : exportez-le de nouveau.");

        String staff = samples.staff().replaceAll("<ANNEE_SCOLAIRE ANNEE=\"\\d+\"/>\n", "");
        assertThat(staff).doesNotContain("ANNEE_SCOLAIRE");
        assertRefused(samples.file(samples.staffFileName(), staff), samples.staffFileName() + " : l’année scolaire"
                + " (ANNEE_SCOLAIRE) est absente des paramètres du fichier ; rien ne dit qu’il s’agit d’un export de"
                + " l’année " + year + "-" + (year + 1) + " : exportez-le de nouveau.");
    }

    @Test
    void an_invalid_email_is_ignored_with_a_warning() {
        String xml = samples.guardians().replace("claire.martin@exemple.fr", "claire.martin@@exemple");
        ImportAnalysis analysis = analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", xml)));

        assertThat(texts(analysis.warnings())).contains("ResponsablesAvecAdresses.xml, ligne "
                + lineOf(xml, "claire.martin@@exemple") + " : l’adresse électronique « claire.martin@@exemple » de"
                + " MARTIN Claire est invalide ; elle est ignorée.");
    }

    @Test
    void an_error_in_one_file_refuses_the_others_too() {
        String broken = samples.guardians().replace("<PRENOM>Claire</PRENOM>", "<PRENOM>Claire");
        ImportAnalysis analysis = analyse(List.of(samples.file("ElevesSansAdresses.xml", samples.pupils()),
                samples.file("ResponsablesAvecAdresses.xml", broken)));

        assertThat(analysis.refused()).isTrue();
        assertThat(analysis.changes().isEmpty()).isTrue();
    }

    private void assertRefused(ExportFile file, String message) {
        assertRefused(List.of(file), message);
    }

    private void assertRefused(List<ExportFile> files, String message) {
        ImportAnalysis analysis = analyse(files);
        assertThat(texts(analysis.errors())).containsExactly(message);
        assertThat(analysis.refused()).isTrue();
        assertThat(accounts()).as("accounts written for a refused import").isEqualTo(created);
    }

    private ImportAnalysis analyse(ExportFile file) {
        return analyse(List.of(file));
    }

    /**
     * Analyses, then applies what the analysis accepted, as the director (or {@code import-siecle} without
     * {@code --dry-run}) would: an analysis that says yes must be followed by an import that succeeds.
     */
    private ImportAnalysis analyse(List<ExportFile> files) {
        ImportAnalysis analysis = imports.analyse(uai, files);
        if (!analysis.refused()) {
            // confirmed when asked, as the director ticks the box (or gives --confirm-pre-deletion)
            RosterChanges applied = imports.apply(analysis, "siecle-defects", analysis.needsConfirmation());
            assertThat(applied.count(ChangeKind.CREATE)).isEqualTo(analysis.changes().count(ChangeKind.CREATE));
            created += applied.count(ChangeKind.CREATE);
            assertThat(accounts()).isEqualTo(created);
        }
        return analysis;
    }

    /** The XML files unpacked from zips, in the temporary folder they are unpacked to. */
    private static Set<Path> unpackedExports() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("rentree-siecle-.*\\.xml"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account where school_uai = ?").param(uai).query(Long.class).single();
    }

    private List<String> texts(List<Finding> findings) {
        return findings.stream()
                .map(finding -> messages.getMessage(finding.messageKey(), finding.arguments(), Locale.FRENCH))
                .map(Typography::plain).toList();
    }

    private static List<String> firstNames(ImportAnalysis analysis) {
        return analysis.roster().entries().stream().map(entry -> entry.firstName()).toList();
    }

    private static List<String> lastNames(ImportAnalysis analysis) {
        return analysis.roster().entries().stream().map(entry -> entry.lastName()).toList();
    }

    private static int lineOf(String text, String part) {
        return lineOf(text, part, 1);
    }

    /** The line of the first occurrence of a part at or after a line. */
    private static int lineOf(String text, String part, int fromLine) {
        int from = 0;
        for (int line = 1; line < fromLine; line++) {
            from = text.indexOf('\n', from) + 1;
        }
        return (int) text.substring(0, text.indexOf(part, from)).chars().filter(c -> c == '\n').count() + 1;
    }
}
