package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    record Holder(String fullName, String login, String activationCode) {
    }

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void an_account_sheet_prints_one_page_per_holder_with_accents_and_embedded_fonts() throws IOException {
        List<Holder> holders = List.of(
                new Holder("Zoé MARTIN--DUPONT", "zoe.martin-dupont", "K7PX3MQA"),
                new Holder("Œdipe L'HÔTE", "oedipe.lhote", "R4TW9ZNE"));
        List<Integer> progress = new ArrayList<>();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();

        renderer.renderPdf(ReportTemplate.ACCOUNT_SHEET, Map.of("schoolName", "École Jules-Ferry"),
                new RowSource<>(holders.iterator(), ReportRendererTest::field, progress::add), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String secondPage = stripper.getText(document);
            assertThat(secondPage).contains("École Jules-Ferry", "Œdipe L'HÔTE", "oedipe.lhote", "R4TW9ZNE",
                    "Code d'activation");
            assertThat(secondPage).doesNotContain("K7PX3MQA");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVu");
            }
        }
        assertThat(progress).containsExactly(1, 2);
    }

    private static Object field(Holder holder, String name) {
        return switch (name) {
            case "fullName" -> holder.fullName();
            case "login" -> holder.login();
            case "activationCode" -> holder.activationCode();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
