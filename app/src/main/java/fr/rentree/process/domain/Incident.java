package fr.rentree.process.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A service step that failed on every retry and now waits for a person: the process stands still at {@code step}
 * until the incident is retried.
 *
 * @param step    the BPMN id of the step that failed
 * @param message what the step's last failure said (for an operator; not shown as is to directors)
 * @param item    inside a multi-instance, the number of the instance that failed (its loop counter: a district
 *                campaign's school); none elsewhere
 */
public record Incident(String id, String processInstanceId, String step, String message, Instant occurredAt,
                       @Nullable Integer item) {
}
