package fr.rentree.reports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import net.sf.jasperreports.renderers.Renderable;

/**
 * A QR code, written by {@link SheetPdfExporter} as PDF path operators in the page itself: sharp on any printer,
 * about a kilobyte per sheet, and nothing kept until the document closes (a drawn image would be, per sheet).
 */
final class QrCode implements Renderable {

    /** The white margin scanners need around the code, in modules. */
    private static final int QUIET_ZONE = 2;

    private final String text;
    private final int size;
    /** The dark modules as one path of horizontal runs, in module units (so every number is an integer). */
    private final String runs;

    /** Encodes at once, in the filling thread, so the exporting thread only copies the operators. */
    QrCode(String text) {
        this.text = text;
        ByteMatrix modules;
        try {
            modules = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    // any mask scans; choosing the "best" of the eight took half of the rendering time
                    EncodeHintType.QR_MASK_PATTERN, 0)).getMatrix();
        } catch (WriterException e) {
            throw new ReportException("No QR code holds " + text.length() + " characters", e);
        }
        size = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(4096);
        int rows = modules.getHeight();
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (modules.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y) == 1) {
                    x++;
                }
                path.append(start).append(' ').append(rows - 1 - y).append(' ').append(x - start).append(" 1 re\n");
            }
        }
        runs = path.append("f Q\n").toString();
    }

    @Override
    public String getId() {
        return text;
    }

    /**
     * The PDF operators that draw the code centred in a box ({@code left}, {@code bottom} in PDF units from the
     * page's lower left corner).
     */
    String pdfOperators(float left, float bottom, float width, float height) {
        float module = Math.min(width, height) / size;
        float x0 = left + (width - module * size) / 2 + QUIET_ZONE * module;
        float y0 = bottom + (height - module * size) / 2 + QUIET_ZONE * module;
        return String.format(Locale.ROOT, "q 0 g %.4f 0 0 %.4f %.3f %.3f cm%n", module, module, x0, y0) + runs;
    }
}
