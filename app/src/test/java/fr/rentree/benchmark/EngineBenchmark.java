package fr.rentree.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A district launches the campaigns of 500 schools at once (run with {@code ./rentree benchmark-engine}): a
 * multi-instance call activity starts one school-campaign per school, and the clock stops when the 500 "Sélectionner
 * les destinataires" tasks wait in the schools' inboxes. Two models: one asynchronous job per school (a failing
 * school holds back no other), and one job for all.
 */
@RentreeIntegrationTest
class EngineBenchmark {

    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 500);

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    BenchmarkSchools schools;

    @Test
    void figures() throws InterruptedException {
        repository.createDeployment().name("launch-benchmark")
                .addClasspathResource("processes/launch-benchmark-per-school.bpmn")
                .addClasspathResource("processes/launch-benchmark-one-job.bpmn")
                .enableDuplicateFiltering(true).deploy();
        List<String> figures = new ArrayList<>();
        figures.add("=== Rentrée engine: " + SCHOOLS + " school campaigns started by one multi-instance call activity,"
                + " until their first task waits in the inboxes ===");
        int round = 0;
        for (int repeat = 1; repeat <= 3; repeat++) {
            for (String variant : List.of("per-school", "one-job")) {
                long ms = launch(variant, "B" + (round++) + "-");
                figures.add(String.format("%-10s (%s) run %d: %,d ms", variant,
                        variant.equals("per-school") ? "one job per school" : "one job for all", repeat, ms));
            }
        }
        List<String> groups = schools.uais().stream().map(CandidateGroups::school).toList();
        long begin = System.nanoTime();
        long waiting = tasks.createTaskQuery().taskCandidateGroupIn(groups).active().count();
        figures.add(String.format("inbox count over %d candidate groups among %,d waiting tasks: %d tasks in %.1f ms",
                groups.size(), tasks.createTaskQuery().active().count(), waiting, (System.nanoTime() - begin) / 1e6));
        String one = schools.uais().getFirst();
        begin = System.nanoTime();
        long mine = tasks.createTaskQuery().taskCandidateGroup(CandidateGroups.school(one)).active().count();
        figures.add(String.format("one director's inbox count: %d task in %.1f ms", mine,
                (System.nanoTime() - begin) / 1e6));
        figures.forEach(System.out::println);
    }

    /** Starts the campaigns of SCHOOLS schools and returns the ms until all their first tasks wait. */
    private long launch(String variant, String prefix) throws InterruptedException {
        schools.prepare(prefix, SCHOOLS);
        long begin = System.nanoTime();
        runtime.startProcessInstanceByKey("launch-benchmark-" + variant);
        long deadline = begin + Duration.ofMinutes(5).toNanos();
        while (tasks.createTaskQuery().taskDefinitionKey("SelectRecipients")
                .processInstanceBusinessKeyLike(prefix + "%").count() < SCHOOLS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(variant + ": not every task after 5 minutes");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Schools {
        @Bean
        BenchmarkSchools benchmarkSchools() {
            return new BenchmarkSchools();
        }
    }

    /** The schools of the next launch, read by the models' {@code ${benchmarkSchools.uais()}}. */
    public static class BenchmarkSchools {
        private volatile List<String> uais = List.of();

        void prepare(String prefix, int count) {
            uais = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        }

        public List<String> uais() {
            return uais;
        }
    }
}
