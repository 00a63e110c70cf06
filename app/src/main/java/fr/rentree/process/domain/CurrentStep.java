package fr.rentree.process.domain;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A step a process instance stands at: a user task, a timer, or a service step waiting for its turn.
 *
 * @param id   the BPMN id of the step (the key of its label in the bundle: {@code step.<id>})
 * @param name the BPMN name, used when the bundle has no label
 * @param due  when a timer step falls due ("En attente jusqu'au prochain point d'étape" did not say when); null
 *             for any other step
 */
public record CurrentStep(String id, String name, @Nullable Instant due) {

    public CurrentStep(String id, String name) {
        this(id, name, null);
    }

    public Optional<Instant> dueAt() {
        return Optional.ofNullable(due);
    }
}
