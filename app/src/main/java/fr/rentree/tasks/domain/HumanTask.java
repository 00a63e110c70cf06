package fr.rentree.tasks.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * A human step of a process, mirrored from the engine's job-based user task (one row per job key). The inbox reads
 * these rows; completing one completes the job. The version makes a double submission lose cleanly.
 */
public class HumanTask {

    @Id
    private @Nullable Long id;
    private final long jobKey;
    private final long processInstanceKey;
    private final String elementId;
    private final String formKey;
    private final @Nullable String candidateGroup;
    private final @Nullable String schoolUai;
    private final @Nullable Long campaignId;
    private HumanTaskState state;
    private final Instant createdAt;
    private Instant stateChangedAt;
    private @Nullable String completedBy;
    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    HumanTask(@Nullable Long id, long jobKey, long processInstanceKey, String elementId, String formKey,
            @Nullable String candidateGroup, @Nullable String schoolUai, @Nullable Long campaignId,
            HumanTaskState state, Instant createdAt, Instant stateChangedAt, @Nullable String completedBy,
            @Nullable Integer version) {
        this.id = id;
        this.jobKey = jobKey;
        this.processInstanceKey = processInstanceKey;
        this.elementId = elementId;
        this.formKey = formKey;
        this.candidateGroup = candidateGroup;
        this.schoolUai = schoolUai;
        this.campaignId = campaignId;
        this.state = state;
        this.createdAt = createdAt;
        this.stateChangedAt = stateChangedAt;
        this.completedBy = completedBy;
        this.version = version;
    }

    public static HumanTask open(long jobKey, long processInstanceKey, String elementId, String formKey,
            @Nullable String candidateGroup, @Nullable String schoolUai, @Nullable Long campaignId, Instant now) {
        return new HumanTask(null, jobKey, processInstanceKey, elementId, formKey, candidateGroup, schoolUai,
                campaignId, HumanTaskState.OPEN, now, now, null, null);
    }

    /** Someone submits the task: only an open task can be submitted, and only once. */
    public void startCompletion(String username, Instant now) {
        require(HumanTaskState.OPEN);
        completedBy = username;
        moveTo(HumanTaskState.COMPLETING, now);
    }

    public void completed(Instant now) {
        require(HumanTaskState.COMPLETING);
        moveTo(HumanTaskState.COMPLETED, now);
    }

    /** The engine could not be told: the task goes back to the inbox, nothing is lost. */
    public void reopen(Instant now) {
        require(HumanTaskState.COMPLETING);
        completedBy = null;
        moveTo(HumanTaskState.OPEN, now);
    }

    /**
     * The engine no longer has the job. An open task was cancelled with its process; a task caught mid-completion
     * (the application stopped between the engine's answer and this row) did complete.
     */
    public void jobGone(Instant now) {
        moveTo(state == HumanTaskState.COMPLETING ? HumanTaskState.COMPLETED : HumanTaskState.CANCELLED, now);
    }

    private void require(HumanTaskState expected) {
        if (state != expected) {
            throw new IllegalStateException("Task " + id + " is " + state + ", not " + expected);
        }
    }

    private void moveTo(HumanTaskState next, Instant now) {
        state = next;
        stateChangedAt = now;
    }

    public @Nullable Long id() {
        return id;
    }

    public long jobKey() {
        return jobKey;
    }

    public long processInstanceKey() {
        return processInstanceKey;
    }

    public String elementId() {
        return elementId;
    }

    public String formKey() {
        return formKey;
    }

    public @Nullable String candidateGroup() {
        return candidateGroup;
    }

    public @Nullable String schoolUai() {
        return schoolUai;
    }

    public @Nullable Long campaignId() {
        return campaignId;
    }

    public HumanTaskState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public @Nullable String completedBy() {
        return completedBy;
    }
}
