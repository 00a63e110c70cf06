package fr.rentree.campaign.service;

import fr.rentree.base.Refusal;

/** A campaign action was refused; {@link #reason()} has a message {@code campaign.error.<name>} in the bundle. */
public class CampaignException extends Refusal {

    public enum Reason {
        /** The school already has an open campaign this school year (a double click, or a colleague). */
        ALREADY_RUNNING,
        /** The selection and mode reach nobody. */
        EMPTY,
        /** The round's PDF is not there (not generated yet, or deleted once the campaign ended). */
        NO_SHEETS,
        /** The campaign has ended or was cancelled already. */
        NOT_OPEN,
        /** No campaign has this number (a mistyped or outdated address). */
        UNKNOWN,
        /** A district campaign of that name runs already this school year (a double click, or a colleague). */
        NAME_TAKEN,
        /** A district campaign with no school. */
        NO_SCHOOL,
        /** The failed step was retried already (by a colleague, or a double click), or is not the campaign's. */
        INCIDENT_GONE
    }

    private final Reason reason;

    public CampaignException(Reason reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return "campaign.error." + reason.name();
    }
}
