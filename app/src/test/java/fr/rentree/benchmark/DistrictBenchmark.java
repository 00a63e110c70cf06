package fr.rentree.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.school.domain.Uai;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * District staff launch the rentrée of 500 schools (run with {@code ./rentree benchmark-district}): the clock runs
 * from "Lancer" until the 500 "Sélectionner les destinataires" tasks wait in the schools' inboxes, through the real
 * district-campaign process (one job per school). Three districts of new schools, one launch each, in one JVM.
 */
@RentreeIntegrationTest
class DistrictBenchmark {

    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 500);

    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void figures() throws InterruptedException {
        List<String> figures = new ArrayList<>();
        figures.add("=== Rentrée district campaign: " + SCHOOLS + " schools launched at once, until their first task"
                + " waits in the inboxes ===");
        for (int run = 1; run <= 3; run++) {
            String district = "Circonscription de mesure " + run;
            int first = 8_000_000 + 10_000 * run;
            List<String> uais = IntStream.range(0, SCHOOLS).mapToObj(i -> Uai.of(first + i)).toList();
            for (String uai : uais) {
                jdbc.sql("insert into school (uai, name, kind, district) values (?, ?, 'ECOLE', ?)")
                        .params(uai, "École " + uai, district).update();
            }
            String officer = fixtures.districtOfficer(Set.copyOf(uais));
            List<String> groups = uais.stream().map(CandidateGroups::school).toList();
            DistrictPlan plan = new DistrictPlan(new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90,
                    Duration.ofDays(7)), Duration.ofDays(7));

            long begin = System.nanoTime();
            DistrictCampaign campaign = fixtures.as(officer, () -> districtCampaigns.launch(district, plan, uais));
            long launched = System.nanoTime();
            long deadline = begin + Duration.ofMinutes(5).toNanos();
            while (tasks.createTaskQuery().taskDefinitionKey("SelectRecipients").taskCandidateGroupIn(groups).active()
                    .count() < SCHOOLS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("district campaign " + campaign.id()
                            + ": not every task after 5 minutes");
                }
                Thread.sleep(50);
            }
            figures.add(String.format("run %d: \"Lancer\" answered in %,d ms; %d tasks waiting after %,d ms", run,
                    (launched - begin) / 1_000_000, SCHOOLS, (System.nanoTime() - begin) / 1_000_000));
        }
        figures.forEach(System.out::println);
    }
}
