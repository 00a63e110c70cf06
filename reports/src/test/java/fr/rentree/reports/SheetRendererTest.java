package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class SheetRendererTest {

    private static final Pile CLASS_6A = new Pile("6A", "Classe 6e A", "3 fiches · Professeur principal : M. Roux");
    private static final String QR = "https://rentree.exemple.fr/activation?identifiant=";

    private final SheetRenderer renderer = new SheetRenderer();

    @Test
    void a_sheet_not_activated_gives_the_login_the_code_the_steps_and_a_qr_code_without_the_code()
            throws IOException, NotFoundException, com.google.zxing.FormatException,
            com.google.zxing.ChecksumException {
        Sheet zoe = pupil(Pile.ALL, "Zoé MARTIN-DUPONT", "zoe.martin-dupont", "K7PX3MQA");

        try (PDDocument pdf = render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH, List.of(zoe))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text(pdf, 1)).contains("Collège Jean-Jaurès",
                    "Espace numérique de travail\u00a0: https://ent.exemple.fr", "Vos identifiants ENT",
                    "Zoé MARTIN-DUPONT", "Élève · Classe\u00a0: 6e A", "Identifiant", "zoe.martin-dupont",
                    "Code d’activation", "K7PX3MQA", "Pour activer votre compte",
                    "1. Ouvrez https://ent.exemple.fr et cliquez sur «\u00a0Activer mon compte\u00a0»",
                    "3. Choisissez votre mot de passe. Le code d’activation ne servira plus.",
                    "Code personnel\u00a0: ne le communiquez à personne.")
                    .doesNotContain("Mot de passe perdu", "Pour\u00a0:");
            assertThat(qrCode(pdf.getPage(0))).isEqualTo(QR + "zoe.martin-dupont").doesNotContain("K7PX3MQA");
        }
    }

    @Test
    void an_activated_account_gets_how_to_reset_a_lost_password_and_no_code() throws IOException {
        Sheet activated = pupil(Pile.ALL, "Noël BŒUF", "noel.boeuf", null);

        try (PDDocument pdf = render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH, List.of(activated))) {
            assertThat(text(pdf, 1)).contains("Mot de passe perdu\u00a0?", "Noël BŒUF", "noel.boeuf",
                    "Compte déjà activé", "Pour choisir un nouveau mot de passe", "«\u00a0Mot de passe oublié\u00a0»",
                    "demandez un nouveau code d’activation")
                    .doesNotContain("Vos identifiants ENT", "Code personnel", "Code d’activation\n");
        }
    }

    /**
     * A family without a smartphone cannot follow the QR code: every model prints the page's address in words, short
     * enough to type (no {@code https://}, no login parameter), whole on one line.
     */
    @Test
    void every_model_prints_the_address_of_the_page_in_words_for_a_family_without_a_smartphone() throws IOException {
        Sheet toActivate = pupil(Pile.ALL, "Zoé MARTIN-DUPONT", "zoe.martin-dupont", "K7PX3MQA");
        Sheet activated = new Sheet(Pile.ALL, "Collège Jean-Jaurès", "https://ent.exemple.fr", "Noël BŒUF", "Élève",
                "6e A", null, "noel.boeuf", null, "https://rentree.exemple.fr/mot-de-passe?identifiant=noel.boeuf",
                false);
        assertThat(toActivate.pageAddress()).isEqualTo("rentree.exemple.fr/activation");

        for (SheetLayout layout : SheetLayout.values()) {
            try (PDDocument pdf = render(layout, Locale.FRENCH, List.of(toActivate))) {
                assertThat(text(pdf, 1)).as(layout.name()).contains("rentree.exemple.fr/activation")
                        .doesNotContain("identifiant=");
            }
            try (PDDocument pdf = render(layout, Locale.FRENCH, List.of(activated))) {
                assertThat(text(pdf, 1)).as(layout.name()).contains("rentree.exemple.fr/mot-de-passe");
            }
            try (PDDocument pdf = render(layout, Locale.ENGLISH, List.of(toActivate))) {
                assertThat(text(pdf, 1)).as(layout.name() + " in English").contains("rentree.exemple.fr/activation");
            }
        }
    }

    @Test
    void a_parent_sheet_names_the_children_and_their_classes() throws IOException {
        Sheet parent = new Sheet(Pile.ALL, "Collège Jean-Jaurès", "https://ent.exemple.fr", "Aïcha N'DIAYE",
                "Parent", null, "Inès N'DIAYE (6e A), Malik N'DIAYE (4e B)", "aicha.ndiaye", "R4TW9ZNE",
                QR + "aicha.ndiaye", false);

        for (SheetLayout layout : SheetLayout.values()) {
            try (PDDocument pdf = render(layout, Locale.FRENCH, List.of(parent))) {
                assertThat(text(pdf, 1)).as(layout.name())
                        .contains("Aïcha N'DIAYE", "Parent", "Pour\u00a0: Inès N'DIAYE (6e A), Malik N'DIAYE (4e B)",
                                "aicha.ndiaye", "R4TW9ZNE");
            }
        }
    }

    @Test
    void a_reminder_sheet_says_it_is_a_reminder_and_goes_in_the_carnet_de_liaison_in_every_layout()
            throws IOException {
        Sheet first = pupil(Pile.ALL, "Léo MARTIN", "leo.martin", "K7PQ2MZA");
        Sheet reminder = new Sheet(first.pile(), first.schoolName(), first.entUrl(), first.holderName(),
                first.profile(), first.classes(), first.children(), first.login(), first.activationCode(),
                first.qrUrl(), true);

        for (SheetLayout layout : SheetLayout.values()) {
            try (PDDocument pdf = render(layout, Locale.FRENCH, List.of(reminder))) {
                assertThat(text(pdf, 1).replace('\u00a0', ' ')).as(layout.name())
                        .contains("carnet de liaison", "leo.martin", "K7PQ2MZA");
            }
            try (PDDocument pdf = render(layout, Locale.FRENCH, List.of(first))) {
                assertThat(text(pdf, 1)).as(layout.name() + ", first round").doesNotContain("carnet de liaison");
            }
        }
    }

    @Test
    void pages_hold_one_two_or_eight_sheets_in_the_order_given() throws IOException {
        List<Sheet> sheets = IntStream.rangeClosed(1, 17)
                .mapToObj(n -> pupil(Pile.ALL, "Élève %02d".formatted(n), "eleve.%02d".formatted(n), "CODE%04d"
                        .formatted(n).replace('0', 'A').replace('1', 'B')))
                .toList();

        assertThat(pages(SheetLayout.ONE_PER_PAGE, sheets)).isEqualTo(17);
        assertThat(pages(SheetLayout.TWO_PER_PAGE, sheets)).isEqualTo(9);
        assertThat(pages(SheetLayout.EIGHT_PER_PAGE, sheets)).isEqualTo(3);
        try (PDDocument pdf = render(SheetLayout.EIGHT_PER_PAGE, Locale.FRENCH, sheets)) {
            String all = text(pdf, 1) + text(pdf, 2) + text(pdf, 3);
            List<Integer> order = IntStream.rangeClosed(1, 17)
                    .mapToObj(n -> all.indexOf("eleve.%02d".formatted(n))).toList();
            assertThat(order).doesNotContain(-1).isSorted();
            assertThat(text(pdf, 3)).contains("eleve.17").doesNotContain("eleve.16");
        }
    }

    @Test
    void each_pile_starts_on_a_new_page_behind_a_separator_naming_it() throws IOException {
        Pile class6B = new Pile("6B", "Classe 6e B", "2 fiches");
        List<Sheet> sheets = List.of(pupil(CLASS_6A, "Ana AUBERT", "ana.aubert", "AAAAAAAA"),
                pupil(CLASS_6A, "Bob BLANC", "bob.blanc", "BBBBBBBB"),
                pupil(CLASS_6A, "Cléo CARON", "cleo.caron", "CCCCCCCC"),
                pupil(class6B, "Dan DUVAL", "dan.duval", "DDDDDDDD"),
                pupil(class6B, "Eva ESNAULT", "eva.esnault", "EEEEEEEE"));

        try (PDDocument pdf = render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH, sheets)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(7);
            assertThat(text(pdf, 1)).contains("Classe 6e A", "3 fiches · Professeur principal : M. Roux")
                    .doesNotContain("ana.aubert");
            assertThat(text(pdf, 2)).contains("ana.aubert");
            assertThat(text(pdf, 5)).contains("Classe 6e B", "2 fiches").doesNotContain("cleo.caron");
            assertThat(text(pdf, 7)).contains("eva.esnault");
        }
        try (PDDocument pdf = render(SheetLayout.EIGHT_PER_PAGE, Locale.FRENCH, sheets)) {
            // 6e A: its separator and 3 sheets on page 1; 6e B on a page of its own
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(text(pdf, 1)).contains("Classe 6e A", "ana.aubert", "cleo.caron").doesNotContain("6e B");
            assertThat(text(pdf, 2)).contains("Classe 6e B", "dan.duval", "eva.esnault");
        }
        try (PDDocument pdf = render(SheetLayout.TWO_PER_PAGE, Locale.FRENCH, sheets)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(4);
            assertThat(text(pdf, 3)).contains("Classe 6e B", "dan.duval");
        }
    }

    @Test
    void at_eight_per_page_a_class_of_seven_and_its_separator_fill_one_page() throws IOException {
        try (PDDocument pdf = render(SheetLayout.EIGHT_PER_PAGE, Locale.FRENCH, new SampleSheets(14, 7))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(text(pdf, 1)).contains("Classe 6e 1").doesNotContain("Classe 6e 2");
            assertThat(text(pdf, 2)).contains("Classe 6e 2");
        }
    }

    @Test
    void piles_longer_than_a_batch_continue_without_a_second_separator_or_a_half_empty_page() throws IOException {
        int sheets = 2 * SheetRenderer.BATCH + 77;
        int perPile = 600;
        int piles = (sheets + perPile - 1) / perPile;
        int lastPile = sheets - (piles - 1) * perPile;

        try (PDDocument pdf = render(SheetLayout.EIGHT_PER_PAGE, Locale.FRENCH, new SampleSheets(sheets, perPile))) {
            // a separator takes a sheet's place; every pile fills whole pages except its last
            int expected = (piles - 1) * ceilDiv(1 + perPile, 8) + ceilDiv(1 + lastPile, 8);
            assertThat(pdf.getNumberOfPages()).isEqualTo(expected);
            PDFTextStripper stripper = new PDFTextStripper();
            assertThat(stripper.getText(pdf).split("Professeur principal", -1)).hasSize(piles + 1);
        }
        try (PDDocument pdf = render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH, new SampleSheets(sheets, perPile))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(sheets + piles);
        }
    }

    @Test
    void every_font_is_embedded_dejavu_and_the_text_is_real_text() throws IOException {
        try (PDDocument pdf = render(SheetLayout.TWO_PER_PAGE, Locale.FRENCH, new SampleSheets(6, 3))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono-Bold")
                    .allMatch(font -> font.startsWith("DejaVu"));
            assertThat(text(pdf, 2)).contains("Collège Jean-Jaurès");
        }
    }

    @Test
    void sheets_speak_english_when_asked_and_french_on_an_english_machine() throws IOException {
        Locale machine = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try (PDDocument french = render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH,
                List.of(pupil(Pile.ALL, "Zoé MARTIN", "zoe.martin", "K7PX3MQA")));
             PDDocument english = render(SheetLayout.ONE_PER_PAGE, Locale.ENGLISH,
                     List.of(pupil(Pile.ALL, "Zoé MARTIN", "zoe.martin", "K7PX3MQA")))) {
            assertThat(text(french, 1)).contains("Vos identifiants ENT", "Code d’activation");
            assertThat(text(english, 1)).contains("Your ENT credentials", "Activation code", "Class: 6e A");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void progress_is_told_after_each_sheet() {
        List<Integer> progress = new ArrayList<>();

        int rendered = renderer.render(SheetLayout.EIGHT_PER_PAGE, Locale.FRENCH, new SampleSheets(5, 28),
                new ByteArrayOutputStream(), progress::add);

        assertThat(rendered).isEqualTo(5);
        assertThat(progress).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void a_failure_while_reading_the_sheets_stops_the_rendering_with_the_cause() {
        Iterator<Sheet> failing = new Iterator<>() {
            private final SampleSheets sheets = new SampleSheets(10_000, 28);

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sheet next() {
                Sheet next = sheets.next();
                if (next.login().endsWith("700")) {
                    throw new IllegalStateException("database gone");
                }
                return next;
            }
        };

        assertThatThrownBy(() -> renderer.render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH, failing,
                new ByteArrayOutputStream(), n -> { }))
                .isInstanceOf(ReportException.class)
                .hasRootCauseMessage("database gone");
    }

    static Sheet pupil(Pile pile, String name, String login, String code) {
        return new Sheet(pile, "Collège Jean-Jaurès", "https://ent.exemple.fr", name, "Élève", "6e A", null, login,
                code, QR + login, false);
    }

    private int pages(SheetLayout layout, List<Sheet> sheets) throws IOException {
        try (PDDocument pdf = render(layout, Locale.FRENCH, sheets)) {
            return pdf.getNumberOfPages();
        }
    }

    private PDDocument render(SheetLayout layout, Locale locale, List<Sheet> sheets) throws IOException {
        return render(layout, locale, sheets.iterator());
    }

    private PDDocument render(SheetLayout layout, Locale locale, Iterator<Sheet> sheets) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.render(layout, locale, sheets, pdf, n -> { });
        Path out = Path.of("target", "sheets", layout + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf.toByteArray()); // kept to look at: pdftoppm -png -r 80 -f 1 -l 1 <file> page
        return Loader.loadPDF(pdf.toByteArray());
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static String qrCode(PDPage page) throws IOException, NotFoundException,
            com.google.zxing.FormatException, com.google.zxing.ChecksumException {
        try (PDDocument single = new PDDocument()) {
            single.importPage(page);
            BufferedImage image = new PDFRenderer(single).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
