package fr.rentree.process.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processes of Rentrée on the embedded engine, in Rentrée's words: start one for a feature's record, correlate a
 * message to it, read where it stands and what went wrong, retry a failed step. Every call joins the caller's
 * transaction, so a feature writes its own rows and moves its process in one commit. The features check who may act
 * on their records before calling; the reads and the retry here check it again on the process's owner group.
 */
@Service
@Transactional
public class ProcessService {

    /** The process variable naming the candidate group that owns an instance (its school's directors). */
    static final String OWNER_GROUP = "ownerGroup";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Participation participation;

    ProcessService(RuntimeService runtime, ManagementService management, Participation participation) {
        this.runtime = runtime;
        this.management = management;
        this.participation = participation;
    }

    /**
     * Starts the latest version of a process for a feature's record.
     *
     * @param businessKey the id of the record (a campaign id); messages are correlated on it
     * @param ownerGroup  the candidate group that may follow the instance ({@code school:<UAI>})
     * @param variables   small, primitive variables only (ids, strings, numbers, dates): lists live in MariaDB
     * @return the process instance id
     */
    public String start(String processKey, String businessKey, String ownerGroup, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(OWNER_GROUP, ownerGroup);
        return runtime.startProcessInstanceByKey(processKey, businessKey, all).getId();
    }

    /** Delivers a message to the instances waiting for it with this business key (a cancellation). */
    public void correlate(String messageName, String businessKey) {
        runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey).correlateAll();
    }

    /** Whether the instance still runs (it has not ended nor been cancelled). */
    @Transactional(readOnly = true)
    public boolean isRunning(String processInstanceId) {
        return instance(processInstanceId).isPresent();
    }

    /** The steps the instance stands at, in the model's words; empty once it has ended. */
    @Transactional(readOnly = true)
    public List<CurrentStep> currentSteps(String processInstanceId) {
        if (instance(processInstanceId).isEmpty()) {
            return List.of();
        }
        checkOwner(processInstanceId);
        ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        List<CurrentStep> steps = new ArrayList<>();
        collect(root, steps);
        return steps;
    }

    /** The incidents of the instance: steps that failed on every retry and wait for a person. */
    @Transactional(readOnly = true)
    public List<Incident> incidents(String processInstanceId) {
        if (instance(processInstanceId).isEmpty()) {
            return List.of();
        }
        checkOwner(processInstanceId);
        return runtime.createIncidentQuery().processInstanceId(processInstanceId).orderByIncidentTimestamp().asc()
                .list().stream().map(incident -> new Incident(incident.getId(), incident.getProcessInstanceId(),
                        incident.getActivityId(), Optional.ofNullable(incident.getIncidentMessage()).orElse(""),
                        incident.getIncidentTimestamp().toInstant())).toList();
    }

    /** Gives the failed step of an incident one more try; the job executor runs it at once. */
    public void retry(String incidentId) {
        org.operaton.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery().incidentId(incidentId)
                .singleResult();
        if (incident == null) {
            throw new ProcessException(ProcessException.Reason.GONE, "No incident " + incidentId);
        }
        checkOwner(incident.getProcessInstanceId());
        management.setJobRetries(incident.getConfiguration(), 1);
    }

    private Optional<ProcessInstance> instance(String processInstanceId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult());
    }

    private void checkOwner(String processInstanceId) {
        Object owner = runtime.getVariable(processInstanceId, OWNER_GROUP);
        if (!participation.groups().contains(String.valueOf(owner))) {
            throw new ProcessException(ProcessException.Reason.NOT_YOURS,
                    participation.user().getUsername() + " may not follow process " + processInstanceId);
        }
    }

    /** The leaves of the activity tree, and the steps whose job has not run yet (asynchronous continuations). */
    private static void collect(ActivityInstance activity, List<CurrentStep> steps) {
        for (TransitionInstance waiting : activity.getChildTransitionInstances()) {
            steps.add(new CurrentStep(waiting.getActivityId(), name(waiting.getActivityName(),
                    waiting.getActivityId())));
        }
        ActivityInstance[] children = activity.getChildActivityInstances();
        if (children.length == 0 && activity.getChildTransitionInstances().length == 0
                && !"processDefinition".equals(activity.getActivityType())) {
            steps.add(new CurrentStep(activity.getActivityId(), name(activity.getActivityName(),
                    activity.getActivityId())));
        }
        for (ActivityInstance child : children) {
            collect(child, steps);
        }
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
