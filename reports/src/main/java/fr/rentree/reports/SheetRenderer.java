package fr.rentree.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Streams account sheets into one PDF. The sheets are filled a batch at a time and each batch is written as soon
 * as it is filled, so memory holds one batch whatever the number of sheets.
 */
public final class SheetRenderer {

    /** Rows (sheets and separators) per fill: enough that a fill's set-up cost vanishes, few enough for a few MB. */
    static final int BATCH = 500;

    private final Map<SheetLayout, JasperReport> templates = new EnumMap<>(SheetLayout.class);

    public SheetRenderer() {
        for (SheetLayout layout : SheetLayout.values()) {
            templates.put(layout, load(layout));
        }
    }

    /**
     * Writes the sheets, in their order, to {@code out} (left open) and returns how many there were.
     *
     * @param progress told the number of sheets read so far, after each sheet
     */
    public int render(SheetLayout layout, Locale locale, Iterator<Sheet> sheets, OutputStream out,
            IntConsumer progress) {
        SheetStream stream = new SheetStream(sheets, layout, progress);
        Map<String, Object> parameters = Map.of(JRParameter.REPORT_LOCALE, locale,
                JRParameter.REPORT_RESOURCE_BUNDLE, ResourceBundle.getBundle("fr.rentree.reports.sheet", locale,
                        // French is the base bundle: without this, French on an English machine would print English
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        SheetPdfExporter exporter = new SheetPdfExporter();
        Batches batches = new Batches(templates.get(layout), parameters, stream);
        exporter.setExporterInput(batches);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new ReportException("Rendering " + layout + " sheets failed after " + stream.read(), e);
        } finally {
            batches.stop();
        }
        return stream.read();
    }

    private static JasperReport load(SheetLayout layout) {
        try (InputStream in = SheetRenderer.class.getResourceAsStream(layout.resource())) {
            if (in == null) {
                throw new ReportException("Template " + layout.resource() + " is not on the classpath", null);
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new ReportException("Template " + layout.resource() + " does not load", e);
        }
    }

    /**
     * The exporter's input, filled while the exporter writes the previous batch (the two halves of the work take
     * about as long, so two cores render nearly twice as fast). The exporter reads its items once, in order, and
     * checks the size before each: the list grows while sheets remain, and drops each batch once written.
     */
    private static final class Batches extends AbstractList<ExporterInputItem> implements ExporterInput {

        /** What the filling thread hands over: a filled batch, the end, or why it stopped. */
        private sealed interface Handover {
        }

        private record Filled(JasperPrint print) implements Handover {
        }

        private record End() implements Handover {
        }

        private record Failed(RuntimeException failure) implements Handover {
        }

        private final BlockingQueue<Handover> handovers = new ArrayBlockingQueue<>(1);
        private final Thread filler;
        private int taken;
        private @Nullable Filled pending;
        private @Nullable ExporterInputItem current;
        private boolean ended;

        Batches(JasperReport template, Map<String, Object> parameters, SheetStream stream) {
            filler = Thread.ofPlatform().name("sheet-filler").daemon().start(() -> {
                try {
                    do {
                        handovers.put(new Filled(JasperFillManager.fillReport(template, new HashMap<>(parameters),
                                stream.nextBatch(BATCH))));
                    } while (stream.hasMore());
                    handovers.put(new End());
                } catch (InterruptedException e) {
                    // the exporter gave up: nobody waits for more
                } catch (JRException | RuntimeException e) {
                    handovers.offer(new Failed(new ReportException("Filling sheets failed after " + stream.read(),
                            e)));
                }
            });
        }

        @Override
        public List<ExporterInputItem> getItems() {
            return this;
        }

        @Override
        public int size() {
            if (pending == null && !ended) {
                switch (take()) {
                    case Filled filled -> pending = filled;
                    case End end -> ended = true;
                    case Failed failed -> throw failed.failure();
                }
            }
            return taken + (pending == null ? 0 : 1);
        }

        @Override
        public ExporterInputItem get(int index) {
            if (index == taken - 1 && current != null) {
                return current;
            }
            Filled next = pending;
            if (index != taken || next == null) {
                throw new IllegalStateException("Batch " + index + " asked after batch " + (taken - 1));
            }
            current = new SimpleExporterInputItem(next.print());
            pending = null;
            taken++;
            return current;
        }

        /** Stops the filling thread when the export ends early (the client went away, say). */
        void stop() {
            filler.interrupt();
        }

        private Handover take() {
            try {
                return handovers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReportException("Interrupted while waiting for sheets", e);
            }
        }
    }
}
