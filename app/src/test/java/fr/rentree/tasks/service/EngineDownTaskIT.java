package fr.rentree.tasks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.UnreachableEngine;
import fr.rentree.tasks.domain.HumanTask;
import fr.rentree.tasks.domain.HumanTaskRepository;
import fr.rentree.tasks.domain.HumanTaskState;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine restarts while a director submits a task: nothing is lost, the task waits in the inbox. */
@RentreeIntegrationTest
class EngineDownTaskIT {

    @Autowired
    HumanTaskRepository repository;
    @Autowired
    HumanTaskService tasks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_submission_while_the_engine_is_down_is_refused_and_the_task_stays_open_for_a_retry() {
        var school = fixtures.schoolWithDirector("École Victor-Hugo");
        Campaign campaign = campaigns.launch(school.school().uai(), school.director());
        HumanTask task = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofProcessInstance(campaign.processInstanceKey()), list -> list.size() == 1)
                .getFirst();
        Set<String> scope = Set.of(school.school().uai());
        Map<String, Object> variables = Map.of("profiles", List.of("PARENT"), "activation", "ALL");

        try (CamundaClient down = UnreachableEngine.client()) {
            HumanTaskService duringRestart = new HumanTaskService(repository, down, Clock.systemUTC(),
                    Duration.ofHours(1));
            TaskCompletionException refused = catchThrowableOfType(TaskCompletionException.class,
                    () -> duringRestart.complete(task.id(), variables, school.director(), scope, Set.of("director")));
            assertThat(refused.reason()).isEqualTo(TaskCompletionException.Reason.ENGINE_UNAVAILABLE);
        }
        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.OPEN);

        // the engine is back: the same submission goes through
        tasks.complete(task.id(), variables, school.director(), scope, Set.of("director"));
        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.COMPLETED);
    }
}
