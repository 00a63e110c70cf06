package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.Optional;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Percent;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * The campaign of one school: what the director chose, where it stands, and the process instance that drives it.
 * Each transition guards its state, so a step the engine runs twice changes nothing the second time.
 */
public class Campaign {

    @Id
    private @Nullable Long id;
    private final String schoolUai;
    private CampaignState state;
    private @Nullable String profiles;
    private @Nullable ActivationFilter activation;
    private @Nullable String processInstanceId;
    private final Instant createdAt;
    private final String createdBy;
    private @Nullable Instant selectionRecordedAt;
    private @Nullable Instant selectionConfirmedAt;
    private @Nullable Instant progressCheckedAt;
    private @Nullable Long accountsSelected;
    private @Nullable Long accountsActivated;
    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    Campaign(@Nullable Long id, String schoolUai, CampaignState state, @Nullable String profiles,
            @Nullable ActivationFilter activation, @Nullable String processInstanceId, Instant createdAt,
            String createdBy, @Nullable Instant selectionRecordedAt, @Nullable Instant selectionConfirmedAt,
            @Nullable Instant progressCheckedAt, @Nullable Long accountsSelected, @Nullable Long accountsActivated,
            @Nullable Integer version) {
        this.id = id;
        this.schoolUai = schoolUai;
        this.state = state;
        this.profiles = profiles;
        this.activation = activation;
        this.processInstanceId = processInstanceId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.selectionRecordedAt = selectionRecordedAt;
        this.selectionConfirmedAt = selectionConfirmedAt;
        this.progressCheckedAt = progressCheckedAt;
        this.accountsSelected = accountsSelected;
        this.accountsActivated = accountsActivated;
        this.version = version;
    }

    public static Campaign launch(String schoolUai, String username, Instant now) {
        return new Campaign(null, schoolUai, CampaignState.SELECTING, null, null, null, now, username, null, null,
                null, null, null, null);
    }

    public void attachProcess(String instanceId) {
        if (processInstanceId != null) {
            throw new IllegalStateException("Campaign " + id + " already runs as process " + processInstanceId);
        }
        processInstanceId = instanceId;
    }

    /** Records the director's selection; only while the campaign waits for it. */
    public void recordSelection(SelectionCriteria criteria, Instant now) {
        require(CampaignState.SELECTING);
        profiles = criteria.profilesColumn();
        activation = criteria.activation();
        selectionRecordedAt = now;
        state = CampaignState.RUNNING;
    }

    /**
     * Marks the confirmation to the school as sent. Returns false, changing nothing, when it was sent already: the
     * engine may run the step twice.
     */
    public boolean confirmSelection(Instant now) {
        if (selectionConfirmedAt != null) {
            return false;
        }
        selectionConfirmedAt = now;
        return true;
    }

    /** Records how many of the selected accounts are activated, and ends the campaign (done once). */
    public void recordProgress(long selected, long activated, Instant now) {
        if (state != CampaignState.RUNNING) {
            return;
        }
        accountsSelected = selected;
        accountsActivated = activated;
        progressCheckedAt = now;
        state = CampaignState.FINISHED;
    }

    /** Stops a campaign that is still open. */
    public void cancel() {
        if (!state.isOpen()) {
            throw new IllegalStateException("Campaign " + id + " is " + state + ": it cannot be cancelled");
        }
        state = CampaignState.CANCELLED;
    }

    private void require(CampaignState expected) {
        if (state != expected) {
            throw new IllegalStateException("Campaign " + id + " is " + state + ", not " + expected);
        }
    }

    public Optional<SelectionCriteria> selection() {
        return profiles == null || activation == null ? Optional.empty()
                : Optional.of(new SelectionCriteria(SelectionCriteria.parseProfiles(profiles), activation));
    }

    /** The share of the selected accounts that were activated when progress was last checked, in percent. */
    public Optional<Integer> activationPercent() {
        return accountsSelected == null || accountsActivated == null || accountsSelected == 0 ? Optional.empty()
                : Optional.of(Percent.of(accountsActivated, accountsSelected));
    }

    public @Nullable Long id() {
        return id;
    }

    public String schoolUai() {
        return schoolUai;
    }

    public CampaignState state() {
        return state;
    }

    public @Nullable String processInstanceId() {
        return processInstanceId;
    }

    /** The process instance of an open campaign; none once it has ended or was stopped. */
    public Optional<String> runningProcess() {
        return state.isOpen() ? Optional.ofNullable(processInstanceId) : Optional.empty();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public @Nullable Instant selectionConfirmedAt() {
        return selectionConfirmedAt;
    }

    public @Nullable Instant progressCheckedAt() {
        return progressCheckedAt;
    }
}
