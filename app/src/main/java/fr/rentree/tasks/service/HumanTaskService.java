package fr.rentree.tasks.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.rentree.tasks.domain.HumanTask;
import fr.rentree.tasks.domain.HumanTaskRepository;
import fr.rentree.tasks.domain.HumanTaskState;
import io.camunda.client.CamundaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human-task inbox: mirrors the engine's job-based user tasks into MariaDB and completes them.
 * The engine stays the truth: a task whose job is gone leaves every inbox at the next reconciliation.
 */
@Service
@Transactional
public class HumanTaskService {

    private static final Logger LOG = LoggerFactory.getLogger(HumanTaskService.class);

    private final HumanTaskRepository tasks;
    private final CamundaClient engine;
    private final Clock clock;
    private final Duration jobTimeout;

    HumanTaskService(HumanTaskRepository tasks, CamundaClient engine, Clock clock,
            @Value("${rentree.tasks.user-task-timeout}") Duration jobTimeout) {
        this.tasks = tasks;
        this.engine = engine;
        this.clock = clock;
        this.jobTimeout = jobTimeout;
    }

    /** Stores a task for the job unless one exists: the engine hands a job out again after its timeout. */
    public HumanTask mirror(NewTask job) {
        return tasks.findByJobKey(job.jobKey()).orElseGet(() -> {
            try {
                return tasks.save(HumanTask.open(job.jobKey(), job.processInstanceKey(), job.elementId(),
                        job.formKey(), job.candidateGroup(), job.schoolUai(), job.campaignId(), clock.instant()));
            } catch (DuplicateKeyException raced) {
                return tasks.findByJobKey(job.jobKey()).orElseThrow();
            }
        });
    }

    @Transactional(readOnly = true)
    public List<HumanTask> inbox(Collection<String> schoolUais, Collection<String> groups) {
        if (schoolUais.isEmpty() || groups.isEmpty()) {
            return List.of();
        }
        return tasks.findInbox(schoolUais, groups);
    }

    @Transactional(readOnly = true)
    public Optional<HumanTask> find(long taskId) {
        return tasks.findById(taskId);
    }

    @Transactional(readOnly = true)
    public List<HumanTask> ofProcessInstance(long processInstanceKey) {
        return tasks.findByProcessInstanceKey(processInstanceKey);
    }

    /**
     * Completes the task's job with the form's variables. The task is claimed first (a second click loses),
     * then the engine is told, outside any transaction; if the engine cannot be reached the task goes back to
     * the inbox unchanged.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void complete(long taskId, Map<String, Object> variables, String username,
            Collection<String> schoolUais, Collection<String> groups) {
        HumanTask task = claim(taskId, username, schoolUais, groups);
        try {
            engine.newCompleteCommand(task.jobKey()).variables(variables).send().join();
        } catch (RuntimeException e) {
            if (EngineAnswers.jobNotFound(e)) {
                task.jobGone(clock.instant());
                tasks.save(task);
                throw new TaskCompletionException(TaskCompletionException.Reason.GONE,
                        "The job of task " + taskId + " no longer exists", e);
            }
            task.reopen(clock.instant());
            tasks.save(task);
            throw new TaskCompletionException(TaskCompletionException.Reason.ENGINE_UNAVAILABLE,
                    "The engine did not accept the completion of task " + taskId, e);
        }
        task.completed(clock.instant());
        tasks.save(task);
    }

    private HumanTask claim(long taskId, String username, Collection<String> schoolUais, Collection<String> groups) {
        HumanTask task = tasks.findById(taskId).orElseThrow(() -> new TaskCompletionException(
                TaskCompletionException.Reason.GONE, "No task " + taskId));
        if (!schoolUais.contains(task.schoolUai()) || !groups.contains(task.candidateGroup())) {
            throw new TaskCompletionException(TaskCompletionException.Reason.NOT_YOURS,
                    username + " may not complete task " + taskId);
        }
        if (task.state() == HumanTaskState.CANCELLED) {
            throw new TaskCompletionException(TaskCompletionException.Reason.GONE, "Task " + taskId + " was cancelled");
        }
        if (task.state() != HumanTaskState.OPEN) {
            throw new TaskCompletionException(TaskCompletionException.Reason.ALREADY_DONE,
                    "Task " + taskId + " is " + task.state());
        }
        try {
            task.startCompletion(username, clock.instant());
            return tasks.save(task);
        } catch (OptimisticLockingFailureException e) {
            throw new TaskCompletionException(TaskCompletionException.Reason.ALREADY_DONE,
                    "Task " + taskId + " was submitted twice", e);
        }
    }

    /**
     * Asks the engine about every pending task: a job it no longer has (process cancelled, ended) takes its task
     * out of the inboxes, so no ghost stays; a live one gets its lock extended.
     */
    @Scheduled(fixedDelayString = "${rentree.tasks.reconcile-interval}", initialDelayString = "PT30S")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void reconcile() {
        for (HumanTask task : tasks.findByStateIn(EnumSet.of(HumanTaskState.OPEN, HumanTaskState.COMPLETING))) {
            try {
                engine.newUpdateTimeoutCommand(task.jobKey()).timeout(jobTimeout).send().join();
                if (task.state() == HumanTaskState.COMPLETING
                        && task.stateChangedAt().isBefore(clock.instant().minus(Duration.ofMinutes(1)))) {
                    task.reopen(clock.instant()); // a completion interrupted before the engine heard of it
                    tasks.save(task);
                }
            } catch (RuntimeException e) {
                if (EngineAnswers.jobNotFound(e)) {
                    task.jobGone(clock.instant());
                    tasks.save(task);
                    LOG.info("Task {} ({}) left the inbox: its job is gone from the engine", task.id(),
                            task.formKey());
                } else {
                    LOG.debug("Task {} not reconciled this time: {}", task.id(), e.getMessage());
                }
            }
        }
    }
}
