package fr.rentree.process.domain;

/**
 * A step a process instance stands at: a user task, a timer, or a service step waiting for its turn.
 *
 * @param id   the BPMN id of the step (the key of its label in the bundle: {@code step.<id>})
 * @param name the BPMN name, used when the bundle has no label
 */
public record CurrentStep(String id, String name) {
}
