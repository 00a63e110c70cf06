package fr.rentree.base.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One instance migrates at a time, on a Galera cluster too. Flyway's own lock does not hold there: with
 * {@code wsrep_on} it gives up MariaDB's named locks (which Galera ignores: {@code GET_LOCK} always succeeds) for a
 * {@code SELECT ... FOR UPDATE} on its history table, and that locks nothing while the table is empty (READ
 * COMMITTED takes no gap locks). Two instances starting together on an empty cluster then both ran the first
 * migrations (ClusterScenario). Here a row of a table of its own is locked around the migration instead; the
 * instances reach the same node first (the JDBC URL in sequential mode), where the row lock waits as on any MariaDB.
 * The table is made here, not in a migration: it must exist before Flyway runs. On an empty database it is the only
 * table, which Flyway would take for a foreign schema: that first migration starts from an empty baseline (version
 * 0); a database holding anything else without Flyway's history is still refused by Flyway.
 */
@Component
public class MigrationLock implements FlywayMigrationStrategy {

    private final DataSource dataSource;

    public MigrationLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
            sql.execute("create table if not exists schema_migration_lock (id int not null primary key)");
            sql.execute("insert ignore into schema_migration_lock (id) values (1)");
            lock.setAutoCommit(false);
            // a first migration of an empty cluster takes a while: the second instance waits for it, not 50 s
            sql.execute("set session innodb_lock_wait_timeout = 3600");
            sql.executeQuery("select id from schema_migration_lock where id = 1 for update").close();
            try {
                (onlyThisLock(lock) ? fromEmpty(flyway) : flyway).migrate();
            } finally {
                lock.rollback();
                sql.execute("set session innodb_lock_wait_timeout = default"); // the connection goes back to the pool
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the migration lock could not be taken", e);
        }
    }

    /** Whether this lock's table is all the schema holds (read once the lock is held: the other may have migrated). */
    private static boolean onlyThisLock(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); var empty = sql.executeQuery("""
                select count(*) = 0 from information_schema.tables
                where table_schema = database() and table_name <> 'schema_migration_lock'""")) {
            empty.next();
            return empty.getBoolean(1);
        }
    }

    private static Flyway fromEmpty(Flyway flyway) {
        return Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .baselineOnMigrate(true).baselineVersion("0").baselineDescription("empty database").load();
    }
}
