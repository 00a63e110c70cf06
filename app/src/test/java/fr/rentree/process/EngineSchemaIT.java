package fr.rentree.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine does not check its schema version, and Flyway owns its tables (V5, from the scripts in the engine's
 * jar): this test has the engine create its own schema in a scratch database and compares the two, table by table,
 * column by column and index by index. It fails when the engine jar is upgraded without its upgrade migration.
 */
@RentreeIntegrationTest
class EngineSchemaIT {

    private static final String SCRATCH = "rentree_engine_schema";

    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password}")
    String password;

    @Test
    void the_flyway_schema_is_the_one_the_engine_creates_itself() {
        jdbc.sql("drop database if exists " + SCRATCH).update();
        jdbc.sql("create database " + SCRATCH).update();
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        String scratch = url.replaceFirst("//([^/]+)/[^?]*", "//$1/" + SCRATCH);
        // the engine looks for its tables through the driver's metadata, which must not search other databases
        configuration.setJdbcUrl(scratch + (scratch.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true");
        configuration.setJdbcUsername(username);
        configuration.setJdbcPassword(password);
        configuration.setJdbcDriver("org.mariadb.jdbc.Driver");
        configuration.setDatabaseType("mariadb");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setSkipIsolationLevelCheck(true); // it only creates tables
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            String current = jdbc.sql("select database()").query(String.class).single();
            assertThat(columns(current)).hasSizeGreaterThan(400).isEqualTo(columns(SCRATCH));
            assertThat(indexes(current)).isEqualTo(indexes(SCRATCH));
            assertThat(version(current)).isEqualTo(version(SCRATCH)).isEqualTo("7.24.0");
        } finally {
            engine.close();
            jdbc.sql("drop database " + SCRATCH).update();
        }
    }

    private List<String> columns(String schema) {
        return jdbc.sql("""
                select concat_ws(' ', table_name, column_name, column_type, is_nullable, coalesce(column_default, '-'),
                                 coalesce(collation_name, '-'))
                from information_schema.columns
                where table_schema = ? and table_name like 'ACT\\_%'
                order by table_name, column_name""").param(schema).query(String.class).list();
    }

    private List<String> indexes(String schema) {
        return jdbc.sql("""
                select concat_ws(' ', table_name, index_name, non_unique, seq_in_index, column_name)
                from information_schema.statistics
                where table_schema = ? and table_name like 'ACT\\_%'
                order by table_name, index_name, seq_in_index""").param(schema).query(String.class).list();
    }

    private String version(String schema) {
        return jdbc.sql("select version_ from " + schema + ".ACT_GE_SCHEMA_LOG order by timestamp_ desc, id_ desc"
                + " limit 1").query(String.class).single();
    }
}
