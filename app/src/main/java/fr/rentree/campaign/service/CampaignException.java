package fr.rentree.campaign.service;

/** A campaign action was refused; {@link #reason()} has a message {@code campaign.error.<name>} in the bundle. */
public class CampaignException extends RuntimeException {

    public enum Reason {
        /** The school already has a campaign waiting for its selection (a double click, or a colleague). */
        ALREADY_RUNNING,
        /** The campaign has ended or was cancelled already. */
        NOT_OPEN
    }

    private final Reason reason;

    public CampaignException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
