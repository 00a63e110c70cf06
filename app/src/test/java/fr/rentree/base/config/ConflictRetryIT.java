package fr.rentree.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import fr.rentree.support.ConflictingWrites;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's transaction that loses a real conflict on MariaDB runs again: another transaction takes many rows, then
 * waits for the one the service holds, and the service's next statement closes the circle; InnoDB gives up the
 * service's transaction (the one that changed fewer rows) with error 1213, SQLState 40001, as Galera does for a
 * certification failure at commit ({@code ClusterScenario} shows that on the cluster).
 */
@RentreeIntegrationTest
class ConflictRetryIT {

    private static final int FIRST = 1;
    private static final int SECOND = 2;
    private static final int ROWS = 101;

    @Autowired
    ConflictingWrites writes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<CompletableFuture<Void>> others = new ArrayList<>();

    @BeforeEach
    void rows() {
        jdbc.sql("create table if not exists conflict_probe (id int primary key, v int not null)").update();
        jdbc.sql("delete from conflict_probe").update();
        jdbc.sql("insert into conflict_probe (id, v) values " + IntStream.rangeClosed(1, ROWS)
                .mapToObj(id -> "(" + id + ", 0)").collect(Collectors.joining(", "))).update();
        writes.reset();
    }

    @AfterEach
    void others_are_done() {
        others.forEach(CompletableFuture::join); // each other transaction committed (join throws otherwise)
        writes.reset();
    }

    @Test
    void a_transaction_that_loses_a_conflict_runs_again_and_is_written_once() {
        conflictOnFirstAttempt();

        writes.addOne(FIRST, SECOND);

        assertThat(writes.attempts()).isEqualTo(2);
        others_are_done();
        assertThat(value(FIRST)).as("the other transaction's one, and the service's once").isEqualTo(2);
        assertThat(value(SECOND)).isEqualTo(2);
        assertThat(value(3)).as("the other transaction's only").isEqualTo(1);
    }

    @Test
    void a_transaction_of_its_own_inside_a_callers_runs_again() {
        conflictOnFirstAttempt();

        new TransactionTemplate(transactions).executeWithoutResult(status -> writes.addOneApart(FIRST, SECOND));

        assertThat(writes.attempts()).isEqualTo(2);
        others_are_done();
        assertThat(value(FIRST)).isEqualTo(2);
    }

    @Test
    void a_method_that_joins_its_callers_transaction_leaves_the_running_again_to_the_caller() {
        conflictOnFirstAttempt();

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> writes.addOne(FIRST, SECOND)))
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasRootCauseInstanceOf(SQLTransactionRollbackException.class);
        assertThat(writes.attempts()).isEqualTo(1);
        others_are_done();
        assertThat(value(FIRST)).as("the other transaction's one only: the service's was rolled back").isEqualTo(1);
    }

    @Test
    void a_conflict_that_comes_back_four_times_reaches_the_caller_with_nothing_written() {
        writes.between(() -> others.add(otherTransactionWaitingFor(FIRST)));

        assertThatThrownBy(() -> writes.addOne(FIRST, SECOND))
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasRootCauseInstanceOf(SQLTransactionRollbackException.class);
        assertThat(writes.attempts()).isEqualTo(4);
        others_are_done();
        assertThat(value(FIRST)).as("the four other transactions' only").isEqualTo(4);
    }

    @Test
    void another_failure_is_not_run_again() {
        assertThatThrownBy(() -> writes.insert(FIRST)).isInstanceOf(DuplicateKeyException.class);
        assertThat(writes.attempts()).isEqualTo(1);
    }

    private void conflictOnFirstAttempt() {
        writes.between(() -> {
            if (writes.attempts() == 1) {
                others.add(otherTransactionWaitingFor(FIRST));
            }
        });
    }

    /**
     * Another transaction, on a connection of its own, changes every row but the first, then waits for the first,
     * which the service holds; returns once it waits (the service's next statement makes the deadlock).
     */
    private CompletableFuture<Void> otherTransactionWaitingFor(int first) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.executeUpdate("update conflict_probe set v = v + 1 where id <> " + first);
                statement.executeUpdate("update conflict_probe set v = v + 1 where id = " + first);
                connection.commit();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> other.isDone()
                || jdbc.sql("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'")
                .query(Integer.class).single() > 0);
        return other;
    }

    private int value(int id) {
        return jdbc.sql("select v from conflict_probe where id = ?").param(id).query(Integer.class).single();
    }
}
