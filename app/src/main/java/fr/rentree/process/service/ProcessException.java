package fr.rentree.process.service;

import fr.rentree.base.Refusal;

/** A process action was refused; {@link #reason()} has a message {@code process.error.<name>} in the bundle. */
public class ProcessException extends Refusal {

    public enum Reason {
        /** The task or process belongs to a school (or district) the user does not act for. */
        NOT_YOURS,
        /** The task was completed already (a double click, or a colleague was faster). */
        ALREADY_DONE,
        /** The process no longer waits for it (the campaign was cancelled or has ended). */
        GONE
    }

    private final Reason reason;

    public ProcessException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ProcessException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return "process.error." + reason.name();
    }
}
