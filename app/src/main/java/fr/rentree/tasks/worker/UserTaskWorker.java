package fr.rentree.tasks.worker;

import java.util.Map;

import fr.rentree.tasks.service.HumanTaskService;
import fr.rentree.tasks.service.NewTask;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * Mirrors the engine's job-based user tasks into the inbox. The job stays activated (not completed) until a person
 * submits the form; its timeout is long and the reconciliation extends it. Public because the Camunda starter calls
 * workers by reflection.
 */
@Component
public class UserTaskWorker {

    static final String FORM_KEY = "io.camunda.zeebe:formKey";
    static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";

    private final HumanTaskService tasks;

    UserTaskWorker(HumanTaskService tasks) {
        this.tasks = tasks;
    }

    @JobWorker(type = "io.camunda.zeebe:userTask", autoComplete = false, timeout = 3_600_000L,
            fetchVariables = {"schoolUai", "campaignId"})
    public void mirror(ActivatedJob job) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        tasks.mirror(new NewTask(job.getKey(), job.getProcessInstanceKey(), job.getElementId(),
                headers.getOrDefault(FORM_KEY, job.getElementId()), firstGroup(headers.get(CANDIDATE_GROUPS)),
                (String) variables.get("schoolUai"),
                variables.get("campaignId") instanceof Number id ? id.longValue() : null));
    }

    /** The header holds a JSON array of names, e.g. {@code ["director"]}; our models name one group. */
    static String firstGroup(String header) {
        if (header == null) {
            return null;
        }
        String first = header.replaceAll("[\\[\\]\"\\s]", "").split(",")[0];
        return first.isEmpty() ? null : first;
    }
}
