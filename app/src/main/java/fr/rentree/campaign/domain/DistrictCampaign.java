package fr.rentree.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * The rentrée of many schools of one district, launched by its staff: one plan for every school, and the process
 * that starts each school's campaign. Its transitions guard their state, so a step the engine runs twice changes
 * nothing the second time.
 */
public class DistrictCampaign {

    @Id
    private @Nullable Long id;
    private String district;
    private String name;
    private int schoolYear;
    private LocalDate deadline;
    private int targetPercent;
    private String cadence;
    private String escalationDelay;
    private DistrictCampaignState state;
    private @Nullable String processInstanceId;
    private Instant createdAt;
    private String createdBy;
    private @Nullable Instant finishedAt;
    @Version
    private @Nullable Integer version;

    DistrictCampaign() {
        // for Spring Data, which sets the fields
        district = name = cadence = escalationDelay = createdBy = "";
        deadline = LocalDate.EPOCH;
        state = DistrictCampaignState.RUNNING;
        createdAt = Instant.EPOCH;
    }

    public static DistrictCampaign launch(String district, int schoolYear, DistrictPlan plan, String username,
            Instant now) {
        DistrictCampaign campaign = new DistrictCampaign();
        campaign.district = district;
        campaign.schoolYear = schoolYear;
        campaign.name = plan.schools().name();
        campaign.deadline = plan.schools().deadline();
        campaign.targetPercent = plan.schools().targetPercent();
        campaign.cadence = plan.schools().cadence().toString();
        campaign.escalationDelay = plan.escalationDelay().toString();
        campaign.createdBy = username;
        campaign.createdAt = now;
        return campaign;
    }

    public void attachProcess(String instanceId) {
        if (processInstanceId != null) {
            throw new IllegalStateException("District campaign " + id + " already runs as " + processInstanceId);
        }
        processInstanceId = instanceId;
    }

    /** Ends the campaign once its final report is written; done once. */
    public void finish(Instant now) {
        if (state == DistrictCampaignState.RUNNING) {
            state = DistrictCampaignState.FINISHED;
            finishedAt = now;
        }
    }

    /** Stops a campaign still running. */
    public void cancel(Instant now) {
        if (!state.isOpen()) {
            throw new IllegalStateException("District campaign " + id + " is " + state + ": it cannot be cancelled");
        }
        state = DistrictCampaignState.CANCELLED;
        finishedAt = now;
    }

    /** The plan each school campaign of the district gets. */
    public CampaignPlan schoolPlan() {
        return new CampaignPlan(name, deadline, targetPercent, Duration.parse(cadence));
    }

    public @Nullable Long id() {
        return id;
    }

    public String district() {
        return district;
    }

    public String name() {
        return name;
    }

    public int schoolYear() {
        return schoolYear;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public int targetPercent() {
        return targetPercent;
    }

    public Duration cadence() {
        return Duration.parse(cadence);
    }

    public Duration escalationDelay() {
        return Duration.parse(escalationDelay);
    }

    public DistrictCampaignState state() {
        return state;
    }

    public @Nullable String processInstanceId() {
        return processInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }
}
