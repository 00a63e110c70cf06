package fr.rentree.support;

import java.time.Clock;

import fr.rentree.base.config.MigrationLock;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ServiceStep;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.siecle.service.SiecleImportService;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
public class TestSetup {

    /** Every run starts from an empty, freshly migrated schema, whatever an earlier run left. */
    @Bean
    @Primary
    FlywayMigrationStrategy cleanThenMigrate(MigrationLock oneAtATime) {
        return flyway -> {
            flyway.clean();
            oneAtATime.migrate(flyway);
        };
    }

    /**
     * A service step for the scale-out test: records which application instance ran which process instance
     * (every context of the tests has it, since every one runs a job executor on the same database).
     */
    @Bean
    ServiceStep scaleOutProbe(JdbcClient jdbc, @Value("${rentree.test.node:primary}") String node) {
        return ServiceStep.of("scale-out-probe", step -> {
            jdbc.sql("insert into scale_out_probe_run (process_instance_id, node) values (?, ?)")
                    .params(step.processInstanceId(), node).update();
            pause(); // a step takes time (an SMTP exchange): the work outlasts the second instance's first look
        });
    }

    /**
     * The académie's identity provider: a real OpenID Connect server (mock-oauth2-server) on a free port, so that the
     * login page of every test offers its button, as an académie with a provider would.
     */
    @Bean(destroyMethod = "shutdown")
    MockOAuth2Server academieProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar academieSettings(MockOAuth2Server academieProvider) {
        return registry -> {
            registry.add("rentree.security.oidc.issuer-uri",
                    () -> academieProvider.issuerUrl(Academie.ISSUER).toString());
            registry.add("rentree.security.oidc.client-id", () -> Academie.CLIENT_ID);
            registry.add("rentree.security.oidc.client-secret", () -> "secret-de-test");
        };
    }

    /** The import screen's sample exports, offered by a test for its school ({@code ImportBrowserIT}). */
    @Bean
    TestSampleExports sampleExports() {
        return new TestSampleExports();
    }

    @Bean
    Fixtures fixtures(SchoolService schools, BackOfficeUserService users, SiecleImportService imports,
            JdbcClient jdbc, CurrentUser currentUser, Clock clock, ManagementService management,
            ProcessEngine engine) {
        return new Fixtures(schools, users, imports, jdbc, currentUser, clock, management, engine);
    }

    @Bean
    ConflictingWrites conflictingWrites(JdbcClient jdbc) {
        return new ConflictingWrites(jdbc);
    }

    @Bean
    DirectorSteps directorSteps(Fixtures fixtures, CampaignService campaigns, InboxService inbox) {
        return new DirectorSteps(fixtures, campaigns, inbox);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
