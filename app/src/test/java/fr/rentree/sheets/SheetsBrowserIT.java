package fr.rentree.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.siecle.SiecleSamples;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.sheets.domain.SheetPrintRepository;
import fr.rentree.sheets.service.SheetFiles;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.Typography;
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

/** The director's "Fiches de connexion" screen in a real Chromium: count, page 1, PDF, download. */
@RentreeIntegrationTest
class SheetsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    SheetFiles files;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SiecleImportService imports;
    @Autowired
    SheetPrintRepository prints;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    private Browser browser;
    private Fixtures.SchoolAndDirector school;

    @BeforeEach
    void anImportedCollege() {
        fixtures.emptyDirectory();
        school = fixtures.schoolWithDirector("Collège Simone-Veil");
        SiecleSamples samples = new SiecleSamples(folder, school.school().uai(),
                SchoolYear.of(LocalDate.now(clock)).startYear());
        imports.apply(imports.analyse(school.school().uai(), List.of(samples.all())), "directeur");
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void a_director_previews_page_one_at_two_layouts_then_generates_and_downloads_the_pdf_once() throws Exception {
        browser.open("http://localhost:" + port + "/fiches");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("h2", "Fiches de connexion");
        // pupils and parents not yet activated, sorted by class: each family once
        browser.awaitText("span", "8 fiches à imprimer");

        browser.awaitText("vaadin-button", "Aperçu des premières pages").click();
        // page 1 is the separator of the first class, page 2 its first sheet
        WebElement page = browser.await(By.id("sheet-preview-2"));
        assertThat(Integer.parseInt(page.getDomProperty("naturalWidth"))).isBetween(780, 800); // an A4 page, loaded
        browser.screenshot("sheets-preview-1-per-page");

        browser.awaitText("vaadin-radio-button", "8 comptes par page").click();
        browser.awaitText("vaadin-button", "Aperçu des premières pages").click();
        browser.await(By.id("sheet-preview-1"));
        browser.screenshot("sheets-preview-8-per-page");

        WebElement generate = browser.awaitText("vaadin-button", "Générer en PDF");
        new org.openqa.selenium.interactions.Actions(browser.driver()).doubleClick(generate).perform();
        browser.awaitText("span", "PDF prêt : 8 fiches");
        WebElement download = browser.await(By.id("sheet-download"));
        browser.screenshot("sheets-ready");

        assertThat(files.waiting()).isEqualTo(1);
        Browser.Download downloaded = browser.downloadFile(download);
        // the name says what it holds; once downloaded it is deleted, and the screen says so
        assertThat(downloaded.fileName())
                .isEqualTo("fiches-" + school.school().uai() + "-Eleves_Parents-8-comptes-par-page.pdf");
        browser.awaitText("span", "PDF téléchargé.");
        assertThat(files.waiting()).isZero();
        assertThat(browser.driver().findElements(By.id("sheet-download"))).isEmpty();
        browser.screenshot("sheets-downloaded");
        try (PDDocument pdf = Loader.loadPDF(downloaded.content())) {
            String text = Typography.plain(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("Classe 5B", "Classe 6A", "Élèves et parents sans classe", "noel.boeuf",
                    "Pour : Anne-Sophie BŒUF (5B), Noël BŒUF (6A)");
            assertThat(pdf.getNumberOfPages()).isEqualTo(3); // 5B, 6A, without a class: a page each
        }
        // the double click printed once, and the print is on record
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(school.school().uai())).singleElement()
                .satisfies(print -> {
                    assertThat(print.printedBy()).isEqualTo(school.director());
                    assertThat(print.sheets()).isEqualTo(8);
                    assertThat(print.layout()).isEqualTo("EIGHT_PER_PAGE");
                });
    }

    @Test
    void a_pdf_never_downloaded_is_deleted_when_the_director_signs_out() {
        browser.open("http://localhost:" + port + "/fiches");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("vaadin-button", "Générer en PDF").click();
        browser.awaitText("span", "PDF prêt : 8 fiches");
        assertThat(files.waiting()).isEqualTo(1);

        browser.awaitText("vaadin-button", "Se déconnecter").click();

        browser.await(By.tagName("vaadin-login-form"));
        await().atMost(Duration.ofSeconds(10)).until(files::waiting, waiting -> waiting == 0);
    }

    @Test
    void a_selection_without_accounts_says_so_and_offers_nothing_to_print() {
        browser.open("http://localhost:" + port + "/fiches");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("vaadin-radio-button", "Utilisateurs activés").click();

        browser.awaitText("span", "Aucun compte ne correspond à ces critères.");
        assertThat(browser.awaitText("vaadin-button", "Générer en PDF").getDomAttribute("disabled")).isNotNull();
    }
}
