package fr.rentree.process.domain;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A step a process instance went through or stands at, from the engine's history: a user task, a service step, a
 * timer or an event (gateways and flows are left out).
 *
 * @param id      the BPMN id of the step (the key of its label in the bundle: {@code step.<id>})
 * @param name    the BPMN name, used when the bundle has no label
 * @param endedAt     when the step was done or interrupted; null while the process stands there
 * @param interrupted whether it was left unfinished (the campaign was stopped there), not done
 */
public record StepVisit(String id, String name, Instant startedAt, @Nullable Instant endedAt, boolean interrupted) {

    /** Whether the step was done: it ended, and not because the process was stopped there. */
    public boolean done() {
        return endedAt != null && !interrupted;
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }
}
