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
 * @param endedAt when the step was done; null while the process stands there
 */
public record StepVisit(String id, String name, Instant startedAt, @Nullable Instant endedAt) {

    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }
}
