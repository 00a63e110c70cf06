package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The person's step a school campaign waits at, since when, and since when it is late (a district's escalation).
 *
 * @param step the step's id in the model ({@code SelectRecipients})
 */
public record Waiting(String step, Instant since, @Nullable Instant lateSince) {

    public Optional<Instant> late() {
        return Optional.ofNullable(lateSince);
    }
}
