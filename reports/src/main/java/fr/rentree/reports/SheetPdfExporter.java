package fr.rentree.reports;

import java.io.IOException;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.common.PdfProducer;

/** The PDF exporter, writing QR codes straight into the page (see {@link QrCode}) and text left to right only. */
final class SheetPdfExporter extends JRPdfExporter {

    @Override
    protected PdfProducer createPdfProducer() {
        return new LatinPdfProducer(createPdfProducerContext());
    }

    /** No anchor per page: nothing links to the pages, and each anchor stayed in memory until the end. */
    @Override
    protected void writePageAnchor(int pageIndex) {
    }

    @Override
    public void exportImage(JRPrintImage image) throws IOException, JRException {
        if (image.getRenderer() instanceof QrCode qr) {
            float left = image.getX() + getOffsetX();
            float bottom = pageFormat.getPageHeight() - image.getY() - getOffsetY() - image.getHeight();
            pdfProducer.getPdfContent().setLiteral(qr.pdfOperators(left, bottom, image.getWidth(), image.getHeight()));
        } else {
            super.exportImage(image);
        }
    }
}
