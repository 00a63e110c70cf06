package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Prints sheets per second and peak heap when rendering 3,000 and 200,000 sheets at each layout (run by
 * {@code ./rentree benchmark-sheets}, in a JVM limited to the heap it is given). Not part of the test suite.
 */
class SheetBenchmark {

    private static final int CLASS_SIZE = 28;

    private final SheetRenderer renderer = new SheetRenderer();

    @Test
    void render_3000_and_200000_sheets_at_each_layout() throws IOException {
        int small = Integer.getInteger("benchmark.sheets.small", 3_000);
        int large = Integer.getInteger("benchmark.sheets.large", 200_000);
        List<String> lines = new ArrayList<>();
        lines.add("Sheets rendered to PDF (piles of %d with a separator), max heap %d MB, %d cores".formatted(
                CLASS_SIZE, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        // peak heap: the heap used, sampled every 10 ms (garbage included); peak live: what remained after GCs
        lines.add("%-15s %9s %8s %11s %9s %14s %14s".formatted("layout", "sheets", "seconds", "sheets/s", "PDF MB",
                "peak heap MB", "peak live MB"));
        for (int round = 0; round < 3; round++) {
            for (SheetLayout layout : SheetLayout.values()) {
                run(layout, small); // warm-up: the figures below are for a warm JVM
            }
        }
        for (SheetLayout layout : SheetLayout.values()) {
            List<Run> runs = IntStream.range(0, 5).mapToObj(i -> run(layout, small))
                    .sorted(Comparator.comparingDouble(Run::seconds)).toList();
            lines.add(runs.get(2).line() + "  median of 5, %,.0f-%,.0f sheets/s".formatted(
                    small / runs.getLast().seconds(), small / runs.getFirst().seconds()));
        }
        for (SheetLayout layout : SheetLayout.values()) {
            lines.add(run(layout, large).line());
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target/sheet-benchmark.txt"), lines);
    }

    private Run run(SheetLayout layout, int sheets) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        CountingStream pdf = new CountingStream();
        AtomicInteger progress = new AtomicInteger();
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                LockSupport.parkNanos(10_000_000);
            }
        });
        long start = System.nanoTime();
        int rendered = renderer.render(layout, Locale.FRENCH, new SampleSheets(sheets, CLASS_SIZE), pdf,
                progress::set);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        assertThat(rendered).isEqualTo(sheets);
        assertThat(progress.get()).isEqualTo(sheets);
        return new Run(layout, sheets, seconds, pdf.bytes, peakUsed.get(), liveAfterCollections());
    }

    /** What the heap still held after a collection, at most: the memory the rendering really needs. */
    private static long liveAfterCollections() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(usage -> usage != null)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    private record Run(SheetLayout layout, int sheets, double seconds, long pdfBytes, long peakHeap, long peakLive) {

        String line() {
            return "%-15s %,9d %8.2f %,11.0f %9.1f %14d %14d".formatted(layout, sheets, seconds, sheets / seconds,
                    pdfBytes / 1e6, peakHeap >> 20, peakLive >> 20);
        }
    }

    private static final class CountingStream extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
