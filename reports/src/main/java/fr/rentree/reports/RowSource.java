package fr.rentree.reports;

import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds a report from an iterator, one row at a time, so the caller can stream rows from the database instead of
 * holding them all; also works with records, which JasperReports' bean data sources cannot read.
 *
 * @param <T> the row type
 */
public final class RowSource<T> implements JRDataSource {

    private final Iterator<? extends T> rows;
    private final BiFunction<T, String, Object> fieldValue;
    private final IntConsumer progress;
    private T current;
    private int count;

    /**
     * @param rows       the rows, read once
     * @param fieldValue the value of a template field (by name) for a row
     * @param progress   told the number of rows read so far, after each row
     */
    public RowSource(Iterator<? extends T> rows, BiFunction<T, String, Object> fieldValue, IntConsumer progress) {
        this.rows = rows;
        this.fieldValue = fieldValue;
        this.progress = progress;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        current = rows.next();
        progress.accept(++count);
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) {
        return fieldValue.apply(current, field.getName());
    }
}
