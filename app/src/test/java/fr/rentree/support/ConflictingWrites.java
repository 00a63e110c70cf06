package fr.rentree.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service of the tests whose transaction changes two rows of {@code conflict_probe}, one after the other, with a
 * moment between them where a test can make another transaction conflict with it ({@code ConflictRetryIT}). Counts
 * its attempts.
 */
public class ConflictingWrites {

    private final JdbcClient jdbc;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Runnable between = () -> { };

    ConflictingWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one to both rows, in a transaction of the caller's, or its own when the caller has none. */
    @Transactional
    public void addOne(int first, int second) {
        add(first, second);
    }

    /** Adds one to both rows, in a transaction of its own always. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void addOneApart(int first, int second) {
        add(first, second);
    }

    /** Inserts a row, which fails when it exists. */
    @Transactional
    public void insert(int id) {
        attempts.incrementAndGet();
        jdbc.sql("insert into conflict_probe (id, v) values (?, 0)").param(id).update();
    }

    private void add(int first, int second) {
        attempts.incrementAndGet();
        jdbc.sql("update conflict_probe set v = v + 1 where id = ?").param(first).update();
        between.run();
        jdbc.sql("update conflict_probe set v = v + 1 where id = ?").param(second).update();
    }

    /** What happens after the first row changed and before the second, on every attempt from now on. */
    public void between(Runnable between) {
        this.between = between;
    }

    /** Starts counting again, with nothing between the rows. */
    public void reset() {
        attempts.set(0);
        between = () -> { };
    }

    public int attempts() {
        return attempts.get();
    }
}
