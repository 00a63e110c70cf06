package fr.rentree.process.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A human step a process waits for: an engine user task, as the inbox shows it.
 *
 * @param formKey     the key of the feature's form that completes it
 * @param businessKey the id of the feature's record the process runs for (a campaign id)
 * @param schoolUai   the school the process runs for, when it runs for one
 * @param district    the district whose campaign started the process, when a district's did
 */
public record WaitingTask(String id, String name, String formKey, String processInstanceId,
        @Nullable String businessKey, @Nullable String schoolUai, @Nullable String district, Instant createdAt) {
}
