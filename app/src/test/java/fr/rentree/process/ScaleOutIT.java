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
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database share the process work: a second Rentrée application starts beside the
 * tests' own, both job executors compete, and each of 300 asynchronous steps runs exactly once, some on each instance.
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
    @Autowired
    ProcessEngineConfigurationImpl engine;
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

        // the work is waiting when the second instance starts, and this one joins once the second has begun: both
        // job executors then compete for the same jobs (left alone, the instance that creates the jobs is told of
        // them at once and takes nearly all before the other looks)
        JobExecutor primary = engine.getJobExecutor();
        primary.shutdown();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                runtime.startProcessInstanceByKey("scale-out-probe", "probe-" + i);
            }
            try (ConfigurableApplicationContext second = secondInstance()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> ranOn("second") > 0);
                primary.start();
                await().atMost(Duration.ofSeconds(120)).until(() -> runtime.createProcessInstanceQuery()
                        .processDefinitionKey("scale-out-probe").count() == 0);
            }
        } finally {
            if (!primary.isActive()) {
                primary.start();
            }
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

    private int ranOn(String node) {
        return jdbc.sql("select count(*) from scale_out_probe_run where node = ?").param(node).query(Integer.class)
                .single();
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
