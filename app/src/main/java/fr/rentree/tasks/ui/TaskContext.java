package fr.rentree.tasks.ui;

import java.util.function.Consumer;

import fr.rentree.process.domain.WaitingTask;

/**
 * What a task form knows of its task, and how it submits: {@link #submit} runs the feature's completion and tells the
 * user how it went ("c'est fait", or why not: already done, gone, not theirs), then closes the form.
 */
public final class TaskContext {

    private final WaitingTask task;
    private final Consumer<Runnable> submitter;

    TaskContext(WaitingTask task, Consumer<Runnable> submitter) {
        this.task = task;
        this.submitter = submitter;
    }

    public WaitingTask task() {
        return task;
    }

    /** Runs the completion (a call to the feature's service); refusals (the process's or the feature's) are shown, not thrown. */
    public void submit(Runnable completion) {
        submitter.accept(completion);
    }
}
