package fr.rentree.campaign.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School campaigns: launching their process, the director's steps, and the work of their service steps. Every
 * action a person takes checks here that they direct the campaign's school; each writes the campaign and moves its
 * process in one transaction.
 */
@Service
@Transactional
public class CampaignService {

    static final String PROCESS = "school-campaign";
    static final String CANCELLED = "campaign-cancelled";

    private final CampaignRepository campaigns;
    private final SchoolService schools;
    private final StatisticsService statistics;
    private final MailService mail;
    private final MessageSource messages;
    private final ProcessService processes;
    private final InboxService inbox;
    private final CurrentUser currentUser;
    private final Duration cadence;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, SchoolService schools, StatisticsService statistics,
            MailService mail, MessageSource messages, ProcessService processes, InboxService inbox,
            CurrentUser currentUser, @Value("${rentree.campaign.cadence}") Duration cadence, Clock clock) {
        this.campaigns = campaigns;
        this.schools = schools;
        this.statistics = statistics;
        this.mail = mail;
        this.messages = messages;
        this.processes = processes;
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.cadence = cadence;
        this.clock = clock;
    }

    /**
     * Launches the campaign of a school: the campaign and its process are created in one transaction, so a failure
     * leaves neither. The school is locked for the check, so a double click launches once.
     */
    public Campaign launch(String schoolUai) {
        SignedInUser user = requireDirectorOf(schoolUai);
        schools.lock(schoolUai);
        if (campaigns.existsBySchoolUaiAndState(schoolUai, CampaignState.SELECTING)) {
            throw new CampaignException(CampaignException.Reason.ALREADY_RUNNING,
                    "School " + schoolUai + " already has a campaign waiting for its selection");
        }
        Campaign campaign = campaigns.save(Campaign.launch(schoolUai, user.getUsername(), clock.instant()));
        campaign.attachProcess(processes.start(PROCESS, String.valueOf(campaign.id()),
                CandidateGroups.school(schoolUai), Map.of("schoolUai", schoolUai, "cadence", cadence.toString())));
        return campaigns.save(campaign);
    }

    /**
     * The director's selection (task "Sélectionner les destinataires"): recorded on the campaign of the task's
     * process and the task completed, together.
     */
    public void submitSelection(String taskId, SelectionCriteria criteria) {
        WaitingTask task = inbox.task(taskId);
        inbox.complete(taskId, Map.of()); // first: a concurrent second submission stops here, on the task's row
        Campaign campaign = campaignOf(task);
        campaign.recordSelection(criteria, clock.instant());
        campaigns.save(campaign);
    }

    /** Stops an open campaign at whatever step it stands, with its process. */
    public void cancel(long campaignId) {
        Campaign campaign = campaign(campaignId);
        requireDirectorOf(campaign.schoolUai());
        if (!campaign.state().isOpen()) {
            throw new CampaignException(CampaignException.Reason.NOT_OPEN, "Campaign " + campaignId + " has ended");
        }
        campaign.cancel();
        campaigns.save(campaign);
        processes.correlate(CANCELLED, String.valueOf(campaignId));
    }

    /**
     * Service step "confirm-selection": tells the school by e-mail what was selected. Done once even when the engine
     * runs the step again; the mail goes last, so a mail failure rolls the record back and the engine retries both.
     */
    void confirmSelection(long campaignId) {
        Campaign campaign = campaign(campaignId);
        if (!campaign.confirmSelection(clock.instant())) {
            return;
        }
        campaigns.save(campaign);
        SelectionCriteria criteria = campaign.selection().orElseThrow();
        schools.find(campaign.schoolUai()).filter(s -> s.contactEmail() != null)
                .ifPresent(s -> mail.send(confirmation(s, criteria)));
    }

    /** Service step "check-progress": counts the selected profiles' accounts and how many are activated. */
    void checkProgress(long campaignId) {
        Campaign campaign = campaign(campaignId);
        SelectionCriteria criteria = campaign.selection().orElseThrow();
        List<ActivationTally> tallies = statistics.ofSchool(campaign.schoolUai()).stream()
                .filter(tally -> criteria.profiles().contains(tally.profile())).toList();
        campaign.recordProgress(tallies.stream().mapToLong(ActivationTally::total).sum(),
                tallies.stream().mapToLong(ActivationTally::activated).sum(), clock.instant());
        campaigns.save(campaign);
    }

    /** Gives every failed step of the campaign one more try. */
    public void retryFailedSteps(long campaignId) {
        Campaign campaign = campaign(campaignId);
        requireDirectorOf(campaign.schoolUai());
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
        return myCampaigns().stream().map(campaign -> campaign.runningProcess()
                .map(process -> new CampaignOverview(campaign, processes.currentSteps(process),
                        processes.incidents(process)))
                .orElseGet(() -> new CampaignOverview(campaign, List.of(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long campaignId) {
        return campaigns.findById(campaignId);
    }

    private Campaign campaign(long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
    }

    private Campaign campaignOf(WaitingTask task) {
        return Optional.ofNullable(task.businessKey()).map(Long::parseLong).flatMap(campaigns::findById)
                .filter(campaign -> campaign.schoolUai().equals(task.schoolUai()))
                .orElseThrow(() -> new IllegalStateException("Task " + task.id() + " is not a campaign's"));
    }

    private SignedInUser requireDirectorOf(String schoolUai) {
        SignedInUser user = currentUser.require();
        if (!user.schoolUais().contains(schoolUai) || user.role() != Role.DIRECTOR) {
            throw new AccessDeniedException(user.getUsername() + " does not direct school " + schoolUai);
        }
        return user;
    }

    private OutgoingMail confirmation(School school, SelectionCriteria criteria) {
        Locale french = Locale.FRENCH; // schools' mail is in French
        String profiles = criteria.profiles().stream()
                .map(p -> messages.getMessage("profile." + p.name(), null, french))
                .collect(Collectors.joining(", "));
        String activation = messages.getMessage("activation." + criteria.activation().name(), null, french);
        return new OutgoingMail(school.contactEmail(),
                messages.getMessage("mail.selection.subject", new Object[] {school.name()}, french),
                messages.getMessage("mail.selection.body", new Object[] {school.name(), profiles, activation},
                        french));
    }
}
