package fr.rentree.process.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;
import fr.rentree.process.domain.ProcessTrail;
import fr.rentree.process.domain.StepVisit;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processes of Rentrée on the embedded engine, in Rentrée's words: start one for a feature's record, correlate a
 * message to it, read where it stands and what went wrong, retry a failed step. Every call joins the caller's
 * transaction, so a feature writes its own rows and moves its process in one commit. The features check who may act
 * on their records before calling; the reads and the retry here check it again on the process's owner group: the
 * school's directors may follow and retry, the staff of the school's district may follow only.
 */
@Service
@Transactional
public class ProcessService {

    /** The process variable naming the candidate group that owns an instance (its school's directors). */
    static final String OWNER_GROUP = "ownerGroup";
    /** The engine's number of a multi-instance's instance, in its scope. */
    private static final String LOOP_COUNTER = "loopCounter";

    /** Gateways and containers are how the diagram is drawn, not steps anyone waits for. */
    private static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway",
            "eventBasedGateway", "subProcess");

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final HistoryService history;
    private final Participation participation;

    ProcessService(RuntimeService runtime, ManagementService management, RepositoryService repository,
            HistoryService history, Participation participation) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.history = history;
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
        checkFollower(processInstanceId);
        ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        List<Standing> standing = new ArrayList<>();
        collect(root, standing);
        // a join waiting for its other branches is not a step of its own while one of them runs
        boolean working = standing.stream().anyMatch(at -> !NOT_STEPS.contains(at.type()));
        return standing.stream().filter(at -> !working || !NOT_STEPS.contains(at.type()))
                .map(at -> "intermediateTimer".equals(at.type()) ? due(processInstanceId, at.step()) : at.step())
                .toList();
    }

    /** A waiting timer's step with the time it falls due. */
    private CurrentStep due(String processInstanceId, CurrentStep step) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(step.id()).timers()
                .list().stream().filter(job -> job.getDuedate() != null).findFirst().orElse(null);
        return timer == null ? step : new CurrentStep(step.id(), step.name(), timer.getDuedate().toInstant());
    }

    private record Standing(CurrentStep step, String type) {
    }

    /** The incidents of the instance: steps that failed on every retry and wait for a person. */
    @Transactional(readOnly = true)
    public List<Incident> incidents(String processInstanceId) {
        if (instance(processInstanceId).isEmpty()) {
            return List.of();
        }
        checkFollower(processInstanceId);
        return runtime.createIncidentQuery().processInstanceId(processInstanceId).orderByIncidentTimestamp().asc()
                .list().stream().map(this::incident).toList();
    }

    /**
     * The incidents of every instance the user may follow, oldest first (a district's page: its own instance's and
     * its schools'). Incidents are few, the engine's failures waiting for a person, so all are read and sorted out.
     */
    @Transactional(readOnly = true)
    public List<Incident> followedIncidents() {
        Map<String, Boolean> followed = new HashMap<>();
        return runtime.createIncidentQuery().orderByIncidentTimestamp().asc().list().stream()
                .filter(incident -> followed.computeIfAbsent(incident.getProcessInstanceId(),
                        instance -> participation.mayFollow(owner(instance))))
                .map(this::incident).toList();
    }

    private Incident incident(org.operaton.bpm.engine.runtime.Incident incident) {
        Object item = incident.getExecutionId() == null ? null
                : runtime.getVariable(incident.getExecutionId(), LOOP_COUNTER);
        return new Incident(incident.getId(), incident.getProcessInstanceId(), incident.getActivityId(),
                Optional.ofNullable(incident.getIncidentMessage()).orElse(""),
                incident.getIncidentTimestamp().toInstant(), item instanceof Integer number ? number : null);
    }

    /** Gives the failed step of an incident one more try; the job executor runs it at once. */
    public void retry(String incidentId) {
        org.operaton.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery().incidentId(incidentId)
                .singleResult();
        if (incident == null) {
            throw new ProcessException(ProcessException.Reason.GONE, "No incident " + incidentId);
        }
        String owner = owner(incident.getProcessInstanceId());
        if (!participation.mayAct(owner)) {
            throw notYours(incident.getProcessInstanceId());
        }
        management.setJobRetries(incident.getConfiguration(), 1);
    }

    /** The model of the instance, the steps it went through and where it stands; it may have ended. */
    @Transactional(readOnly = true)
    public ProcessTrail trail(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new ProcessException(ProcessException.Reason.GONE, "No process " + processInstanceId);
        }
        checkFollower(processInstanceId);
        List<StepVisit> visits = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .filter(activity -> !NOT_STEPS.contains(activity.getActivityType()))
                .map(ProcessService::visit).toList();
        return new ProcessTrail(model(instance.getProcessDefinitionId()), visits, currentSteps(processInstanceId));
    }

    /** The steps an ended instance was stopped at (left unfinished by a cancellation), in the order they started. */
    @Transactional(readOnly = true)
    public List<CurrentStep> interruptedSteps(String processInstanceId) {
        checkFollower(processInstanceId);
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).canceled()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .filter(activity -> !NOT_STEPS.contains(activity.getActivityType()))
                .map(activity -> new CurrentStep(activity.getActivityId(),
                        name(activity.getActivityName(), activity.getActivityId())))
                .distinct().toList();
    }

    private String model(String processDefinitionId) {
        try (InputStream xml = repository.getProcessModel(processDefinitionId)) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StepVisit visit(HistoricActivityInstance activity) {
        return new StepVisit(activity.getActivityId(), name(activity.getActivityName(), activity.getActivityId()),
                activity.getStartTime().toInstant(),
                activity.getEndTime() == null ? null : activity.getEndTime().toInstant(), activity.isCanceled());
    }

    private Optional<ProcessInstance> instance(String processInstanceId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult());
    }

    private void checkFollower(String processInstanceId) {
        if (!participation.mayFollow(owner(processInstanceId))) {
            throw notYours(processInstanceId);
        }
    }

    /** The owner group, from the history so that an ended instance still has one. */
    private String owner(String processInstanceId) {
        HistoricVariableInstance owner = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(OWNER_GROUP).singleResult();
        return owner == null ? "" : String.valueOf(owner.getValue());
    }

    private ProcessException notYours(String processInstanceId) {
        return new ProcessException(ProcessException.Reason.NOT_YOURS,
                participation.user().getUsername() + " may not follow process " + processInstanceId);
    }

    /** The leaves of the activity tree, and the steps whose job has not run yet (asynchronous continuations). */
    private static void collect(ActivityInstance activity, List<Standing> standing) {
        for (TransitionInstance waiting : activity.getChildTransitionInstances()) {
            standing.add(new Standing(new CurrentStep(waiting.getActivityId(), name(waiting.getActivityName(),
                    waiting.getActivityId())), waiting.getActivityType()));
        }
        ActivityInstance[] children = activity.getChildActivityInstances();
        if (children.length == 0 && activity.getChildTransitionInstances().length == 0
                && !"processDefinition".equals(activity.getActivityType())) {
            standing.add(new Standing(new CurrentStep(activity.getActivityId(), name(activity.getActivityName(),
                    activity.getActivityId())), activity.getActivityType()));
        }
        for (ActivityInstance child : children) {
            collect(child, standing);
        }
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
