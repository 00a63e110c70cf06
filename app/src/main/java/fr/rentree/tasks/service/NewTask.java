package fr.rentree.tasks.service;

import org.jspecify.annotations.Nullable;

/** A user-task job as the engine handed it out: what the inbox needs to show and route it. */
public record NewTask(long jobKey, long processInstanceKey, String elementId, String formKey,
        @Nullable String candidateGroup, @Nullable String schoolUai, @Nullable Long campaignId) {
}
