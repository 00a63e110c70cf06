package fr.rentree.tasks.service;

/** A task could not be completed; {@link #reason()} says why in terms a screen can translate. */
public class TaskCompletionException extends RuntimeException {

    /** Each reason has a message {@code task.error.<name>} in the bundle. */
    public enum Reason {
        /** Not in the user's schools or group. */
        NOT_YOURS,
        /** Completed already (a double click, or a colleague was faster). */
        ALREADY_DONE,
        /** The process no longer waits for it (campaign cancelled). */
        GONE,
        /** The engine did not answer: the task stays in the inbox, try again. */
        ENGINE_UNAVAILABLE
    }

    private final Reason reason;

    public TaskCompletionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public TaskCompletionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
