package fr.rentree.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.process.service.ServiceSteps;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every model of the bpmn module deploys on the real engine, and every step it names has its bean. */
@RentreeIntegrationTest
class ProcessModelsIT {

    private static final Pattern STEP = Pattern.compile("serviceSteps\\.(?:named|local)\\('([a-z-]+)'\\)");
    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    @Autowired
    RepositoryService repository;
    @Autowired
    ServiceSteps steps;
    @Autowired
    HistoryService history;

    @Test
    void every_model_is_deployed_and_every_step_it_names_is_a_bean() throws IOException {
        List<Resource> models = Arrays.asList(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:bpmn/*.bpmn"));
        assertThat(models).extracting(Resource::getFilename).contains("school-campaign.bpmn", "district-campaign.bpmn");

        for (Resource model : models) {
            String xml = model.getContentAsString(StandardCharsets.UTF_8);
            Matcher process = PROCESS_ID.matcher(xml);
            assertThat(process.find()).as("process of %s", model.getFilename()).isTrue();
            ProcessDefinition deployed = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(process.group(1)).latestVersion().singleResult();
            assertThat(deployed).as("%s deployed", model.getFilename()).isNotNull();
            assertThat(deployed.getHistoryTimeToLive()).as("history time-to-live of %s", process.group(1))
                    .isEqualTo(180);

            Matcher step = STEP.matcher(xml);
            while (step.find()) {
                assertThat(steps.names()).as("steps known to %s", model.getFilename()).contains(step.group(1));
            }
        }
    }

    @Test
    void the_history_of_ended_processes_is_cleaned_up_at_night() {
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            LocalTime due = LocalTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
            assertThat(due.isAfter(LocalTime.of(21, 59)) || due.isBefore(LocalTime.of(6, 0)))
                    .as("cleanup due at %s, in the 22:00-06:00 window", due).isTrue();
        });
    }
}
