package fr.rentree.process.domain;

import java.time.Instant;

/**
 * A service step that failed on every retry and now waits for a person: the process stands still at {@code step}
 * until the incident is retried.
 *
 * @param step    the BPMN id of the step that failed
 * @param message what the step's last failure said (for an operator; not shown as is to directors)
 */
public record Incident(String id, String processInstanceId, String step, String message, Instant occurredAt) {
}
