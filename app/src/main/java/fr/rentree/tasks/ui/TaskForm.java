package fr.rentree.tasks.ui;

import com.vaadin.flow.component.Component;

/**
 * The form of one kind of human task, contributed by the feature that owns the step (a Spring bean). The inbox finds
 * it by the form key of the BPMN user task; the form submits through its own feature's service, which writes the
 * feature's rows and completes the task in one transaction, inside {@link TaskContext#submit}.
 */
public interface TaskForm {

    /** The {@code camunda:formKey} of the user tasks this form completes. */
    String formKey();

    /** Draws the form for one task. */
    Component create(TaskContext task);

    /** How wide the form's dialog opens (a CSS length); a list to verify wants more than a few fields. */
    default String width() {
        return "40em";
    }
}
