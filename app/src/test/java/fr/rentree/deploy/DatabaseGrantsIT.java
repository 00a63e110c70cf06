package fr.rentree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import fr.rentree.support.RentreeIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 22, D18: the README's database and user for production, created as it says, hold every migration (the
 * journal's triggers and the dashboard's view included) and what the application does with them.
 */
@RentreeIntegrationTest
class DatabaseGrantsIT {

    /** The README's statements ("Production: the database"), for a database and user of this test's own. */
    static final String CREATE_DATABASE = "create database %s character set utf8mb4 collate utf8mb4_unicode_ci";
    static final String GRANTS = "grant select, insert, update, delete, create, alter, drop, index, references,"
            + " create view, show view, trigger on %s.* to %s";

    @Autowired
    DataSource root;

    @Test
    void the_readmes_grants_are_enough_for_every_migration() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = "rentree_grants_" + suffix;
        String user = "'rentree_" + suffix + "'@'%'";
        String password = "Pw-" + suffix;
        JdbcClient jdbc = JdbcClient.create(root);
        String url;
        try (Connection connection = root.getConnection()) {
            url = connection.getMetaData().getURL().replaceFirst("(jdbc:mariadb://[^/]+)/.*", "$1/" + database);
        }
        jdbc.sql(CREATE_DATABASE.formatted(database)).update();
        jdbc.sql("create user " + user + " identified by '" + password + "'").update();
        try {
            jdbc.sql(GRANTS.formatted(database, user)).update();

            var migrated = Flyway.configure().dataSource(url, "rentree_" + suffix, password)
                    .locations("classpath:db/migration").load().migrate();

            assertThat(migrated.success).isTrue();
            assertThat(jdbc.sql("select count(*) from information_schema.triggers where trigger_schema = ?")
                    .param(database).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select default_character_set_name from information_schema.schemata"
                    + " where schema_name = ?").param(database).query(String.class).single()).isEqualTo("utf8mb4");
        } finally {
            jdbc.sql("drop user " + user).update();
            jdbc.sql("drop database " + database).update();
        }
    }
}
