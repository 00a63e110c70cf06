package fr.rentree.reports;

import java.util.Iterator;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * The sheets, read once, as the rows the templates print: a pile with a title opens with a separator row, a card
 * the size of a sheet. The rows are cut into batches that each fill a few pages; a batch ends on a page boundary
 * (mirroring the templates: a pile starts on a new page, every row takes one place), so the batches printed one
 * after the other look like one long report.
 */
final class SheetStream {

    private final Iterator<Sheet> sheets;
    private final SheetLayout layout;
    private final IntConsumer progress;
    private @Nullable Sheet next;
    private @Nullable String pileKey;
    private int read;
    private int placesTakenOnPage;

    SheetStream(Iterator<Sheet> sheets, SheetLayout layout, IntConsumer progress) {
        this.sheets = sheets;
        this.layout = layout;
        this.progress = progress;
        this.next = sheets.hasNext() ? sheets.next() : null;
    }

    boolean hasMore() {
        return next != null;
    }

    int read() {
        return read;
    }

    /** The next batch: at least {@code minimum} rows (fewer at the end), up to the end of a page. */
    JRDataSource nextBatch(int minimum) {
        return new Batch(minimum);
    }

    private boolean startsPile(Sheet sheet) {
        return !sheet.pile().key().equals(pileKey);
    }

    private final class Batch implements JRDataSource {

        private final int minimum;
        private int rows;
        private @Nullable Sheet current;
        private boolean separator;

        Batch(int minimum) {
            this.minimum = minimum;
        }

        @Override
        public boolean next() {
            Sheet sheet = next;
            if (sheet == null || rows >= minimum && (placesTakenOnPage == 0 || startsPile(sheet))) {
                return false;
            }
            if (startsPile(sheet)) {
                pileKey = sheet.pile().key();
                placesTakenOnPage = 0;
                separator = sheet.pile().title() != null;
            } else {
                separator = false;
            }
            current = sheet;
            if (!separator) { // the sheet itself comes after its pile's separator
                next = sheets.hasNext() ? sheets.next() : null;
                progress.accept(++read);
            }
            placesTakenOnPage = (placesTakenOnPage + 1) % layout.sheetsPerPage();
            rows++;
            return true;
        }

        @Override
        public @Nullable Object getFieldValue(JRField field) {
            Sheet sheet = current;
            if (sheet == null) {
                throw new IllegalStateException("No current sheet");
            }
            return switch (field.getName()) {
                case "separator" -> separator;
                case "pileKey" -> sheet.pile().key();
                case "pileTitle" -> sheet.pile().title();
                case "pileDetail" -> sheet.pile().detail();
                case "schoolName" -> sheet.schoolName();
                case "entUrl" -> sheet.entUrl();
                case "pageAddress" -> sheet.pageAddress();
                case "holderName" -> sheet.holderName();
                case "profile" -> sheet.profile();
                case "classes" -> sheet.classes();
                case "children" -> sheet.children();
                case "login" -> sheet.login();
                case "activationCode" -> sheet.activationCode();
                case "reminder" -> sheet.reminder();
                case "qrCode" -> separator ? null : new QrCode(sheet.qrUrl());
                default -> throw new IllegalArgumentException("No sheet field " + field.getName());
            };
        }
    }
}
