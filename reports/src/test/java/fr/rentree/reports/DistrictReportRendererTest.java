package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DistrictReportRendererTest {

    private static final DistrictReport.Figure NONE = new DistrictReport.Figure(null, "—");

    @Test
    void the_report_shows_the_district_figures_every_school_and_those_under_the_target() throws IOException {
        DistrictReport report = new DistrictReport("Circonscription de Bondy", "Rentrée 2026",
                "Lancée le 1 sept. 2026 · échéance le 30 sept. 2026 · terminée le 1 oct. 2026",
                "Terminée à l’échéance", 80, "80\u00a0%", new DistrictReport.Rates(
                        figure(72, "72\u00a0% (720 / 1\u00a0000)"), figure(90, "90\u00a0% (450 / 500)"),
                        figure(50, "50\u00a0% (150 / 300)"), figure(100, "100\u00a0% (100 / 100)"), NONE),
                List.of(school("École Jaurès", 95), school("Collège Curie", 40)), List.of(school("Collège Curie", 40)));

        byte[] pdf = render(report);
        // kept to be looked at: target/district-report.pdf
        Files.write(Path.of("target", "district-report.pdf"), pdf);
        String text = text(pdf);

        assertThat(text).contains("Rapport final · Circonscription de Bondy", "Rentrée 2026",
                "Taux d’activation final\u00a0: 72\u00a0% (720 / 1\u00a0000) — objectif 80\u00a0%",
                "Élèves", "90\u00a0% (450 / 500)", "Parents", "50\u00a0% (150 / 300)", "Personnels", "—",
                "Les écoles (2)", "École Jaurès", "0931234A", "Collège", "Terminée", "95\u00a0%",
                "Les écoles sous l’objectif de 80\u00a0% (1)", "Terminée à l’échéance");
        assertThat(text.indexOf("Collège Curie", text.indexOf("Les écoles sous"))).as("listed under the target")
                .isPositive();
    }

    @Test
    void a_district_of_three_thousand_schools_runs_over_pages_with_their_headers() throws IOException {
        List<DistrictReport.School> schools = IntStream.range(0, 3_000)
                .mapToObj(i -> school("École n° " + i, i % 100)).toList();
        DistrictReport report = new DistrictReport("Académie", "Rentrée", "dates", "Terminée", 50, "50\u00a0%",
                new DistrictReport.Rates(NONE, NONE, NONE, NONE, NONE), schools,
                schools.stream().filter(school -> school.rate().percent() < 50).toList());

        long start = System.nanoTime();
        byte[] pdf = render(report);
        // the figure the README gives: a report of 3,000 schools, written once when the campaign ends
        System.out.printf("3,000 schools: %d ms, %d KB%n", (System.nanoTime() - start) / 1_000_000, pdf.length / 1024);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(50);
        }
        assertThat(text(pdf)).contains("École n° 2999", "Les écoles sous l’objectif de 50\u00a0% (1");
    }

    @Test
    void no_school_under_the_target_is_said_so() throws IOException {
        DistrictReport report = new DistrictReport("Circonscription", "Rentrée", "dates", "Terminée", 50, "50\u00a0%",
                new DistrictReport.Rates(NONE, NONE, NONE, NONE, NONE), List.of(school("École Jaurès", 95)),
                List.of());

        assertThat(text(render(report))).contains("Aucune école ne reste sous l’objectif de 50\u00a0%.")
                .doesNotContain("Les écoles sous");
    }

    private static byte[] render(DistrictReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DistrictReportRenderer().render(report, Locale.FRANCE, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static DistrictReport.Figure figure(int percent, String text) {
        return new DistrictReport.Figure(percent, text);
    }

    private static DistrictReport.School school(String name, int percent) {
        return new DistrictReport.School(name, "0931234A", name.startsWith("Collège") ? "Collège" : "École",
                "Terminée", figure(percent, percent + "\u00a0%"));
    }
}
