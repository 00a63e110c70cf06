package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.Optional;

import fr.rentree.directory.domain.ActivationFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/** The campaign of one school: its process instance and what the director chose. */
public class Campaign {

    @Id
    private @Nullable Long id;
    private final String schoolUai;
    private CampaignState state;
    private @Nullable String profiles;
    private @Nullable ActivationFilter activation;
    private @Nullable Long processInstanceKey;
    private final Instant createdAt;
    private final String createdBy;
    private @Nullable Instant selectionRecordedAt;
    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    Campaign(@Nullable Long id, String schoolUai, CampaignState state, @Nullable String profiles,
            @Nullable ActivationFilter activation, @Nullable Long processInstanceKey, Instant createdAt,
            String createdBy, @Nullable Instant selectionRecordedAt, @Nullable Integer version) {
        this.id = id;
        this.schoolUai = schoolUai;
        this.state = state;
        this.profiles = profiles;
        this.activation = activation;
        this.processInstanceKey = processInstanceKey;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.selectionRecordedAt = selectionRecordedAt;
        this.version = version;
    }

    public static Campaign launch(String schoolUai, String username, Instant now) {
        return new Campaign(null, schoolUai, CampaignState.SELECTING, null, null, null, now, username, null, null);
    }

    public void attachProcess(long key) {
        if (processInstanceKey != null) {
            throw new IllegalStateException("Campaign " + id + " already runs as process " + processInstanceKey);
        }
        processInstanceKey = key;
    }

    /**
     * Records the director's selection. Returns false, changing nothing, when it was recorded already: the engine
     * may deliver the same job twice.
     */
    public boolean recordSelection(SelectionCriteria criteria, Instant now) {
        if (state == CampaignState.SELECTION_RECORDED) {
            return false;
        }
        profiles = criteria.profilesColumn();
        activation = criteria.activation();
        state = CampaignState.SELECTION_RECORDED;
        selectionRecordedAt = now;
        return true;
    }

    public Optional<SelectionCriteria> selection() {
        return profiles == null || activation == null ? Optional.empty()
                : Optional.of(new SelectionCriteria(SelectionCriteria.parseProfiles(profiles), activation));
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

    public @Nullable Long processInstanceKey() {
        return processInstanceKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
