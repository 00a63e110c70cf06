package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in a JVM of its own limited to 256 MB (see the pom): a long print run streams instead of piling up. */
class SheetsUnderSmallHeapTest {

    @Test
    void twenty_thousand_sheets_render_under_256_mb(@TempDir Path folder) throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L << 20);
        Path file = folder.resolve("sheets.pdf");

        int rendered;
        try (OutputStream out = Files.newOutputStream(file)) {
            rendered = new SheetRenderer().render(SheetLayout.ONE_PER_PAGE, Locale.FRENCH,
                    new SampleSheets(20_000, 28), out, n -> { });
        }

        assertThat(rendered).isEqualTo(20_000);
        int piles = (20_000 + 27) / 28;
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(20_000 + piles);
        }
    }
}
