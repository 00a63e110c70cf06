package fr.rentree.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Writes a district campaign's final report as PDF ({@code district-report.jrxml}): its figures and a bar per
 * profile against the target, then two tables, every school and the schools under the target. A district has at most
 * a few thousand schools, so the report is filled in one go.
 */
public final class DistrictReportRenderer {

    private static final String TEMPLATE = "/reports/district-report.jasper";

    private final JasperReport template;

    public DistrictReportRenderer() {
        try (InputStream in = DistrictReportRenderer.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new ReportException("Template " + TEMPLATE + " is not on the classpath", null);
            }
            template = (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new ReportException("Template " + TEMPLATE + " does not load", e);
        }
    }

    /** Writes the report to {@code out} (left open). */
    public void render(DistrictReport report, Locale locale, OutputStream out) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, locale);
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, ResourceBundle.getBundle(
                "fr.rentree.reports.district-report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        parameters.put("district", report.district());
        parameters.put("campaign", report.campaign());
        parameters.put("dates", report.dates());
        parameters.put("outcome", report.outcome());
        parameters.put("target", report.target());
        parameters.put("schoolCount", report.schools().size());
        parameters.put("underCount", report.underTarget().size());
        DistrictReport.Rates rates = report.rates();
        figure(parameters, "all", rates.all(), report.targetPercent());
        figure(parameters, "students", rates.students(), report.targetPercent());
        figure(parameters, "parents", rates.parents(), report.targetPercent());
        figure(parameters, "teachers", rates.teachers(), report.targetPercent());
        figure(parameters, "staff", rates.staff(), report.targetPercent());
        List<Map<String, ?>> rows = new ArrayList<>();
        report.schools().forEach(school -> rows.add(row("schools", school, report.targetPercent())));
        report.underTarget().forEach(school -> rows.add(row("under", school, report.targetPercent())));
        try {
            JasperPrint print = JasperFillManager.fillReport(template, parameters,
                    new JRMapCollectionDataSource(rows));
            SheetPdfExporter exporter = new SheetPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new ReportException("Rendering the report of " + report.campaign() + " failed", e);
        }
    }

    private static void figure(Map<String, Object> parameters, String name, DistrictReport.Figure figure,
            int target) {
        parameters.put(name + "Text", figure.text());
        parameters.put(name + "Bar", new RateBar(figure.percent(), target));
    }

    private static Map<String, ?> row(String section, DistrictReport.School school, int target) {
        return Map.of("section", section, "school", school.name(), "uai", school.uai(), "kind", school.kind(),
                "step", school.step(), "rate", school.rate().text(), "bar", new RateBar(school.rate().percent(),
                        target));
    }
}
