package fr.rentree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.reports.SheetLayout;
import fr.rentree.school.domain.Uai;
import fr.rentree.support.Browser;
import fr.rentree.support.Cluster;
import fr.rentree.support.ConflictingWrites;
import fr.rentree.support.DirectorSteps;
import fr.rentree.support.Fixtures;
import fr.rentree.support.SystemAtWork;
import fr.rentree.support.TestSetup;
import fr.rentree.support.SimulatedAcademie;
import fr.rentree.support.Typography;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.service.DistrictDashboard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.operaton.bpm.engine.TaskService;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production topology proven with faults ({@code ./rentree cluster-faults}): {@code ops/cluster} brings up three
 * Galera nodes, the SMTP catcher, two Rentrée instances under prod and HAProxy; this JVM only prepares the work (a
 * collège imported, a campaign launched and validated as its director would) with its own job executor off, so the
 * two instances do all the sending. Then an instance is killed mid-mailing, and a Galera node is killed and rejoins.
 * Asserted: every recipient has their e-mail, at most the one e-mail in flight at a kill arrives twice (by
 * Message-ID), every delivery row is true, no job stays locked past its lock; a director whose instance dies is
 * sent to the other and told, in French, to sign in again; Galera's conflicts, on a service's transaction and with
 * two instances writing through two nodes, are run again and the work ends whole. The figures are printed. The tests
 * tagged {@code check} are the faults alone, which CI runs ({@code ./rentree cluster-check}); those tagged
 * {@code figures} also run on one MariaDB with one instance ({@code -Dcluster.topology=single}), the baseline that
 * {@code ./rentree cluster-figures} sets beside the cluster's.
 */
@ExtendWith(ClusterScenario.StopsTheCluster.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rentree.dev-services.enabled=false",
        "spring.flyway.enabled=false",
        "operaton.bpm.job-execution.enabled=false",
        "rentree.background-work.enabled=false",
        "spring.datasource.username=rentree",
        "spring.datasource.password=rentree",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + Cluster.SMTP_PORT})
@ActiveProfiles("test")
@Import(TestSetup.class)
@ExtendWith(SystemAtWork.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterScenario {

    /** A job is locked this long to the instance that took it: a dead instance's mailing goes on after it. */
    private static final Duration JOB_LOCK = Duration.ofSeconds(20);

    /** {@code -Dcluster.topology=single}: one plain MariaDB and one instance, the baseline of the figures. */
    private static final String TOPOLOGY = System.getProperty("cluster.topology", "galera");
    private static final boolean GALERA = !TOPOLOGY.equals("single");
    private static final Cluster CLUSTER = new Cluster(Path.of(".."), Map.of(
            "RENTREE_CLUSTER_NODES", GALERA ? "3" : "1",
            "RENTREE_CLUSTER_INSTANCES", GALERA ? "2" : "1",
            "RENTREE_SECURITY_TOTP", "false",
            "RENTREE_PROCESS_JOB_LOCK", String.valueOf(JOB_LOCK.toMillis()),
            "RENTREE_PROCESS_JOB_WAIT", "200",
            "RENTREE_PROCESS_JOB_MAX_WAIT", "2000",
            "RENTREE_PROCESS_RETRY_CYCLE", "R10/PT3S",
            "RENTREE_CAMPAIGN_MAIL_SLICE", "PT5S"));
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();
    private static String startOutput;
    private static long startMillis;

    @Autowired
    CampaignService campaigns;
    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    TaskService tasks;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectorSteps steps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConflictingWrites writes;
    @TempDir
    Path folder;

    /** The topology from nothing, before this JVM's context reaches it: both instances start together. */
    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        if (startOutput == null) {
            CLUSTER.run("destroy");
            long begin = System.nanoTime();
            startOutput = CLUSTER.run("up");
            startMillis = (System.nanoTime() - begin) / 1_000_000;
        }
        registry.add("spring.datasource.url", CLUSTER::jdbcUrl);
        registry.add("rentree.activation-codes.key-file",
                () -> CLUSTER.directory().resolve("activation-code.key").toString());
    }

    /** Without Galera, the figures alone: the faults are the cluster's. */
    @BeforeEach
    void onlyFiguresWithoutGalera(TestInfo test) {
        assumeTrue(GALERA || test.getTags().contains("figures"), "a fault of the cluster");
    }

    /** The figures printed, and kept for {@code ./rentree cluster-figures}, which sets both topologies side by side. */
    @AfterAll
    static void report() throws IOException {
        System.out.println();
        System.out.println(GALERA ? "=== Rentrée on a three-node Galera cluster, two instances ==="
                : "=== Rentrée on one MariaDB, one instance ===");
        FIGURES.forEach((what, value) -> System.out.println(String.format("%-90s %s", what, value)));
        Files.write(Path.of("target/cluster-figures-" + TOPOLOGY + ".tsv"), FIGURES.entrySet().stream()
                .map(figure -> figure.getKey() + "\t" + figure.getValue()).toList());
    }

    /**
     * Stops the topology once this JVM's application has closed (after the class, {@code @DirtiesContext}): closed
     * at the JVM's exit instead, it would call the stopped nodes for half a minute. Registered before Spring's
     * extension, so that it comes after it.
     */
    static final class StopsTheCluster implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            if (!Boolean.getBoolean("cluster.keep")) {
                CLUSTER.run("down");
            }
        }
    }

    @Test
    @Tag("check")
    @Order(1)
    void two_instances_starting_together_on_an_empty_cluster_migrate_it_once() throws Exception {
        figure("topology up from nothing (3 nodes, catcher, 2 instances together, HAProxy)", startMillis + " ms");
        long migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(file -> file.getFileName().toString().startsWith("V")).count();
        }
        assertThat(jdbc.sql("""
                select count(*) from flyway_schema_history where success = 1 and type <> 'BASELINE'""")
                .query(Long.class).single()).as("each migration applied once").isEqualTo(migrations);
        assertThat(jdbc.sql("""
                select count(distinct version) from flyway_schema_history where type <> 'BASELINE'""")
                .query(Long.class).single()).isEqualTo(migrations);
        List<String> logs = List.of(log(1), log(2));
        assertThat(logs.stream().filter(log -> log.contains("Successfully applied " + migrations + " migrations")))
                .as("one instance migrated, the other found the schema up to date").hasSize(1);
        assertThat(logs.stream().filter(log -> log.contains("is up to date. No migration necessary"))).hasSize(1);

        // the schema, the engine's tables and the journal's triggers are on every node
        String shape = "select (select count(*) from information_schema.tables where table_schema = 'rentree'),"
                + " (select count(*) from information_schema.triggers where trigger_schema = 'rentree')";
        List<String> shapes = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            shapes.add(node(node).sql(shape).query((rs, row) -> rs.getInt(1) + " tables, " + rs.getInt(2)
                    + " triggers").single());
        }
        assertThat(shapes).as("the same on the three nodes").containsOnly(shapes.getFirst());
        assertThat(CLUSTER.run("status")).contains("node 1: Synced, cluster size 3", "node 2: Synced, cluster size 3",
                "node 3: Synced, cluster size 3", "instance 1: ready", "instance 2: ready");
    }

    @Test
    @Tag("figures")
    @Order(2)
    void figures_without_a_fault() {
        Mailing mailing = mailing("Collège de la mesure");
        awaitAllSent(mailing);
        figure("a 2,000-e-mail round, no fault: e-mails/s (one step at a time, on either instance)",
                String.format("%.0f/s", perSecond(mailing)));

        // a district launches 500 schools: one job per school, shared by the two instances
        int schools = 500;
        District district = district("Circonscription du banc", 8_100_000, schools);
        long begin = System.nanoTime();
        district.launch();
        district.awaitFirstTasks();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        figure("a district campaign over 500 schools, until their 500 first tasks wait", String.format(
                "%,d ms: %.0f school campaigns started/s", millis, schools * 1000.0 / millis));
    }

    @Test
    @Tag("figures")
    @Order(3)
    void an_academie_dashboard_on_the_cluster() {
        long begin = System.nanoTime();
        long campaign = new SimulatedAcademie(jdbc).seed(3_000, 1_000_000);
        figure("a simulated académie written (3,000 schools in one district campaign, tallies of 1 M accounts,"
                + " a year of nightly counts)", (System.nanoTime() - begin) / 1_000_000 + " ms");
        String officer = fixtures.districtOfficer(Set.of(SimulatedAcademie.firstSchool()));
        String page = SimulatedAcademie.measure("its dashboard's first page (50), count and totals",
                () -> fixtures.as(officer, () -> {
                    dashboard.totals(campaign);
                    dashboard.count(campaign, DashboardFilter.ALL);
                    return dashboard.page(campaign, DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, 0, 50);
                }));
        figure(page.substring(0, 52).strip(), page.substring(52).strip());
        assertThat(fixtures.as(officer, () -> dashboard.count(campaign, DashboardFilter.ALL))).isEqualTo(3_000);
    }

    @Test
    @Tag("check")
    @Order(4)
    void an_instance_killed_mid_mailing_leaves_the_rest_to_the_other() {
        Mailing mailing = mailing("Collège de la panne d’instance");
        int sender = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent(mailing.campaign()) >= mailing.count() / 4 ? CLUSTER.sendingInstance().orElse(0)
                        : 0, instance -> instance > 0);
        int before = sent(mailing.campaign());
        CLUSTER.run("kill-instance", String.valueOf(sender));
        Instant killed = Instant.now();

        Instant resumed = resumedAfter(mailing.campaign(), killed);
        awaitAllSent(mailing);
        figure("instance killed after " + before + " of " + mailing.count() + " e-mails; work went on after",
                Duration.between(killed, resumed).toMillis() + " ms (job lock " + JOB_LOCK.toSeconds() + " s)");
        assertThat(Duration.between(killed, resumed)).as("taken again once the dead instance's lock ran out")
                .isLessThan(JOB_LOCK.plusSeconds(30));
        checkDelivered(mailing, "instance killed");

        CLUSTER.run("start-instance", String.valueOf(sender));
    }

    @Test
    @Tag("check")
    @Order(5)
    void a_galera_node_killed_mid_mailing_is_left_behind_then_rejoins() {
        Mailing mailing = mailing("Collège de la panne de nœud");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent(mailing.campaign()) >= mailing.count() / 4);
        int before = sent(mailing.campaign());
        // node 1: the one every instance (sequential URL) writes to
        CLUSTER.run("kill-node", "1");
        Instant killed = Instant.now();

        Instant resumed = resumedAfter(mailing.campaign(), killed);
        figure("node 1 killed after " + before + " of " + mailing.count() + " e-mails; work went on after",
                Duration.between(killed, resumed).toMillis() + " ms");
        long rejoin = System.nanoTime();
        String restart = CLUSTER.run("start-node", "1");
        figure("node 1 restarted and Synced again", (System.nanoTime() - rejoin) / 1_000_000 + " ms ("
                + (restart.contains("recovered its position") ? "IST from its recovered position" : "state transfer")
                + ")");
        awaitAllSent(mailing);
        checkDelivered(mailing, "node killed");
        assertThat(CLUSTER.run("status")).contains("node 1: Synced, cluster size 3", "node 2: Synced, cluster size 3",
                "node 3: Synced, cluster size 3");
    }

    @Test
    @Order(6)
    void a_director_whose_instance_dies_is_sent_to_the_other_and_told_to_sign_in_again() {
        String director = fixtures.schoolWithDirector("École du basculement").director();
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + Cluster.PROXY_PORT + "/login");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Mes tâches");
            // HAProxy's sticky cookie names the instance holding the session
            String instance = browser.driver().manage().getCookieNamed("RENTREE_INSTANCE").getValue();
            CLUSTER.run("kill-instance", instance.substring("app".length()));

            browser.awaitText("vaadin-side-nav-item", "Campagnes").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(500)).until(d ->
                    browser.deepText("vaadin-login-form").contains(Typography.plain("Votre session a pris fin")));
            browser.screenshot("cluster-session-lost");
            assertThat(browser.driver().manage().getCookieNamed("RENTREE_INSTANCE").getValue())
                    .as("sent to the other instance").isNotEqualTo(instance);

            // signed in again there, the director goes on
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Mes tâches");
            CLUSTER.run("start-instance", instance.substring("app".length()));
        }
    }

    /**
     * Item 3, Rentrée's own writes: a service's transaction (this JVM's, on the node its pool reaches) has changed a
     * row when another node commits a change of the same row. Galera aborts the service's transaction (error 1213,
     * SQLState 40001, as an InnoDB deadlock) and {@code ConflictRetry} runs it again, on the row as the other left it.
     */
    @Test
    @Tag("check")
    @Order(7)
    void a_transaction_that_loses_a_certification_conflict_runs_again() {
        jdbc.sql("create table if not exists conflict_probe (id int primary key, v int not null)").update();
        jdbc.sql("delete from conflict_probe").update();
        jdbc.sql("insert into conflict_probe (id, v) values (1, 0), (2, 0)").update();
        long before = conflicts();
        List<Integer> nodes = new ArrayList<>();
        writes.reset();
        writes.between(() -> {
            if (writes.attempts() == 1) {
                int own = jdbc.sql("select @@port").query(Integer.class).single() - 3340; // the transaction's node
                int other = own % 3 + 1;
                nodes.addAll(List.of(own, other));
                node(other).sql("update conflict_probe set v = v + 1 where id = 1").update();
            }
        });
        try {
            writes.addOne(1, 2);
        } finally {
            writes.reset();
        }
        figure("a service's transaction on node " + nodes.get(0) + ", the same row committed on node " + nodes.get(1)
                + ": attempts", "2 (the first aborted by Galera, then run again)");
        assertThat(conflicts()).as("Galera aborted a transaction for a conflict").isGreaterThan(before);
        for (int node = 1; node <= 3; node++) {
            assertThat(node(node).sql("select v from conflict_probe order by id").query(Integer.class).list())
                    .as("node " + node + ": the other node's change and the service's, once each")
                    .containsExactly(2, 1);
        }
    }

    /**
     * Item 3, both instances working the same campaigns through two nodes: instance 2 starts again writing to node 2
     * while instance 1 writes to node 1, and a mailing and a district launch run at once. Galera's conflicts are
     * counted; the engine runs its failed jobs again, Rentrée its services' transactions; the work ends whole.
     */
    @Test
    @Tag("check")
    @Order(8)
    void two_instances_writing_through_two_nodes_finish_the_same_campaigns_whole() throws Exception {
        // started again, each on its first node (a pool keeps the connections it failed over with: node 2, after
        // the node fault above)
        CLUSTER.run("kill-instance", "1");
        CLUSTER.run("kill-instance", "2");
        CLUSTER.run("start-instance", "1", "1");
        CLUSTER.run("start-instance", "2", "2");
        int[] logStarts = {log(1).length(), log(2).length()};
        long before = conflicts();
        Timestamp start = Timestamp.from(Instant.now());
        District district = district("Circonscription des deux nœuds", 8_200_000, 300);

        Mailing mailing = mailing("Collège des deux nœuds");
        district.launch();
        district.awaitFirstTasks();
        awaitAllSent(mailing);

        long conflicts = conflicts() - before;
        String logs = log(1).substring(logStarts[0]) + log(2).substring(logStarts[1]);
        long lostAcquisitions = logs.lines().filter(line -> line.contains("ENGINE-14019")).count();
        long failedJobs = logs.lines().filter(line -> line.contains("ENGINE-14006")).count();
        long runAgain = logs.lines().filter(line -> line.contains("after a conflict with another transaction"))
                .count();
        figure("two writers (instance 1 on node 1, instance 2 on node 2), a mailing and 300 schools launched at once:"
                + " Galera's conflicts / job acquisitions given up, then taken again by the engine / steps failed, run"
                + " again by the engine / services run again", conflicts + " / " + lostAcquisitions + " / "
                + failedJobs + " / " + runAgain);
        checkDelivered(mailing, "two writers", failedJobs);
        assertThat(conflicts).as("two writers conflicted").isPositive();
        assertThat(jdbc.sql("select count(*) from ACT_RU_INCIDENT where INCIDENT_TIMESTAMP_ >= ?").param(start)
                .query(Integer.class).single())
                .as("no step left failing").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from campaign c join school s on s.uai = c.school_uai
                        where s.district = 'Circonscription des deux nœuds'""").query(Integer.class).single())
                .as("each school's campaign started once").isEqualTo(300);
    }

    /** Certification failures and transactions aborted for another node's, over the three nodes. */
    private static long conflicts() {
        long sum = 0;
        for (int node = 1; node <= 3; node++) {
            sum += node(node).sql("""
                            show global status where variable_name in ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')""")
                    .query((rs, row) -> rs.getLong(2)).list().stream().mapToLong(Long::longValue).sum();
        }
        return sum;
    }

    /** Schools of a district, not yet launched, and its officer. */
    private District district(String name, int firstUai, int schools) {
        List<String> uais = IntStream.range(0, schools).mapToObj(i -> Uai.of(firstUai + i)).toList();
        for (String uai : uais) {
            jdbc.sql("insert into school (uai, name, kind, district) values (?, ?, 'ECOLE', ?)")
                    .params(uai, "École " + uai, name).update();
        }
        return new District(name, uais, fixtures.districtOfficer(Set.copyOf(uais)));
    }

    private final class District {

        private final String name;
        private final List<String> uais;
        private final String officer;

        District(String name, List<String> uais, String officer) {
            this.name = name;
            this.uais = uais;
            this.officer = officer;
        }

        /** The district campaign launched: one job per school, shared by the two instances. */
        void launch() {
            fixtures.as(officer, () -> districtCampaigns.launch(name, new DistrictPlan(
                    new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)),
                    Duration.ofDays(7)), uais));
        }

        /** Until every school's campaign waits on its first task. */
        void awaitFirstTasks() {
            List<String> groups = uais.stream().map(CandidateGroups::school).toList();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> tasks
                    .createTaskQuery().taskDefinitionKey("SelectRecipients").taskCandidateGroupIn(groups).active()
                    .count() == uais.size());
        }
    }

    /** A 2,700-pupil collège imported, its parents with an address selected, "Envoyer" confirmed: ~2,000 e-mails. */
    private Mailing mailing(String schoolName) {
        var school = fixtures.schoolWithDirector(schoolName);
        String uai = school.school().uai();
        fixtures.importGenerated(new DemoSchool(uai, schoolName, DemoSchool.Kind.COLLEGE, 2_700),
                folder.resolve(uai));
        RecipientSelection parents = new RecipientSelection(uai, Set.of(Profile.PARENT), Set.of(),
                ActivationFilter.ALL, EmailFilter.WITH_EMAIL, LocalAdminFilter.ALL, null, null, false);
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(uai, new CampaignPlan("Rentrée",
                LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        fixtures.as(director, () -> campaigns.submitSelection(steps.task(director, "select-recipients"), parents));
        String verify = steps.task(director, "verify-recipients");
        int count = fixtures.as(director, () -> campaigns.validate(verify, new Distribution(
                DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD, SheetLayout.ONE_PER_PAGE,
                DistributionMode.EMAIL))).mails();
        assertThat(count).isGreaterThan(2_000);
        return new Mailing(campaign, count);
    }

    private record Mailing(Campaign campaign, int count) {
    }

    private Instant resumedAfter(Campaign campaign, Instant killed) {
        return await().atMost(JOB_LOCK.plusMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> jdbc.sql("""
                        select min(d.done_at) from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.done_at > ?""").params(campaign.id(), Timestamp.from(killed))
                        .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null),
                        instant -> instant != null);
    }

    private void awaitAllSent(Mailing mailing) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> sent(mailing.campaign()) == mailing.count());
    }

    /**
     * Every delivery SENT with its Message-ID, every one of those received, none lost, and at most the one e-mail in
     * flight at the fault received twice; no job locked past its lock.
     */
    private void checkDelivered(Mailing mailing, String fault) {
        checkDelivered(mailing, fault, 1);
    }

    /** As above, with at most {@code inFlight} e-mails caught in flight (one per failed sending step). */
    private void checkDelivered(Mailing mailing, String fault, long inFlight) {
        List<String> expected = jdbc.sql("""
                        select d.message_id from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.status = 'SENT' and d.done_at is not null""")
                .param(mailing.campaign().id()).query(String.class).list();
        assertThat(expected).as("every delivery row SENT").hasSize(mailing.count()).doesNotContainNull();
        Map<String, Long> received = CLUSTER.receivedMails().stream().map(line -> line.split("\t")[0])
                .filter(Set.copyOf(expected)::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long lost = expected.stream().filter(id -> !received.containsKey(id)).count();
        long twice = received.values().stream().mapToLong(times -> times - 1).sum();
        figure(fault + ": e-mails lost / received twice", lost + " / " + twice + " (of " + mailing.count() + ")");
        figure(fault + ": e-mails/s, first to last, the fault included",
                String.format("%.0f/s", perSecond(mailing)));
        assertThat(lost).as("no e-mail lost").isZero();
        assertThat(twice).as("at most the e-mails in flight at the fault sent twice").isLessThanOrEqualTo(inFlight);
        assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ < now(3)").query(Integer.class)
                .single()).as("no job locked past its lock").isZero();
    }

    private double perSecond(Mailing mailing) {
        return jdbc.sql("""
                        select count(*) / timestampdiff(microsecond, min(d.done_at), max(d.done_at)) * 1000000
                        from delivery d join campaign_round r on r.id = d.round_id where r.campaign_id = ?""")
                .param(mailing.campaign().id()).query(Double.class).single();
    }

    private int sent(Campaign campaign) {
        return jdbc.sql("""
                        select count(*) from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.status <> 'PENDING'""")
                .param(campaign.id()).query(Integer.class).single();
    }

    private static JdbcClient node(int node) {
        return JdbcClient.create(new SingleConnectionDataSource("jdbc:mariadb://127.0.0.1:" + (3340 + node)
                + "/rentree?user=rentree&password=rentree", true));
    }

    private static String log(int instance) throws Exception {
        return Files.readString(CLUSTER.directory().resolve("app" + instance + "/app.log"));
    }

    private static void figure(String what, String value) {
        FIGURES.put(what, value);
    }
}
