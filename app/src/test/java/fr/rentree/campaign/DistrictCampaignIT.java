package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.base.FieldsRefused;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignState;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.domain.LaunchPreview;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.campaign.service.DistrictIncidents;
import fr.rentree.campaign.domain.SchoolIncident;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.domain.CandidateGroups;
import fr.rentree.process.service.InboxService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Fixtures;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.Phase;
import fr.rentree.tracking.domain.SchoolLine;
import fr.rentree.tracking.service.DistrictDashboard;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * District campaigns on the real engine and MariaDB: district staff launch the rentrée of a whole district, each
 * school gets one campaign (or keeps the one it has), a school whose start fails holds back no other, and the
 * campaign ends with its schools, at its deadline, or when stopped.
 */
@RentreeIntegrationTest
class DistrictCampaignIT {

    private static final AtomicInteger SCHOOLS = new AtomicInteger(9_210_000);

    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    DistrictCampaigns reads;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SchoolService schools;
    @Autowired
    TaskService tasks;
    @Autowired
    InboxService inbox;
    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DistrictIncidents incidents;

    @Test
    void a_district_of_fifty_schools_starts_once_each_adopts_an_open_campaign_and_isolates_a_failing_school() {
        District district = district("Circonscription de Bondy", 50);
        String adoptedSchool = district.uais().getFirst();
        String director = fixtures.directorOf(adoptedSchool);
        Campaign own = fixtures.as(director, () -> campaigns.launch(adoptedSchool, plan("Rentrée de l’école"), false));
        // the database refuses the campaign of one school (a fault injected for the test): its start fails alone
        String failing = district.uais().getLast();
        jdbc.sql("drop trigger if exists district_campaign_it_failing_school").update();
        jdbc.sql("create trigger district_campaign_it_failing_school before insert on campaign for each row"
                + " if new.school_uai = '" + failing + "' then"
                + " signal sqlstate '45000' set message_text = 'refused for the test'; end if").update();

        LaunchPreview preview = fixtures.as(district.officer(),
                () -> districtCampaigns.preview(district.name(), district.uais()));
        assertThat(preview).isEqualTo(new LaunchPreview(50, 1, 1));
        assertThat(preview.started()).isEqualTo(49);

        DistrictCampaign launched = fixtures.as(district.officer(), () -> districtCampaigns.launch(district.name(),
                districtPlan("Rentrée 2026"), district.uais()));

        // 48 new campaigns wait at their first step, the open one is followed, the failing school has an incident
        List<String> started = district.uais().subList(1, 49);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().taskDefinitionKey("SelectRecipients")
                .taskCandidateGroupIn(started.stream().map(CandidateGroups::school).toList()).active().count() == 48);
        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createIncidentQuery()
                .processInstanceId(launched.processInstanceId()).singleResult(), found -> found != null);
        jdbc.sql("drop trigger district_campaign_it_failing_school").update();
        assertThat(incident.getActivityId()).isEqualTo("OpenSchoolCampaign");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(launched.processInstanceId()).count())
                .as("the district's process goes on").isEqualTo(1);

        assertThat(jdbc.sql("""
                        select school_uai from campaign where school_year = :year and state in ('SELECTING', 'RUNNING')
                        and school_uai in (:uais) group by school_uai having count(*) > 1""")
                .param("year", own.schoolYear()).param("uais", district.uais()).query(String.class).list())
                .as("schools with two open campaigns").isEmpty();
        List<SchoolLine> lines = lines(district, launched);
        assertThat(lines).hasSize(50).filteredOn(line -> line.campaignId() == null)
                .extracting(SchoolLine::schoolUai).as("not started").containsExactly(failing);
        assertThat(lines).filteredOn(line -> line.campaignId() == null).singleElement()
                .extracting(SchoolLine::phase).isEqualTo(Phase.STARTING);
        assertThat(lines).filteredOn(SchoolLine::adopted).singleElement().satisfies(line -> {
            assertThat(line.schoolUai()).isEqualTo(adoptedSchool);
            assertThat(line.campaignId()).isEqualTo(own.id());
        });
        assertThat(lines).filteredOn(line -> line.campaignId() != null && !line.adopted()).hasSize(48)
                .allSatisfy(line -> {
            assertThat(line.phase()).isEqualTo(Phase.SELECT);
            Campaign campaign = campaignOf(line);
            assertThat(campaign.districtCampaignId()).contains(launched.id());
            assertThat(campaign.name()).isEqualTo("Rentrée 2026");
            assertThat(campaign.state()).isEqualTo(CampaignState.SELECTING);
            assertThat(campaign.processInstanceId()).as("its process, noted when the call activity started it")
                    .isNotNull();
        });
        assertThat(campaigns.find(own.id()).orElseThrow().districtCampaignId()).contains(launched.id());

        // the dashboard shows the failing school's incident, its filter keeps that school only
        SchoolLine failingLine = lines.stream().filter(line -> line.schoolUai().equals(failing)).findFirst()
                .orElseThrow();
        assertThat(failingLine.incidents()).isEqualTo(1);
        assertThat(lines).filteredOn(line -> line.incidents() > 0).hasSize(1);
        DashboardFilter withIncident = new DashboardFilter(Set.of(), null, false, false, true, "");
        assertThat(fixtures.as(district.officer(), () -> dashboard.page(launched.id(), withIncident,
                DashboardOrder.BY_SCHOOL, 0, 60))).extracting(SchoolLine::schoolUai).containsExactly(failing);
        assertThat(fixtures.as(district.officer(), () -> dashboard.count(launched.id(), withIncident))).isEqualTo(1);
        List<SchoolIncident> failed = fixtures.as(district.officer(), () -> dashboard.incidents(launched.id()));
        assertThat(failed).singleElement().satisfies(school -> {
            assertThat(school.schoolUai()).isEqualTo(failing);
            assertThat(school.ofDistrict()).isTrue();
            assertThat(school.incident().step()).isEqualTo("OpenSchoolCampaign");
        });
        // a director reads no district's incidents and retries none
        assertThatThrownBy(() -> fixtures.as(director, () -> dashboard.incidents(launched.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(director, () -> incidents.retry(launched.id(), incident.getId())))
                .isInstanceOf(AccessDeniedException.class);

        // the fault mended, its staff retry the failed start from the page: the school gets its campaign, once
        fixtures.as(district.officer(), () -> incidents.retry(launched.id(), incident.getId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().taskDefinitionKey("SelectRecipients")
                .taskCandidateGroup(CandidateGroups.school(failing)).active().count() == 1);
        assertThat(jdbc.sql("select count(*) from campaign where school_uai = ?").param(failing).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void the_district_campaign_ends_when_its_schools_end_at_its_deadline_or_when_stopped() {
        // every school's campaign stopped by its director: the district's ends with the last
        District byDirectors = district("Circonscription de Pantin", 2);
        DistrictCampaign first = launchAndWait(byDirectors, "Rentrée A");
        for (SchoolLine line : lines(byDirectors, first)) {
            fixtures.as(fixtures.directorOf(line.schoolUai()), () -> campaigns.cancel(line.campaignId()));
        }
        awaitState(byDirectors, first, DistrictCampaignState.FINISHED);

        // the deadline passed: the schools' campaigns still open end with it
        District late = district("Circonscription de Noisy", 2);
        DistrictCampaign second = launchAndWait(late, "Rentrée B");
        Job deadline = management.createJobQuery().processInstanceId(second.processInstanceId()).timers()
                .singleResult();
        assertThat(deadline.getDuedate()).isAfter(new Date());
        management.setJobDuedate(deadline.getId(), new Date());
        awaitState(late, second, DistrictCampaignState.FINISHED);
        assertThat(lines(late, second)).allSatisfy(line -> {
            assertThat(line.phase()).isEqualTo(Phase.FINISHED);
            Campaign campaign = campaignOf(line);
            assertThat(campaign.state()).isEqualTo(CampaignState.FINISHED);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).count())
                    .isZero();
        });

        // stopped by district staff: the campaigns it started stop, the one it adopted is its school's and goes on
        District stopped = district("Circonscription de Bobigny", 3);
        String adoptedSchool = stopped.uais().getFirst();
        Campaign own = fixtures.as(fixtures.directorOf(adoptedSchool),
                () -> campaigns.launch(adoptedSchool, plan("Rentrée de l’école"), false));
        DistrictCampaign third = launchAndWait(stopped, "Rentrée C");
        fixtures.as(stopped.officer(), () -> districtCampaigns.stop(third.id()));
        assertThat(state(stopped, third)).isEqualTo(DistrictCampaignState.CANCELLED);
        // its process ends once its final report is written, in a job of its own
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(third.processInstanceId()).count() == 0);
        List<SchoolLine> after = lines(stopped, third);
        assertThat(after).allSatisfy(line -> {
            Campaign campaign = campaignOf(line);
            assertThat(campaign.state()).isEqualTo(line.adopted() ? CampaignState.SELECTING : CampaignState.CANCELLED);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).count())
                    .isEqualTo(line.adopted() ? 1 : 0);
        });
        assertThat(after).filteredOn(SchoolLine::adopted).singleElement()
                .satisfies(line -> assertThat(line.campaignId()).isEqualTo(own.id()));
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(stopped.officer(),
                () -> districtCampaigns.stop(third.id()))).reason()).isEqualTo(CampaignException.Reason.NOT_OPEN);
    }

    @Test
    void a_school_waiting_past_the_escalation_delay_is_flagged_late_and_one_that_moved_on_in_time_is_not() {
        District district = district("Circonscription de Drancy", 2);
        List<String> addresses = district.uais().stream().map(uai -> {
            String address = "direction." + uai.toLowerCase() + "@ac-test.fr";
            jdbc.sql("update back_office_user set email = ? where username = ?")
                    .params(address, fixtures.directorOf(uai)).update();
            return address;
        }).toList();
        DistrictCampaign launched = launchAndWait(district, "Rentrée F");
        // each director is told, once, by e-mail, and the mail reads as sent
        for (String address : addresses) {
            SentMail told = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address),
                    mails -> !mails.isEmpty()).getFirst();
            assertThat(told.from()).isEqualTo("Rentrée <ne-pas-repondre@rentree.localhost>");
            assertThat(told.subject()).isEqualTo("Campagne «\u00a0Rentrée F\u00a0» lancée pour École "
                    + told.schoolUai());
            assertThat(told.body()).contains("Circonscription de Drancy a lancé la campagne «\u00a0Rentrée F\u00a0»",
                    "objectif 90\u00a0% de comptes activés", "/taches");
            assertThat(told.messageId()).startsWith("<rentree.notice-");
        }
        List<SchoolLine> lines = lines(district, launched);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.phase()).isEqualTo(Phase.SELECT);
            assertThat(line.waitingSince()).isNotNull();
            assertThat(line.late()).isFalse();
        });
        Campaign slow = campaignOf(lines.get(0));
        Campaign quick = campaignOf(lines.get(1));

        // the quick school's director selects in time: the step's timer goes with it
        String director = fixtures.directorOf(quick.schoolUai());
        String task = fixtures.as(director, () -> inbox.inbox(0, 10)).getFirst().id();
        fixtures.as(director, () -> campaigns.submitSelection(task, RecipientSelection.defaults(quick.schoolUai())));
        // the escalation delay passes for the slow one
        dueNow(slow, "SelectLate");

        await().atMost(Duration.ofSeconds(30)).until(() -> line(district, launched, slow).late());
        // its director is reminded once; the other is not
        String slowAddress = addresses.get(district.uais().indexOf(slow.schoolUai()));
        String quickAddress = addresses.get(district.uais().indexOf(quick.schoolUai()));
        List<SentMail> reminded = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(slowAddress),
                mails -> mails.size() == 2);
        SentMail reminder = reminded.stream().filter(mail -> mail.subject().contains("une étape attend")).findFirst()
                .orElseThrow();
        assertThat(reminder.subject())
                .startsWith("Campagne «\u00a0Rentrée F\u00a0»\u00a0: une étape attend depuis le ");
        assertThat(reminder.body()).contains("L’étape «\u00a0Sélection des destinataires\u00a0»");
        assertThat(mailsTo(quickAddress)).hasSize(1);
        SchoolLine quickLine = line(district, launched, quick);
        assertThat(quickLine.late()).isFalse();
        assertThat(quickLine.phase()).isEqualTo(Phase.VERIFY);
        assertThat(line(district, launched, slow).phase()).isEqualTo(Phase.SELECT);
        assertThat(fixtures.as(district.officer(), () -> dashboard.page(launched.id(), new DashboardFilter(Set.of(),
                null, true, false, false, ""), DashboardOrder.BY_SCHOOL, 0, 10))).extracting(SchoolLine::campaignId)
                .as("the late ones").containsExactly(slow.id());

        // a campaign its school launched alone is never flagged late, though its step waited as long
        District alone = district("Circonscription de Sevran", 1);
        String uai = alone.uais().getFirst();
        Campaign own = fixtures.as(fixtures.directorOf(uai),
                () -> campaigns.launch(uai, plan("Rentrée de l’école"), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> lateSince(own) != null);
        dueNow(own, "SelectLate");
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(own.processInstanceId()).activityId("SelectLate").count() == 0);
        assertThat(lateSince(own)).isEqualTo(Optional.empty());
    }

    @Test
    void only_the_staff_of_the_district_launch_and_follow_it_and_a_launch_is_checked() {
        District mine = district("Circonscription de Montreuil", 2);
        District theirs = district("Circonscription de Saint-Denis", 1);
        DistrictPlan plan = districtPlan("Rentrée D");

        String director = fixtures.directorOf(mine.uais().getFirst());
        assertThatThrownBy(() -> fixtures.as(director, () -> districtCampaigns.launch(mine.name(), plan, mine.uais())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(director, () -> reads.mine()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(theirs.officer(), () -> districtCampaigns.launch(mine.name(), plan,
                mine.uais()))).as("another district's staff").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.officer(), () -> districtCampaigns.launch(mine.name(), plan,
                List.of(mine.uais().getFirst(), theirs.uais().getFirst()))))
                .as("a school of another district").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.officer(), () -> districtCampaigns.preview(mine.name(),
                theirs.uais()))).isInstanceOf(AccessDeniedException.class);
        String admin = fixtures.admin();
        assertThatThrownBy(() -> fixtures.as(admin, () -> districtCampaigns.launch(mine.name(), plan, mine.uais())))
                .as("an administrator launches none").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asNobody(() -> districtCampaigns.launch(mine.name(), plan, mine.uais())))
                .as("nobody signed in").isInstanceOf(AccessDeniedException.class);

        assertThat(catchThrowableOfType(FieldsRefused.class, () -> fixtures.as(mine.officer(),
                () -> districtCampaigns.launch(mine.name(), new DistrictPlan(new CampaignPlan("Rentrée E",
                        LocalDate.now().minusDays(1), 90, Duration.ofDays(7)), Duration.ofDays(5)), mine.uais())))
                .problems()).containsOnlyKeys(CampaignPlan.DEADLINE);
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(mine.officer(),
                () -> districtCampaigns.launch(mine.name(), plan, List.of()))).reason())
                .isEqualTo(CampaignException.Reason.NO_SCHOOL);

        DistrictCampaign launched = launchAndWait(mine, "Rentrée D");
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(mine.officer(),
                () -> districtCampaigns.launch(mine.name(), plan, mine.uais()))).reason())
                .as("a double click").isEqualTo(CampaignException.Reason.NAME_TAKEN);
        assertThat(fixtures.as(mine.officer(), () -> reads.mine())).extracting(DistrictCampaign::id)
                .containsExactly(launched.id());
        assertThat(fixtures.as(theirs.officer(), () -> reads.mine())).isEmpty();
        assertThatThrownBy(() -> fixtures.as(theirs.officer(), () -> reads.followed(launched.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(theirs.officer(), () -> dashboard.page(launched.id(),
                DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, 0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(director, () -> dashboard.totals(launched.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(theirs.officer(), () -> districtCampaigns.stop(launched.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(admin, () -> districtCampaigns.stop(launched.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(admin, () -> reads.mine())).extracting(DistrictCampaign::id)
                .contains(launched.id());
        assertThat(fixtures.as(admin, () -> dashboard.count(launched.id(), DashboardFilter.ALL))).isEqualTo(2);
    }

    private List<SentMail> mailsTo(String address) {
        return mailbox.sentMails().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    /** Makes the timer on this step of the campaign's process fall due now. */
    private void dueNow(Campaign campaign, String timer) {
        Job job = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                        .processInstanceId(campaign.processInstanceId()).activityId(timer).singleResult(),
                found -> found != null);
        assertThat(job.getDuedate()).isAfter(new Date());
        management.setJobDuedate(job.getId(), new Date());
    }

    /** When the step the campaign waits at became late: empty when it is not late, null when it waits for nobody. */
    private Optional<Instant> lateSince(Campaign campaign) {
        return jdbc.sql("select late_since from campaign_waiting where campaign_id = ?").param(campaign.id())
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .orElse(null);
    }

    private SchoolLine line(District district, DistrictCampaign launched, Campaign campaign) {
        return lines(district, launched).stream().filter(line -> campaign.id().equals(line.campaignId()))
                .findFirst().orElseThrow();
    }

    private Campaign campaignOf(SchoolLine line) {
        return campaigns.find(line.campaignId()).orElseThrow();
    }

    private DistrictCampaign launchAndWait(District district, String name) {
        DistrictCampaign launched = fixtures.as(district.officer(), () -> districtCampaigns.launch(district.name(),
                districtPlan(name), district.uais()));
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(district, launched).stream()
                .allMatch(line -> line.adopted() || line.campaignId() != null
                        && campaignOf(line).processInstanceId() != null));
        // and its directors told: only the deadline's timer is left (a stop while the notices are sent races them)
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processInstanceId(launched.processInstanceId()).count() == 1);
        return launched;
    }

    private void awaitState(District district, DistrictCampaign campaign, DistrictCampaignState state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> state(district, campaign) == state);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId()).count())
                .as("the district's process ended").isZero();
    }

    private DistrictCampaignState state(District district, DistrictCampaign campaign) {
        return fixtures.as(district.officer(), () -> reads.followed(campaign.id())).state();
    }

    /** Every school of the campaign, as its dashboard lists them to the district's staff. */
    private List<SchoolLine> lines(District district, DistrictCampaign campaign) {
        return fixtures.as(district.officer(), () -> dashboard.page(campaign.id(), DashboardFilter.ALL,
                DashboardOrder.BY_SCHOOL, 0, 100));
    }

    /** A district of new schools (écoles, collèges, lycées in turn) and an officer who follows them. */
    private District district(String name, int size) {
        List<String> uais = new ArrayList<>();
        SchoolKind[] kinds = SchoolKind.values();
        for (int i = 0; i < size; i++) {
            String uai = Uai.of(SCHOOLS.incrementAndGet());
            schools.createIfAbsent(new School(uai, "École " + uai, kinds[i % kinds.length], name,
                    "ce." + uai.toLowerCase() + "@ac-test.fr", "https://ent.test.fr"));
            uais.add(uai);
        }
        return new District(name, List.copyOf(uais), fixtures.districtOfficer(Set.copyOf(uais)));
    }

    private static CampaignPlan plan(String name) {
        return new CampaignPlan(name, LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7));
    }

    private static DistrictPlan districtPlan(String name) {
        return new DistrictPlan(plan(name), Duration.ofDays(5));
    }

    private record District(String name, List<String> uais, String officer) {
    }
}
