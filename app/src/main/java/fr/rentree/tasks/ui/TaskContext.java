package fr.rentree.tasks.ui;

import com.vaadin.flow.component.Component;
import fr.rentree.process.domain.WaitingTask;

/**
 * What a task form knows of its task, and how it acts: {@link #submit} runs the feature's completion and tells the
 * user how it went ("c'est fait", or why not: already done, gone, not theirs), then closes the form.
 */
public interface TaskContext {

    WaitingTask task();

    /** Runs the completion (a call to the feature's service); refusals (the process's or the feature's) are shown, not thrown. */
    void submit(Runnable completion);

    /**
     * Like {@link #submit}, when the process goes on at once to another step of the same user (back to the criteria):
     * that step's form opens instead of a "c'est fait" that left the director to find it in the list.
     */
    void submitAndOpenNext(Runnable completion);

    /**
     * Runs an action of the form that does not complete the task (a pile ticked, the numbers asked for): a refusal is
     * shown, and when the task was handled elsewhere meanwhile (another tab, a colleague), the form closes.
     */
    void act(Runnable action);

    /** The form's main buttons, in the dialog's footer: in sight however long the form, its content scrolling. */
    void actions(Component... buttons);
}
