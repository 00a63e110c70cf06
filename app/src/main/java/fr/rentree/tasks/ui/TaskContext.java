package fr.rentree.tasks.ui;

import org.jspecify.annotations.Nullable;

/** What a task form knows of the task it completes. */
public record TaskContext(long taskId, @Nullable String schoolUai, @Nullable Long campaignId) {
}
