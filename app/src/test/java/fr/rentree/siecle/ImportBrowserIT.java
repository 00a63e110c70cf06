package fr.rentree.siecle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.sheets.domain.SheetPrintRepository;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SampleExports.SampleExport;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.TestSampleExports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The director's import, in a real Chromium: upload the three exports, read the preview, confirm, find the accounts
 * and the statistics; then an export where a pupil left puts that pupil in pré-suppression.
 */
@RentreeIntegrationTest
class ImportBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    SheetPrintRepository prints;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;
    @Autowired
    SiecleImportService imports;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestSampleExports sampleExports;
    @TempDir
    Path folder;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        fixtures.emptyDirectory();
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void a_director_imports_the_three_exports_then_a_pupil_who_left_goes_to_pre_deletion() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Germaine-Tillion");
        SiecleSamples samples = new SiecleSamples(folder, school.school().uai(),
                SchoolYear.of(LocalDate.now(clock)).startYear());
        Path[] files = named(samples.all());

        browser.open("http://localhost:" + port + "/import");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("h2", "Import SIECLE / STS-web");
        browser.upload("vaadin-upload", files);
        browser.awaitText("span", "Fichiers déposés");
        browser.awaitText("vaadin-button", "Analyser les fichiers").click();

        browser.awaitText("h3", "Aperçu des changements");
        browser.awaitText("span", "Comptes à créer : 11");
        browser.awaitText("li", "l’élève N'DIAYE Moussa n’est affecté(e) à aucune classe");
        browser.awaitText("vaadin-grid-cell-content", "MARTIN--DUPONT");
        browser.screenshot("import-preview");
        browser.awaitText("vaadin-button", "Appliquer l’import").click();
        browser.awaitDeepText("vaadin-confirm-dialog-overlay", "11 comptes à créer");
        browser.screenshot("import-confirm");
        browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
        browser.awaitText("p", "Import effectué : 11 comptes créés");

        browser.awaitText("vaadin-side-nav-item", "Mon établissement").click();
        browser.awaitText("h3", "Statistiques");
        browser.awaitText("vaadin-grid-cell-content", "zoe.martin-dupont");
        browser.scrollTo("#class-statistics"); // above the accounts, out of view
        browser.awaitText("vaadin-grid-cell-content", "6EME A");
        assertThat(browser.deepText("#school-statistics")).contains("Élève 0 4", "Parent 0 4", "Enseignant 0 2");
        browser.screenshot("school-overview");

        // a lost sheet: the director gives Zoé a new code, the old one stops working
        long zoe = accountId("zoe.martin-dupont");
        ActivationCode before = directory.activationCode(zoe).orElseThrow();
        browser.await(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='zoe.martin-dupont']"));
        browser.await(By.xpath("(//vaadin-button[contains(., 'Nouveau code')])[" + rowOf("zoe.martin-dupont") + "]"))
                .click();
        browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Donner un nouveau code d’activation à Zoé MARTIN--DUPONT");
        browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
        String shown = browser.await(By.id("new-activation-code")).getText();
        browser.screenshot("new-activation-code");
        assertThat(shown).matches("[" + ActivationCode.ALPHABET + "]{8}").isNotEqualTo(before.value());
        assertThat(directory.activationCode(zoe)).contains(new ActivationCode(shown));
        // her sheet, printed from the dialog: one page, the new code on it, the print on record
        Browser.Download sheet = browser.downloadFile(browser.await(By.cssSelector(
                "vaadin-confirm-dialog-overlay a.print-sheet")));
        assertThat(sheet.fileName()).isEqualTo("fiche-zoe.martin-dupont.pdf");
        try (PDDocument pdf = Loader.loadPDF(sheet.content())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("zoe.martin-dupont", shown);
        }
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(school.school().uai())).singleElement()
                .satisfies(print -> assertThat(print.selection()).isEqualTo("account=zoe.martin-dupont"));
        browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
        // and from the list, any account's sheet, activated or not
        WebElement fromList = browser.await(By.xpath("(//a[contains(@class, 'print-sheet')])["
                + rowOf("zoe.martin-dupont", "") + "]"));
        try (PDDocument pdf = Loader.loadPDF(browser.download(fromList))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("zoe.martin-dupont", shown);
        }

        String yesterday = LocalDate.now(clock).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Path left = Files.writeString(folder.resolve("ElevesSansAdresses.xml"), samples.pupils().replace(
                "<PRENOM>Noël</PRENOM>", "<PRENOM>Noël</PRENOM><DATE_SORTIE>" + yesterday + "</DATE_SORTIE>"),
                SiecleSamples.LATIN_9);
        browser.awaitText("vaadin-side-nav-item", "Import SIECLE").click();
        browser.upload("vaadin-upload", left);
        browser.awaitText("span", "Fichiers déposés"); // the line pushes the buttons down: a click before it misses
        browser.awaitText("vaadin-button", "Analyser les fichiers").click();
        browser.awaitText("span", "Comptes à passer en pré-suppression : 1");
        browser.awaitText("vaadin-grid-cell-content", "Noël");
        browser.screenshot("import-leaver");
        // meanwhile, the same export is imported from elsewhere (another session, the scheduled command)
        imports.apply(imports.analyse(school.school().uai(),
                List.of(new fr.rentree.siecle.domain.ExportFile("ElevesSansAdresses.xml", left))), "autre session");
        browser.awaitText("vaadin-button", "Appliquer l’import").click();
        browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
        browser.awaitText("p", "Import effectué : aucun compte créé, 0 mis à jour, 0 en pré-suppression");
        browser.awaitText("p", "avaient changé entre l’aperçu et votre confirmation");
        browser.screenshot("import-changed-meanwhile");

        browser.awaitText("vaadin-side-nav-item", "Mon établissement").click();
        browser.awaitText("vaadin-grid-cell-content", "zoe.martin-dupont");
        assertThat(browser.deepText("#accounts")).doesNotContain("noel.boeuf");
        browser.awaitText("vaadin-select", "Comptes en service").click();
        browser.awaitText("vaadin-select-item", "En pré-suppression").click();
        browser.awaitText("vaadin-grid-cell-content", "noel.boeuf");
        browser.awaitText("vaadin-grid-cell-content", "Pré-suppression");
        browser.screenshot("school-pre-deletion");
    }

    @Test
    void the_server_refuses_one_file_too_many_even_when_the_browser_lets_it_through() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Simone-Veil");
        Path[] seven = new Path[7];
        for (int i = 0; i < seven.length; i++) {
            seven[i] = Files.writeString(folder.resolve("export-" + (i + 1) + ".xml"), "<BEE_ELEVES/>");
        }

        openImport(school.director());
        browser.upload("vaadin-upload", seven);

        String refused = browser.awaitText("p", "n’a pas été reçu : un import compte 6 fichiers au plus. Rien n’en a"
                + " été gardé ni importé.").getText();
        browser.awaitText("span", "Fichiers déposés");
        browser.screenshot("import-one-file-too-many");
        String kept = browser.await(By.xpath("//span[contains(., 'Fichiers déposés')]")).getText();
        String refusedName = refused.replaceAll("(?s).*«\\s*(export-\\d\\.xml)\\s*».*", "$1");
        assertThat(refusedName).matches("export-\\d\\.xml");
        assertThat(kept).doesNotContain(refusedName);
        assertThat(kept.split(",")).hasSize(6);
        assertThat(accounts(school.school().uai())).isZero();
    }

    @Test
    void the_server_refuses_a_file_larger_than_the_limit_even_when_the_browser_lets_it_through() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Olympe-de-Gouges");
        Path tooLarge = folder.resolve("ElevesAvecAdresses.xml");
        try (RandomAccessFile file = new RandomAccessFile(tooLarge.toFile(), "rw")) {
            file.setLength(DataSize.ofMegabytes(100).toBytes() + 1); // one byte over rentree.siecle.max-file-size
        }

        openImport(school.director());
        browser.upload("vaadin-upload", tooLarge);

        browser.awaitText("p", "Le fichier « ElevesAvecAdresses.xml » n’a pas été reçu : il dépasse 100 Mo, la taille"
                + " d’un fichier d’import. Rien n’en a été gardé ni importé.");
        browser.screenshot("import-file-too-large");
        assertThat(browser.await(By.xpath("//vaadin-button[contains(., 'Analyser les fichiers')]"))
                .getDomProperty("disabled")).isEqualTo("true");
        assertThat(accounts(school.school().uai())).isZero();
    }

    /** The import screen, its upload told to accept anything: a client that ignores the component's own limits. */
    private void openImport(String director) {
        browser.open("http://localhost:" + port + "/import");
        browser.signIn(director, Fixtures.PASSWORD);
        browser.awaitText("h2", "Import SIECLE / STS-web");
        browser.driver().executeScript("const upload = document.querySelector('vaadin-upload');"
                + " upload.maxFiles = Infinity; upload.maxFileSize = Infinity;");
    }

    private long accounts(String uai) {
        return jdbc.sql("select count(*) from account where school_uai = ?").param(uai).query(Long.class).single();
    }

    private long accountId(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }

    /** The row of the account among those offered a new code (not activated yet), from 1. */
    private int rowOf(String login) {
        return rowOf(login, "and activated_at is null");
    }

    /** The row of the account in the list of the school's accounts, with this condition, from 1. */
    private int rowOf(String login, String condition) {
        List<String> logins = jdbc.sql("""
                        select login from account where school_uai = (select school_uai from account where login = ?)
                        and state = 'ACTIVE' %s order by last_name, first_name, login""".formatted(condition))
                .param(login).query(String.class).list();
        return logins.indexOf(login) + 1;
    }

    /** Issue 22, E21: in dev, the demo school's exports to try the import with, on the import screen. */
    @Test
    void the_import_screen_offers_the_schools_sample_exports_to_download() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Rosa-Parks");
        SiecleSamples samples = new SiecleSamples(folder, school.school().uai(),
                SchoolYear.of(LocalDate.now(clock)).startYear());
        byte[] pupils = samples.pupils().getBytes(SiecleSamples.LATIN_9);
        sampleExports.offer(school.school().uai(), List.of(new SampleExport("ElevesSansAdresses.xml", pupils)));

        browser.open("http://localhost:" + port + "/import");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("span", "Exports de démonstration de cet établissement");
        browser.screenshot("import-samples");
        Browser.Download file = browser.downloadFile(browser.awaitText("a", "ElevesSansAdresses.xml"));

        assertThat(file.fileName()).isEqualTo("ElevesSansAdresses.xml");
        assertThat(file.content()).isEqualTo(pupils);
    }

    /** The exports under their real names (the upload sends the file's own name). */
    @Test
    void the_confirmation_of_an_import_sending_most_pupils_to_pre_deletion_says_so() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Lucie-Aubrac");
        SiecleSamples samples = new SiecleSamples(folder, school.school().uai(),
                SchoolYear.of(LocalDate.now(clock)).startYear());
        imports.apply(imports.analyse(school.school().uai(), List.of(samples.all())), "directeur");
        String yesterday = LocalDate.now(clock).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String leaving = samples.pupils();
        for (String name : List.of("Zoé", "Noël", "Anne-Sophie")) {
            leaving = leaving.replace("<PRENOM>" + name + "</PRENOM>",
                    "<PRENOM>" + name + "</PRENOM><DATE_SORTIE>" + yesterday + "</DATE_SORTIE>");
        }
        Path pupils = Files.writeString(folder.resolve("ElevesSansAdresses.xml"), leaving, SiecleSamples.LATIN_9);
        ImportAnalysis mass = imports.analyse(school.school().uai(),
                List.of(samples.file("ElevesSansAdresses.xml", leaving)));
        assertThat(mass.needsConfirmation()).isTrue();
        assertThatThrownBy(() -> imports.apply(mass, "directeur")).as("not without the express confirmation")
                .isInstanceOf(IllegalArgumentException.class);

        browser.open("http://localhost:" + port + "/import");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("h2", "Import SIECLE / STS-web");
        browser.upload("vaadin-upload", pupils);
        browser.awaitText("span", "Fichiers déposés");
        browser.awaitText("vaadin-button", "Analyser les fichiers").click();
        browser.awaitText("span", "Comptes à passer en pré-suppression : 3");
        browser.awaitText("li", "cet import passerait en pré-suppression 3 des 4 comptes actifs du profil « Élève »");
        browser.awaitText("vaadin-button", "Appliquer l’import").click();
        browser.awaitDeepText("vaadin-confirm-dialog-overlay",
                "cet import passerait en pré-suppression 3 des 4 comptes actifs du profil « Élève » (75 %)");
        WebElement confirm = browser.await(By.cssSelector(
                "vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"));
        assertThat(confirm.getDomAttribute("disabled")).as("the usual button waits for the box").isNotNull();
        browser.awaitText("vaadin-checkbox", "Je confirme : ces comptes passent en pré-suppression").click();
        browser.screenshot("import-confirm-mass-pre-deletion");
        confirm.click();
        browser.awaitText("p", "Import effectué : aucun compte créé");
        assertThat(jdbc.sql("select count(*) from account where school_uai = ? and state = 'PRE_DELETION'")
                .param(school.school().uai()).query(Long.class).single()).isEqualTo(3);
    }

    private Path[] named(fr.rentree.siecle.domain.ExportFile... files) throws Exception {
        Path dir = Files.createDirectories(folder.resolve("upload"));
        Path[] named = new Path[files.length];
        for (int i = 0; i < files.length; i++) {
            named[i] = Files.copy(files[i].path(), dir.resolve(files[i].name()));
        }
        return named;
    }
}
