package fr.rentree.campaign.domain;

import java.time.Instant;

/**
 * The person's step a school campaign waits at, and since when.
 *
 * @param step the step's id in the model ({@code SelectRecipients})
 */
public record Waiting(String step, Instant since) {
}
