package fr.rentree.support;

import java.time.Clock;

import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.siecle.service.SiecleImportService;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
class TestSetup {

    /** Every run starts from an empty, freshly migrated schema, whatever an earlier run left. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    @Bean
    Fixtures fixtures(SchoolService schools, BackOfficeUserService users, SiecleImportService imports,
            JdbcClient jdbc, Clock clock) {
        return new Fixtures(schools, users, imports, jdbc, clock);
    }
}
