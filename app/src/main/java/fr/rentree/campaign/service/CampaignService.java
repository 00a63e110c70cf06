package fr.rentree.campaign.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignDetail;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.campaign.domain.CampaignRound;
import fr.rentree.campaign.domain.CampaignRoundRepository;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.FailedMail;
import fr.rentree.campaign.domain.FailedRecipient;
import fr.rentree.campaign.domain.FrozenRecipient;
import fr.rentree.campaign.domain.ProgressLog;
import fr.rentree.campaign.domain.RoundCounts;
import fr.rentree.campaign.domain.RoundPlan;
import fr.rentree.campaign.domain.RoundReport;
import fr.rentree.campaign.domain.WaitingSteps;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.SelectedAccount;
import fr.rentree.directory.domain.SelectionTally;
import fr.rentree.directory.service.ActivationHistory;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.ProcessStarted;
import fr.rentree.process.domain.StepWaiting;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School campaigns: launching their process, the director's steps (select, verify, choose the distribution), and
 * the counting and reminding their service steps do. Every action a person takes checks here that they direct the
 * campaign's school; each writes the campaign and moves its process in one transaction.
 */
@Service
@Transactional
public class CampaignService {

    static final String PROCESS = "school-campaign";
    static final String CANCELLED = "campaign-cancelled";
    /** Process variables: the round being distributed and what it holds, and the director's and the count's answers. */
    static final String ROUND = "round";
    static final String MAILS = "mails";
    static final String SHEETS = "sheets";
    static final String MAILS_LEFT = "mailsLeft";
    static final String CRITERIA_CHANGED = "criteriaChanged";
    static final String DONE = "done";

    private final CampaignRepository campaigns;
    private final CampaignTasks tasks;
    private final CampaignRoundRepository rounds;
    private final Rounds roundLists;
    private final Deliveries deliveries;
    private final ProgressLog progress;
    private final RoundSheets sheets;
    private final SchoolService schools;
    private final RecipientService recipients;
    private final StatisticsService statistics;
    private final ProcessService processes;
    private final InboxService inbox;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog journal;
    private final WaitingSteps waiting;
    private final CampaignSettings settings;
    private final DirectorMails directorMails;
    private final ActivationHistory history;

    CampaignService(CampaignRepository campaigns, CampaignTasks tasks, CampaignRoundRepository rounds, Rounds roundLists,
            Deliveries deliveries, ProgressLog progress, RoundSheets sheets, SchoolService schools,
            RecipientService recipients, StatisticsService statistics, ProcessService processes, InboxService inbox,
            CurrentUser currentUser, Clock clock, AuditLog journal, WaitingSteps waiting, CampaignSettings settings,
            DirectorMails directorMails, ActivationHistory history) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.rounds = rounds;
        this.roundLists = roundLists;
        this.deliveries = deliveries;
        this.progress = progress;
        this.sheets = sheets;
        this.schools = schools;
        this.recipients = recipients;
        this.statistics = statistics;
        this.processes = processes;
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.clock = clock;
        this.journal = journal;
        this.waiting = waiting;
        this.settings = settings;
        this.directorMails = directorMails;
        this.history = history;
    }

    /**
     * Launches the campaign of a school: the campaign and its process are created in one transaction, so a failure
     * leaves neither. The school is locked for the check, so a double click launches once; a second open campaign in
     * the same school year needs the director's confirmation ({@code second}). A deadline before today is refused
     * ({@link fr.rentree.base.FieldsRefused} on the deadline): the campaign would end at its first count.
     */
    public Campaign launch(String schoolUai, CampaignPlan plan, boolean second) {
        SignedInUser user = currentUser.requireDirectorOf(schoolUai);
        plan.requireDeadlineFrom(today());
        schools.lock(schoolUai);
        int year = SchoolYear.of(today()).startYear();
        if (!second && campaigns.existsBySchoolUaiAndSchoolYearAndStateIn(schoolUai, year,
                EnumSet.of(CampaignState.SELECTING, CampaignState.RUNNING))) {
            throw new CampaignException(CampaignException.Reason.ALREADY_RUNNING,
                    "School " + schoolUai + " already has an open campaign in " + year);
        }
        long id = campaigns.save(Campaign.launch(schoolUai, year, plan, user.getUsername(), clock.instant())).id();
        processes.start(PROCESS, String.valueOf(id), CandidateGroups.school(schoolUai),
                Map.of("schoolUai", schoolUai, "cadence", plan.cadence().toString(),
                        "escalationDelay", settings.escalationDelay().toString()));
        return tasks.byId(id); // as the process's start noted it (processStarted)
    }

    /**
     * A school's campaign within a district campaign (the district process's first step for the school): the
     * school's open campaign of the school year, adopted, if it has one, never a second one; otherwise a new campaign
     * with the district's plan, whose process the district's call activity starts next, in this transaction. The
     * school is locked, as at a director's launch, so a director and the district never both open one.
     */
    SchoolOpening openForDistrict(DistrictCampaign district, String schoolUai) {
        schools.lock(schoolUai);
        long districtId = Objects.requireNonNull(district.id());
        Optional<Campaign> open = campaigns.findFirstBySchoolUaiAndSchoolYearAndStateInOrderByCreatedAt(schoolUai,
                district.schoolYear(), EnumSet.of(CampaignState.SELECTING, CampaignState.RUNNING));
        if (open.isPresent()) {
            Campaign adopted = open.get();
            adopted.adoptBy(districtId);
            return new SchoolOpening(campaigns.save(adopted).id(), true);
        }
        Campaign started = campaigns.save(Campaign.launchForDistrict(schoolUai, districtId, district.schoolYear(),
                district.schoolPlan(), district.createdBy(), clock.instant()));
        return new SchoolOpening(started.id(), false);
    }

    /** What a district campaign found at a school: the campaign it follows there, and whether it was open already. */
    record SchoolOpening(long campaignId, boolean adopted) {
    }

    /** A school campaign's process began or stopped waiting at a person's step: noted for the district's pages. */
    @EventListener
    void stepWaiting(StepWaiting step) {
        if (PROCESS.equals(step.processKey())) {
            step.businessId().ifPresent(id -> {
                if (step.since() != null) {
                    waiting.waitAt(id, step.stepId(), step.since());
                } else {
                    waiting.left(id, step.stepId());
                }
            });
        }
    }

    /**
     * Service step "flag-late": the step a campaign launched by its district waits at is late; flagged once, for the
     * district's pages, until the campaign moves on.
     */
    void flagLate(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        waiting.flagLate(campaignId, clock.instant()).ifPresent(late -> directorMails.late(campaign, late.step(),
                late.since()));
    }

    /** Tells the school's directors that their district launched this campaign (a step of the district's process). */
    void notifyLaunch(long campaignId, DistrictCampaign district) {
        directorMails.launched(tasks.byId(campaignId), district);
    }

    /** A school campaign's process started (by a director's launch or a district's call activity): noted on it. */
    @EventListener
    void processStarted(ProcessStarted started) {
        if (PROCESS.equals(started.processKey())) {
            started.businessId().flatMap(campaigns::findById).ifPresent(campaign -> {
                campaign.attachProcess(started.processInstanceId());
                campaigns.save(campaign);
            });
        }
    }

    /** The filters the task's campaign has so far (the screens' defaults before the first selection). */
    @Transactional(readOnly = true)
    public RecipientSelection selection(String taskId) {
        Campaign campaign = tasks.of(taskId);
        return campaign.selection().orElseGet(() -> RecipientSelection.defaults(campaign.schoolUai()));
    }

    /** Step 1, "Sélectionner les destinataires": the filters recorded and the task completed, together. */
    public void submitSelection(String taskId, RecipientSelection selection) {
        Campaign campaign = tasks.of(taskId);
        inbox.complete(taskId, Map.of()); // first: a concurrent second submission stops here, on the task's row
        campaign.recordSelection(selection, clock.instant());
        campaigns.save(campaign);
    }

    /** How many accounts the filters select, and how many have no e-mail (counted live as the director ticks). */
    @Transactional(readOnly = true)
    public SelectionTally tally(RecipientSelection selection) {
        currentUser.requireDirectorOf(selection.schoolUai());
        return recipients.tally(selection);
    }

    /** A page of the selection the director verifies (step 2); codes in clear, for the school's directors only. */
    @Transactional(readOnly = true)
    public List<SelectedAccount> selected(RecipientSelection selection, int offset, int limit) {
        currentUser.requireDirectorOf(selection.schoolUai());
        return recipients.selected(selection, offset, limit);
    }

    /** What the distribution would do with the task's selection: the numbers the director confirms. */
    @Transactional(readOnly = true)
    public RoundPlan plan(String taskId, Distribution distribution) {
        Campaign campaign = tasks.of(taskId);
        return roundLists.first(campaign.selection().orElseThrow(), distribution);
    }

    /** Step 2, "Modifier les critères": back to step 1. */
    public void changeCriteria(String taskId) {
        tasks.of(taskId);
        inbox.complete(taskId, Map.of(CRITERIA_CHANGED, true));
    }

    /**
     * Step 2 validated with step 3's choices: the list is frozen as round 1, in the chosen order, and the process goes
     * on to the e-mails and the PDF. Returns the round's plan.
     */
    public RoundPlan validate(String taskId, Distribution distribution) {
        Campaign campaign = tasks.of(taskId);
        RoundPlan plan = roundLists.first(campaign.selection().orElseThrow(), distribution);
        if (plan.recipients().isEmpty()) {
            throw new CampaignException(CampaignException.Reason.EMPTY, "Campaign " + campaign.id() + " reaches nobody");
        }
        inbox.complete(taskId, Map.of(CRITERIA_CHANGED, false, ROUND, 1, MAILS, plan.mails(),
                SHEETS, plan.sheets()));
        campaign.recordDistribution(distribution);
        campaigns.save(campaign);
        roundLists.open(campaign, 1, plan);
        // the first point of the activation chart: where the list stood when it was handed out
        List<Long> accounts = plan.recipients().stream().map(FrozenRecipient::accountId).distinct().toList();
        progress.record(campaign.id(), clock.instant(), accounts.size(), statistics.activatedAmong(accounts));
        journal.record(campaign.schoolUai(), AuditAction.SEND_CAMPAIGN, campaign.name(), plan.mails(), plan.sheets());
        return plan;
    }

    /** Stops an open campaign at whatever step it stands, with its process; its PDFs are deleted. */
    public void cancel(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        currentUser.requireDirectorOf(campaign.schoolUai());
        if (!campaign.state().isOpen()) {
            throw new CampaignException(CampaignException.Reason.NOT_OPEN, "Campaign " + campaignId + " has ended");
        }
        stop(campaign);
    }

    /** Stops the open campaigns a district campaign started (not those it adopted), each as its director would. */
    void cancelForDistrict(Collection<Long> campaignIds) {
        campaigns.findAllById(campaignIds).stream().filter(campaign -> campaign.state().isOpen()).forEach(this::stop);
    }

    private void stop(Campaign campaign) {
        campaign.cancel(clock.instant());
        campaigns.save(campaign);
        sheets.deleteAll(Objects.requireNonNull(campaign.id()));
        processes.correlate(CANCELLED, String.valueOf(campaign.id()));
    }

    /**
     * The district campaign reached its deadline: the campaigns it started and that are still open end with it
     * (their processes ended with the district's), their PDFs deleted.
     */
    void closeWithDistrict(Collection<Long> campaignIds) {
        for (Campaign campaign : campaigns.findAllById(campaignIds)) {
            if (campaign.state().isOpen()) {
                campaign.closeWithDistrict(clock.instant());
                campaigns.save(campaign);
                sheets.deleteAll(Objects.requireNonNull(campaign.id()));
            }
        }
    }

    /**
     * Service step "count-activations": how many accounts of the distributed list are activated now. Returns whether
     * the campaign is over (target reached or deadline passed).
     */
    boolean countActivations(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        CampaignRound first = rounds.findByCampaignIdOrderByNumber(campaignId).getFirst();
        List<Long> accounts = deliveries.accounts(first.id());
        int activated = statistics.activatedAmong(accounts);
        boolean done = campaign.recordProgress(accounts.size(), activated, clock.instant(), today());
        campaigns.save(campaign);
        progress.record(campaignId, clock.instant(), accounts.size(), activated);
        // the district's trend and chart see the school as it stood at this count, not only at the night's copy
        history.recordSchool(campaign.schoolUai());
        return done;
    }

    /** Service step "prepare-reminder": the next round's list frozen; its number and contents for the process. */
    Map<String, Object> prepareReminder(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        List<CampaignRound> done = rounds.findByCampaignIdOrderByNumber(campaignId);
        RoundPlan plan = roundLists.reminder(campaign, done.getFirst());
        int number = done.getLast().number() + 1;
        roundLists.open(campaign, number, plan);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ROUND, number);
        variables.put(MAILS, plan.mails());
        variables.put(SHEETS, plan.sheets());
        return variables;
    }

    /** Service step "close-campaign": the campaign ends with its summary; its PDFs are deleted. */
    void close(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        campaign.finish(clock.instant());
        campaigns.save(campaign);
        sheets.deleteAll(campaignId);
    }

    /** Gives every failed step of the campaign one more try. */
    public void retryFailedSteps(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        currentUser.requireDirectorOf(campaign.schoolUai());
        campaign.runningProcess().ifPresent(process ->
                processes.incidents(process).forEach(incident -> processes.retry(incident.id())));
    }

    /** The campaigns of the signed-in director's schools, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> myCampaigns() {
        Collection<String> mine = currentUser.require().schoolUais();
        return mine.isEmpty() ? List.of() : campaigns.findBySchoolUaiInOrderByCreatedAtDesc(mine);
    }

    /** The director's campaigns with where each open one stands and what failed there. */
    @Transactional(readOnly = true)
    public List<CampaignOverview> overview() {
        boolean director = currentUser.require().role() == Role.DIRECTOR;
        return myCampaigns().stream().map(campaign -> {
            // a director reads a colleague's username; district staff only a district's own launch
            Optional<String> launchedBy = director || campaign.districtCampaignId().isPresent()
                    ? Optional.of(campaign.createdBy()) : Optional.empty();
            return campaign.runningProcess()
                    .map(process -> new CampaignOverview(campaign, processes.currentSteps(process),
                            processes.incidents(process), List.of(), launchedBy))
                    .orElseGet(() -> new CampaignOverview(campaign, List.of(), List.of(), interrupted(campaign),
                            launchedBy));
        }).toList();
    }

    /** Where a stopped campaign was stopped, so that the list does not show it as if it had run to its end. */
    private List<CurrentStep> interrupted(Campaign campaign) {
        String process = campaign.processInstanceId();
        return campaign.state() == CampaignState.CANCELLED && process != null ? processes.interruptedSteps(process)
                : List.of();
    }

    /**
     * The campaign's page: for the school's directors and the staff of its district (counts only, no personal data).
     */
    @Transactional(readOnly = true)
    public CampaignDetail detail(long campaignId) {
        Campaign campaign = followed(campaignId);
        String process = campaign.processInstanceId();
        List<CampaignRound> opened = rounds.findByCampaignIdOrderByNumber(campaignId);
        Map<Long, RoundCounts> counts = deliveries.counts(campaignId); // read after: it holds every round listed
        List<RoundReport> reports = opened.stream()
                .map(round -> new RoundReport(round, counts.getOrDefault(round.id(), RoundCounts.NONE))).toList();
        return new CampaignDetail(campaign, schools.find(campaign.schoolUai()).map(School::name)
                .orElse(campaign.schoolUai()), process == null ? null : processes.trail(process), reports,
                progress.of(campaignId), campaign.runningProcess().map(processes::incidents).orElse(List.of()));
    }

    /**
     * The campaign, when the user directs or follows its school. Another school's campaign is refused exactly as
     * a missing one is (same reason, same message): its page must not tell which ids exist.
     */
    private Campaign followed(long campaignId) {
        var unknown = new CampaignException(CampaignException.Reason.UNKNOWN, "No campaign " + campaignId);
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> unknown);
        if (!currentUser.require().schoolUais().contains(campaign.schoolUai())) {
            throw unknown;
        }
        return campaign;
    }

    /** The e-mails of the campaign that did not arrive, with whom they were for and why: the school's directors only. */
    @Transactional(readOnly = true)
    public List<FailedRecipient> failedMails(long campaignId) {
        Campaign campaign = tasks.byId(campaignId);
        currentUser.requireDirectorOf(campaign.schoolUai());
        List<FailedMail> failed = deliveries.failedMails(campaignId);
        Map<Long, Recipient> holders = recipients.recipients(campaign.schoolUai(), failed.stream()
                        .map(mail -> new Placement(mail.accountId(), mail.pile(), mail.email())).toList())
                .stream().collect(Collectors.toMap(Recipient::accountId, Function.identity(), (a, b) -> a));
        return failed.stream().filter(mail -> holders.containsKey(mail.accountId()))
                .map(mail -> new FailedRecipient(mail, holders.get(mail.accountId()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long campaignId) {
        return campaigns.findById(campaignId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
