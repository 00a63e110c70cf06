package fr.rentree.reports;

import java.text.AttributedCharacterIterator.Attribute;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;

import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfUtils;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * JasperReports' PDF producer, laying text out without the bidirectional algorithm (the sheets are French, left
 * to right, and that algorithm ran for every text: a tenth of the export) and with its fonts looked up once per
 * style instead of once per text (another tenth).
 */
final class LatinPdfProducer extends ClassicPdfProducer {

    private final Map<FontKey, Font> fonts = new HashMap<>();

    LatinPdfProducer(PdfProducerContext context) {
        super(context);
    }

    @Override
    public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
        return fonts.computeIfAbsent(new FontKey(Map.copyOf(attributes), locale),
                key -> super.getFont(attributes, locale));
    }

    private record FontKey(Map<Attribute, Object> attributes, Locale locale) {
    }

    @Override
    public PdfPhrase createPhrase() {
        return new LatinPhrase(this, new Phrase());
    }

    @Override
    public PdfPhrase createPhrase(PdfChunk chunk) {
        return new LatinPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
    }

    private static final class LatinPhrase extends ClassicPhrase {

        private final ClassicPdfProducer producer;
        private final Phrase phrase;

        LatinPhrase(ClassicPdfProducer producer, Phrase phrase) {
            super(producer, phrase);
            this.producer = producer;
            this.phrase = phrase;
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                PdfTextAlignment alignment, TextDirection runDirection) {
            ColumnText column = new ColumnText(producer.getPdfContentByte());
            column.setSimpleColumn(phrase, llx, lly, urx, ury, fixedLeading, ClassicPdfUtils.toPdfAlignment(alignment));
            if (multipliedLeading != 0f) {
                column.setLeading(fixedLeading, multipliedLeading);
            }
            column.setRunDirection(PdfWriter.RUN_DIRECTION_NO_BIDI);
            try {
                column.go();
            } catch (DocumentException e) {
                throw new JRRuntimeException(e);
            }
            return column.getYLine();
        }
    }
}
