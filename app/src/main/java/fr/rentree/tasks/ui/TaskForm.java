package fr.rentree.tasks.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;

/**
 * The form of one kind of human task, contributed by the feature that owns the step (a Spring bean). The inbox
 * finds it by the form key of the BPMN user task and completes the job with what the form submits.
 */
public interface TaskForm {

    /** The {@code zeebe:formDefinition formKey} this form answers. */
    String formKey();

    /** Draws the form; {@code submit} is called with the variables to complete the task with. */
    Component create(TaskContext task, Consumer<Map<String, Object>> submit);
}
