package fr.rentree.process.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.process.domain.WaitingTask;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.VariableInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human steps the processes wait for, straight from the engine's user tasks (nothing is copied): the inbox of
 * the signed-in user (the tasks of their candidate groups), and completing one. Who may see or complete a task is
 * decided here, from the security context.
 */
@Service
@Transactional
public class InboxService {

    /** The process variable naming the school a process runs for. */
    static final String SCHOOL = "schoolUai";
    /** The process variable naming the district whose campaign started a school's (district-campaign.bpmn). */
    static final String DISTRICT = "launchedByDistrict";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final Participation participation;

    InboxService(TaskService tasks, RuntimeService runtime, HistoryService history, Participation participation) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.participation = participation;
    }

    /** A page of the user's inbox, oldest first. */
    @Transactional(readOnly = true)
    public List<WaitingTask> inbox(int offset, int limit) {
        Set<String> groups = participation.groups();
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Task> page = query(groups).initializeFormKeys().orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(offset, limit);
        return describe(page);
    }

    @Transactional(readOnly = true)
    public int inboxSize() {
        Set<String> groups = participation.groups();
        return groups.isEmpty() ? 0 : Math.toIntExact(query(groups).count());
    }

    /** One task of the user's inbox; refused when it is not theirs, done already or gone. */
    @Transactional(readOnly = true)
    public WaitingTask task(String taskId) {
        return describe(List.of(mine(taskId))).getFirst();
    }

    /** Whether the task still waits in one of the user's groups (not done in another tab, nor gone). */
    @Transactional(readOnly = true)
    public boolean isWaiting(String taskId) {
        Set<String> groups = participation.groups();
        return !groups.isEmpty() && query(groups).taskId(taskId).count() > 0;
    }

    /** The user's task that a process waits for now, if any: the step that follows one just completed. */
    @Transactional(readOnly = true)
    public Optional<WaitingTask> next(String processInstanceId) {
        Set<String> groups = participation.groups();
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return describe(query(groups).processInstanceId(processInstanceId).initializeFormKeys()
                .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, 1)).stream().findFirst();
    }

    /**
     * Claims the task for the signed-in user and completes it with the form's variables, in the caller's transaction:
     * a feature writes its rows and completes the task in one commit, or neither. A second submission of the same
     * task (a double click, a colleague) is refused with {@link ProcessException.Reason#ALREADY_DONE} and rolls back.
     */
    public void complete(String taskId, Map<String, Object> variables) {
        mine(taskId);
        try {
            tasks.claim(taskId, participation.user().getUsername());
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            throw new ProcessException(ProcessException.Reason.ALREADY_DONE,
                    "Task " + taskId + " was submitted twice", e);
        } catch (NullValueException e) { // completed or cancelled by another transaction since it was read
            throw refusal(taskId);
        }
    }

    private TaskQuery query(Set<String> groups) {
        return tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).active();
    }

    /** The task, if it waits in one of the user's groups; otherwise why not. */
    private Task mine(String taskId) {
        Task task = query(participation.groups()).taskId(taskId).initializeFormKeys().singleResult();
        if (task != null) {
            return task;
        }
        throw refusal(taskId);
    }

    /** Why a task is not in the user's inbox: another school's, completed already, or gone with its process. */
    private ProcessException refusal(String taskId) {
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return new ProcessException(ProcessException.Reason.NOT_YOURS,
                    participation.user().getUsername() + " may not complete task " + taskId);
        }
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null && "completed".equals(done.getDeleteReason())) {
            return new ProcessException(ProcessException.Reason.ALREADY_DONE, "Task " + taskId + " is completed");
        }
        return new ProcessException(ProcessException.Reason.GONE, "Task " + taskId + " no longer exists");
    }

    /** Adds the business key, the school and the launching district of each task's process: two queries a page. */
    private List<WaitingTask> describe(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        String[] instanceIds = page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(Set.of(instanceIds)).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, Map<String, String>> variables = runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds).variableNameIn(SCHOOL, DISTRICT).list().stream()
                .collect(Collectors.groupingBy(VariableInstance::getName,
                        Collectors.toMap(VariableInstance::getProcessInstanceId, v -> String.valueOf(v.getValue()),
                                (a, b) -> a)));
        Map<String, String> schools = variables.getOrDefault(SCHOOL, Map.of());
        Map<String, String> districts = variables.getOrDefault(DISTRICT, Map.of());
        return page.stream().map(task -> new WaitingTask(task.getId(), task.getName(),
                task.getFormKey() == null ? task.getTaskDefinitionKey() : task.getFormKey(),
                task.getProcessInstanceId(), businessKeys.get(task.getProcessInstanceId()),
                schools.get(task.getProcessInstanceId()), districts.get(task.getProcessInstanceId()),
                task.getCreateTime().toInstant())).toList();
    }
}
