package fr.rentree.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/** Renders a compiled template to PDF. */
public final class ReportRenderer {

    /**
     * Fills {@code template} with {@code parameters} and the rows of {@code rows}, and writes the PDF to {@code out}
     * (left open).
     */
    public void renderPdf(ReportTemplate template, Map<String, Object> parameters, JRDataSource rows,
            OutputStream out) {
        try {
            JasperPrint print = JasperFillManager.fillReport(load(template), new HashMap<>(parameters), rows);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new ReportException("Rendering " + template + " failed", e);
        }
    }

    private JasperReport load(ReportTemplate template) throws JRException {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(template.resource())) {
            if (in == null) {
                throw new ReportException("Template " + template.resource() + " is not on the classpath", null);
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
