package fr.rentree.process.domain;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A process began or stopped waiting for a person at a human step (an engine user task created, or completed or
 * cancelled): published in the engine's transaction, so the feature whose record the process runs for can tell
 * which step it stands at, and since when, without asking the engine for every record it lists.
 *
 * @param stepId the step's id in the model ({@code SelectRecipients})
 * @param since  when the process began waiting there; none once it no longer waits there
 */
public record StepWaiting(String processKey, @Nullable String businessKey, String stepId, @Nullable Instant since) {

    /** The business key as the id of the feature's record; none when it is no number (a test's own keys). */
    public Optional<Long> businessId() {
        return ProcessStarted.idOf(businessKey);
    }

    public boolean waiting() {
        return since != null;
    }
}
