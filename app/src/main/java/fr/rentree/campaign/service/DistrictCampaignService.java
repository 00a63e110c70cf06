package fr.rentree.campaign.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.CampaignRepository;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignRepository;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.domain.DistrictSchool;
import fr.rentree.campaign.domain.DistrictSchools;
import fr.rentree.campaign.domain.LaunchPreview;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.process.domain.ProcessStarted;
import fr.rentree.process.service.ProcessService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * District campaigns: district staff launch the rentrée of their district's schools with one plan and stop it; its
 * process starts (or adopts) each school's campaign. District staff act only for the districts whose schools they
 * follow ({@link DistrictCampaigns}, the reading side, checks it); administrators launch none; directors have none
 * of this.
 */
@Service
@Transactional
public class DistrictCampaignService {

    static final String PROCESS = "district-campaign";
    static final String CANCELLED = "district-campaign-cancelled";

    private final DistrictCampaignRepository districtCampaigns;
    private final DistrictSchools schoolLines;
    private final CampaignRepository campaigns;
    private final CampaignService schoolCampaigns;
    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final ProcessService processes;
    private final CurrentUser currentUser;
    private final DistrictCampaigns reads;
    private final Clock clock;

    DistrictCampaignService(DistrictCampaignRepository districtCampaigns, DistrictSchools schoolLines,
            CampaignRepository campaigns, CampaignService schoolCampaigns, SchoolService schools,
            BackOfficeUserService users, ProcessService processes, CurrentUser currentUser, DistrictCampaigns reads,
            Clock clock) {
        this.districtCampaigns = districtCampaigns;
        this.schoolLines = schoolLines;
        this.campaigns = campaigns;
        this.schoolCampaigns = schoolCampaigns;
        this.schools = schools;
        this.users = users;
        this.processes = processes;
        this.currentUser = currentUser;
        this.reads = reads;
        this.clock = clock;
    }

    /** What launching for these schools would do: the numbers the staff confirm. */
    @Transactional(readOnly = true)
    public LaunchPreview preview(String district, Collection<String> schoolUais) {
        Set<String> chosen = chosen(district, schoolUais);
        return new LaunchPreview(chosen.size(), chosen.isEmpty() ? 0
                : campaigns.countSchoolsWithOpenCampaign(chosen, schoolYear()), users.directorCount(chosen));
    }

    /**
     * Launches the campaign of these schools of the district: the campaign, its schools and its process in one
     * transaction; each school's campaign then starts in a job of its own. A second launch of the same name in the
     * district and school year (a double click, a colleague) is refused.
     */
    public DistrictCampaign launch(String district, DistrictPlan plan, Collection<String> schoolUais) {
        SignedInUser user = reads.requireStaffOf(district);
        Set<String> chosen = chosen(district, schoolUais);
        if (chosen.isEmpty()) {
            throw new CampaignException(CampaignException.Reason.NO_SCHOOL, "A district campaign with no school");
        }
        plan.schools().requireDeadlineFrom(today());
        LocalDate deadline = plan.schools().deadline();
        DistrictCampaign campaign;
        try {
            campaign = districtCampaigns.save(DistrictCampaign.launch(district, schoolYear(), plan,
                    user.getUsername(), clock.instant()));
        } catch (DbActionExecutionException e) {
            if (!(e.getCause() instanceof DuplicateKeyException)) {
                throw e;
            }
            throw new CampaignException(CampaignException.Reason.NAME_TAKEN,
                    "District " + district + " has a campaign " + plan.schools().name() + " already");
        }
        long id = Objects.requireNonNull(campaign.id());
        schoolLines.list(id, List.copyOf(chosen));
        // the district's last day counts: its campaigns close when the next day begins
        String closesAt = deadline.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        processes.start(PROCESS, String.valueOf(id), CandidateGroups.district(district), Map.of(
                "district", district, "schools", chosen.size(), "cadence", plan.schools().cadence().toString(),
                "escalationDelay", plan.escalationDelay().toString(), "closesAt", closesAt));
        return byId(id);
    }

    /**
     * Stops a district campaign still running, with the school campaigns it started (each ends as its director's
     * stop would end it); the campaigns it adopted are their schools' and go on.
     */
    public void stop(long id) {
        DistrictCampaign campaign = byId(id);
        reads.requireStaffOf(campaign.district());
        if (!campaign.state().isOpen()) {
            throw new CampaignException(CampaignException.Reason.NOT_OPEN, "District campaign " + id + " has ended");
        }
        campaign.cancel(clock.instant());
        districtCampaigns.save(campaign);
        schoolCampaigns.cancelForDistrict(started(id));
        processes.correlate(CANCELLED, String.valueOf(id));
    }

    /** Service step "open-school-campaign": the school at this place of the launch gets its campaign, or keeps its own. */
    Map<String, Object> openSchool(long id, int position) {
        DistrictCampaign campaign = byId(id);
        DistrictSchool school = schoolLines.at(id, position);
        CampaignService.SchoolOpening opening = schoolCampaigns.openForDistrict(campaign, school.schoolUai());
        schoolLines.follow(id, position, opening.campaignId(), opening.adopted());
        Map<String, Object> variables = new HashMap<>();
        variables.put("campaignId", String.valueOf(opening.campaignId()));
        variables.put("adopted", opening.adopted());
        variables.put("schoolUai", school.schoolUai());
        variables.put("schoolGroup", CandidateGroups.school(school.schoolUai()));
        return variables;
    }

    /** Service step "notify-directors": the directors of a school whose campaign it started are told. */
    void notifyDirectors(long id, long campaignId) {
        schoolCampaigns.notifyLaunch(campaignId, byId(id));
    }

    /** Service step "close-district-schools": at the deadline, the school campaigns it started end with it. */
    void closeSchools(long id) {
        schoolCampaigns.closeWithDistrict(started(id));
    }

    /** Service step "close-district-campaign": the district campaign ends. */
    void close(long id) {
        DistrictCampaign campaign = byId(id);
        campaign.finish(clock.instant());
        districtCampaigns.save(campaign);
    }

    /** A district campaign's process started: noted on it. */
    @EventListener
    void processStarted(ProcessStarted started) {
        if (PROCESS.equals(started.processKey())) {
            started.businessId().flatMap(districtCampaigns::findById).ifPresent(campaign -> {
                campaign.attachProcess(started.processInstanceId());
                districtCampaigns.save(campaign);
            });
        }
    }

    private List<Long> started(long id) {
        return schoolLines.of(id).stream().filter(line -> line.started() && !line.adopted())
                .map(DistrictSchool::campaignId).toList();
    }

    private DistrictCampaign byId(long id) {
        return reads.byId(id);
    }

    /** The chosen schools, each one of the district's that the user follows; anything else is refused. */
    private Set<String> chosen(String district, Collection<String> schoolUais) {
        Set<String> theirs = reads.schoolsOf(district).stream().map(School::uai).collect(Collectors.toSet());
        Set<String> chosen = new TreeSet<>(schoolUais);
        if (!theirs.containsAll(chosen)) {
            chosen.removeAll(theirs);
            throw new AccessDeniedException(currentUser.require().getUsername() + " may not launch for " + chosen);
        }
        return chosen;
    }

    private int schoolYear() {
        return SchoolYear.of(today()).startYear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
