package fr.rentree.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import fr.rentree.RentreeApplication;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.TestSetup;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database share the process work: a second Rentrée application starts beside the
 * tests' own, both job executors run, and each of 300 asynchronous steps runs exactly once, some on each instance.
 */
@RentreeIntegrationTest
class ScaleOutIT {

    private static final int INSTANCES = 300;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.mail.port}")
    int smtpPort;

    @Test
    void each_asynchronous_step_runs_exactly_once_across_two_application_instances() {
        jdbc.sql("create table if not exists scale_out_probe_run (process_instance_id varchar(64) not null,"
                + " node varchar(20) not null)").update();
        jdbc.sql("delete from scale_out_probe_run").update();
        repository.createDeployment().name("scale-out-probe").addClasspathResource("processes/scale-out-probe.bpmn")
                .enableDuplicateFiltering(true).deploy();

        try (ConfigurableApplicationContext second = secondInstance()) {
            for (int i = 0; i < INSTANCES; i++) {
                runtime.startProcessInstanceByKey("scale-out-probe", "probe-" + i);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("select count(*) from scale_out_probe_run")
                    .query(Integer.class).single() >= INSTANCES && runtime.createProcessInstanceQuery()
                    .processDefinitionKey("scale-out-probe").count() == 0);
        }

        assertThat(jdbc.sql("select count(*) from scale_out_probe_run").query(Integer.class).single())
                .as("no step ran twice").isEqualTo(INSTANCES);
        assertThat(jdbc.sql("select count(distinct process_instance_id) from scale_out_probe_run")
                .query(Integer.class).single()).as("no step was lost").isEqualTo(INSTANCES);
        Map<String, Integer> byNode = jdbc.sql("select node, count(*) from scale_out_probe_run group by node")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byNode).as("both instances took work").containsOnlyKeys("primary", "second");
    }

    /** Rentrée as a second server would run it: the same database and SMTP server, its own job executor. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(RentreeApplication.class, TestSetup.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties(Map.of(
                        "rentree.test.node", "second",
                        "rentree.dev-services.enabled", "false",
                        "spring.datasource.url", url,
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", smtpPort,
                        "spring.flyway.enabled", "false",
                        "server.port", "0"))
                .run();
    }
}
