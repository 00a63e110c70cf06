package fr.rentree.process.service;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** What a service step knows of the process it runs in: the business key and the process variables. */
public record StepContext(String processInstanceId, @Nullable String businessKey, Map<String, Object> variables) {

    public StepContext {
        variables = Map.copyOf(variables);
    }

    /** The business key as the id of the feature's record (a campaign id). */
    public long businessId() {
        return Long.parseLong(Optional.ofNullable(businessKey)
                .orElseThrow(() -> new IllegalStateException("Process " + processInstanceId + " has no business key")));
    }

    /** A whole-number variable of the process (a round number, a count). */
    public int number(String name) {
        if (!(variables.get(name) instanceof Number number)) {
            throw new IllegalStateException("Process " + processInstanceId + " has no number " + name);
        }
        return number.intValue();
    }
}
