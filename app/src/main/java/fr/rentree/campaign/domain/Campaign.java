package fr.rentree.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Percent;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.reports.SheetLayout;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * The campaign of one school: what the director launched and chose, where it stands, and the process instance that
 * drives it. Each transition guards its state, so a step the engine runs twice changes nothing the second time.
 */
public class Campaign {

    @Id
    private @Nullable Long id;
    private String schoolUai;
    /** The district campaign that started or adopted this one; none for a campaign the school runs alone. */
    private @Nullable Long districtCampaignId;
    private String name;
    private int schoolYear;
    private LocalDate deadline;
    private int targetPercent;
    private String cadence;
    private CampaignState state;
    // the selection (step 1), one column per filter
    private @Nullable String profiles;
    private @Nullable ActivationFilter activation;
    private @Nullable String classes;
    private @Nullable EmailFilter emailFilter;
    private @Nullable LocalAdminFilter localAdmins;
    private @Nullable LocalDate createdSince;
    private @Nullable LocalDate createdBefore;
    private boolean withPreDeletion;
    // the distribution (steps 2 and 3)
    private @Nullable DistributionOrder distributionOrder;
    private @Nullable ParentPlacement parentPlacement;
    private @Nullable SheetLayout sheetLayout;
    private @Nullable DistributionMode mode;
    private @Nullable String processInstanceId;
    private Instant createdAt;
    private String createdBy;
    private @Nullable Instant selectionRecordedAt;
    private @Nullable Instant progressCheckedAt;
    private @Nullable Long accountsSelected;
    private @Nullable Long accountsActivated;
    private @Nullable Instant finishedAt;
    @Version
    private @Nullable Integer version;

    Campaign() {
        // for Spring Data, which sets the fields
        schoolUai = name = cadence = createdBy = "";
        deadline = LocalDate.EPOCH;
        state = CampaignState.SELECTING;
        createdAt = Instant.EPOCH;
    }

    public static Campaign launch(String schoolUai, int schoolYear, CampaignPlan plan, String username, Instant now) {
        Campaign campaign = new Campaign();
        campaign.schoolUai = schoolUai;
        campaign.schoolYear = schoolYear;
        campaign.name = plan.name();
        campaign.deadline = plan.deadline();
        campaign.targetPercent = plan.targetPercent();
        campaign.cadence = plan.cadence().toString();
        campaign.createdBy = username;
        campaign.createdAt = now;
        return campaign;
    }

    /** A school's campaign started by a district campaign, with the district's plan. */
    public static Campaign launchForDistrict(String schoolUai, long districtCampaignId, int schoolYear,
            CampaignPlan plan, String username, Instant now) {
        Campaign campaign = launch(schoolUai, schoolYear, plan, username, now);
        campaign.districtCampaignId = districtCampaignId;
        return campaign;
    }

    /**
     * Notes the process instance that drives the campaign, once; the same instance again changes nothing (its start
     * is told to the campaign whoever started it).
     */
    public void attachProcess(String instanceId) {
        if (processInstanceId != null && !processInstanceId.equals(instanceId)) {
            throw new IllegalStateException("Campaign " + id + " already runs as process " + processInstanceId);
        }
        processInstanceId = instanceId;
    }

    /**
     * A district campaign follows this open campaign instead of starting a second one for the school; a campaign
     * already followed by another district campaign stays linked to the first.
     */
    public void adoptBy(long districtCampaign) {
        if (!state.isOpen()) {
            throw new IllegalStateException("Campaign " + id + " is " + state + ": it cannot be adopted");
        }
        if (districtCampaignId == null) {
            districtCampaignId = districtCampaign;
        }
    }

    /** The district campaign ended at its deadline: this school's campaign, still open, ends with it. */
    public void closeWithDistrict(Instant now) {
        if (state.isOpen()) {
            state = CampaignState.FINISHED;
            finishedAt = now;
        }
    }

    /** Records the director's filters (step 1); they can change until the list is validated. */
    public void recordSelection(RecipientSelection selection, Instant now) {
        require(CampaignState.SELECTING);
        if (!selection.schoolUai().equals(schoolUai)) {
            throw new IllegalArgumentException("A selection of " + selection.schoolUai() + " for " + schoolUai);
        }
        profiles = selection.profiles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        classes = String.join("\n", selection.classes());
        activation = selection.activation();
        emailFilter = selection.email();
        localAdmins = selection.localAdmins();
        createdSince = selection.createdSince();
        createdBefore = selection.createdBefore();
        withPreDeletion = selection.withPreDeletion();
        selectionRecordedAt = now;
    }

    /** Records the order, model and mode once the director validated the list (step 2): the rounds begin. */
    public void recordDistribution(Distribution distribution) {
        require(CampaignState.SELECTING);
        if (selectionRecordedAt == null) {
            throw new IllegalStateException("Campaign " + id + " has no selection to distribute");
        }
        distributionOrder = distribution.order();
        parentPlacement = distribution.parents();
        sheetLayout = distribution.layout();
        mode = distribution.mode();
        state = CampaignState.RUNNING;
    }

    /**
     * Records how many accounts of the distributed list are activated, and says whether the campaign is over: the
     * target reached, or the deadline passed.
     */
    public boolean recordProgress(long accounts, long activated, Instant now, LocalDate today) {
        accountsSelected = accounts;
        accountsActivated = activated;
        progressCheckedAt = now;
        return activationPercent().orElse(100) >= targetPercent || today.isAfter(deadline);
    }

    /** Ends the campaign after its summary; done once. */
    public void finish(Instant now) {
        if (state == CampaignState.RUNNING) {
            state = CampaignState.FINISHED;
            finishedAt = now;
        }
    }

    /** Stops a campaign that is still open. */
    public void cancel(Instant now) {
        if (!state.isOpen()) {
            throw new IllegalStateException("Campaign " + id + " is " + state + ": it cannot be cancelled");
        }
        state = CampaignState.CANCELLED;
        finishedAt = now;
    }

    private void require(CampaignState expected) {
        if (state != expected) {
            throw new IllegalStateException("Campaign " + id + " is " + state + ", not " + expected);
        }
    }

    /** The filters recorded at step 1; none before. */
    public Optional<RecipientSelection> selection() {
        if (selectionRecordedAt == null || profiles == null || activation == null || emailFilter == null
                || localAdmins == null) {
            return Optional.empty();
        }
        Set<Profile> chosen = profiles.isEmpty() ? Set.of()
                : Arrays.stream(profiles.split(",")).map(Profile::valueOf).collect(Collectors.toSet());
        Set<String> codes = classes == null || classes.isEmpty() ? Set.of() : Set.of(classes.split("\n"));
        return Optional.of(new RecipientSelection(schoolUai, chosen, codes, activation, emailFilter, localAdmins,
                createdSince, createdBefore, withPreDeletion));
    }

    /** The order, model and mode chosen at verification; none before. */
    public Optional<Distribution> distribution() {
        return distributionOrder == null || parentPlacement == null || sheetLayout == null || mode == null
                ? Optional.empty() : Optional.of(new Distribution(distributionOrder, parentPlacement, sheetLayout, mode));
    }

    /** The share of the distributed accounts activated when progress was last counted, in percent. */
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

    public String name() {
        return name;
    }

    public Optional<Long> districtCampaignId() {
        return Optional.ofNullable(districtCampaignId);
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

    public @Nullable Instant progressCheckedAt() {
        return progressCheckedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }
}
