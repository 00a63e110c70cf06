package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessException;
import fr.rentree.process.service.ProcessService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;

/** The school-campaign model on the embedded engine, with the campaign rows in MariaDB and the mail in GreenMail. */
@RentreeIntegrationTest
class SchoolCampaignProcessIT {

    private static final SelectionCriteria PARENTS_NOT_ACTIVATED =
            new SelectionCriteria(EnumSet.of(Profile.PARENT), ActivationFilter.NOT_ACTIVATED);

    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;
    @Autowired
    ProcessService processes;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_campaign_waits_in_its_directors_inbox_confirms_the_selection_then_counts_progress_after_the_cadence() {
        var school = fixtures.schoolWithDirector("École du Moulin-à-Vent");
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai()));

        WaitingTask task = fixtures.as(director, () -> inbox.inbox(0, 10)).stream().filter(t ->
                t.processInstanceId().equals(campaign.processInstanceId())).findFirst().orElseThrow();
        assertThat(task.formKey()).isEqualTo("select-recipients");
        assertThat(task.schoolUai()).isEqualTo(school.school().uai());
        assertThat(task.businessKey()).isEqualTo(String.valueOf(campaign.id()));
        assertThat(fixtures.as(director, () -> inbox.inboxSize())).isEqualTo(1);

        fixtures.as(director, () -> campaigns.submitSelection(task.id(), PARENTS_NOT_ACTIVATED));

        assertThat(campaigns.find(campaign.id()).orElseThrow().selection()).contains(PARENTS_NOT_ACTIVATED);
        assertThat(fixtures.as(director, () -> inbox.inboxSize())).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task.id()).singleResult().getAssignee())
                .as("who completed the step is on record").isEqualTo(director);
        // the asynchronous step ran in the job executor: the school is told by e-mail, once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailbox.sentMails())
                .filteredOn(mail -> mail.to().equals(school.school().contactEmail()))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Rentrée : sélection enregistrée pour École du Moulin-à-Vent");
                    assertThat(mail.body()).contains("Profils : Parent", "Activation : Utilisateurs non activés");
                }));
        assertThat(campaigns.find(campaign.id()).orElseThrow().selectionConfirmedAt()).isNotNull();

        // then the campaign waits one cadence (7 days by default) on a timer
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(campaign.processInstanceId()).timers().singleResult(), job -> job != null);
        assertThat(timer.getDuedate().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(7)));
        assertThat(fixtures.as(director, () -> processes.currentSteps(campaign.processInstanceId())))
                .extracting(CurrentStep::id).containsExactly("WaitCadence");

        // a shortened wait: the timer falls due now, the job executor fires it and the progress is counted
        management.setJobDuedate(timer.getId(), Date.from(Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                campaigns.find(campaign.id()).orElseThrow().state() == CampaignState.FINISHED);
        assertThat(campaigns.find(campaign.id()).orElseThrow().progressCheckedAt()).isNotNull();
        assertThat(processes.isRunning(campaign.processInstanceId())).isFalse();
    }

    @Test
    void a_double_submission_completes_the_task_once_and_tells_the_second_it_was_done() throws Exception {
        var school = fixtures.schoolWithDirector("École Saint-Exupéry");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));
        WaitingTask task = onlyTask(school.director());
        SelectionCriteria everyone = new SelectionCriteria(Set.of(), ActivationFilter.ALL);

        // two submissions at the same moment (a double click reaching two threads)
        CountDownLatch start = new CountDownLatch(1);
        Callable<ProcessException.Reason> submit = () -> {
            start.await();
            try {
                fixtures.as(school.director(), () -> campaigns.submitSelection(task.id(), everyone));
                return null;
            } catch (ProcessException e) {
                return e.reason();
            }
        };
        List<ProcessException.Reason> outcomes;
        try (ExecutorService clicks = Executors.newFixedThreadPool(2)) {
            List<Future<ProcessException.Reason>> both = List.of(clicks.submit(submit), clicks.submit(submit));
            start.countDown();
            outcomes = both.stream().map(SchoolCampaignProcessIT::outcome).toList();
        }
        assertThat(outcomes).containsExactlyInAnyOrder(null, ProcessException.Reason.ALREADY_DONE);

        // and a third, later: the task is done
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(school.director(),
                () -> campaigns.submitSelection(task.id(), PARENTS_NOT_ACTIVATED))).reason())
                .isEqualTo(ProcessException.Reason.ALREADY_DONE);
        assertThat(campaigns.find(campaign.id()).orElseThrow().selection()).contains(everyone);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(campaign.processInstanceId())
                .taskDefinitionKey("SelectRecipients").count()).isEqualTo(1);
    }

    @Test
    void a_director_of_another_school_is_refused_by_the_services() {
        var mine = fixtures.schoolWithDirector("École des Tilleuls");
        var theirs = fixtures.schoolWithDirector("École des Platanes");
        Campaign campaign = fixtures.as(theirs.director(), () -> campaigns.launch(theirs.school().uai()));
        WaitingTask task = onlyTask(theirs.director());

        assertThat(fixtures.as(mine.director(), () -> inbox.inbox(0, 50))).extracting(WaitingTask::id)
                .doesNotContain(task.id());
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(mine.director(),
                () -> campaigns.submitSelection(task.id(), PARENTS_NOT_ACTIVATED))).reason())
                .isEqualTo(ProcessException.Reason.NOT_YOURS);
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(mine.director(),
                () -> inbox.complete(task.id(), Map.of()))).reason())
                .isEqualTo(ProcessException.Reason.NOT_YOURS);
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(mine.director(),
                () -> processes.currentSteps(campaign.processInstanceId()))).reason())
                .isEqualTo(ProcessException.Reason.NOT_YOURS);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.launch(theirs.school().uai())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.cancel(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        String officer = fixtures.districtOfficer(Set.of(theirs.school().uai()));
        assertThatThrownBy(() -> fixtures.as(officer, () -> campaigns.launch(theirs.school().uai())))
                .isInstanceOf(AccessDeniedException.class);

        // nothing moved: the task still waits for its own director
        assertThat(onlyTask(theirs.director()).id()).isEqualTo(task.id());
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.SELECTING);
    }

    @Test
    void a_cancelled_campaign_stops_at_once_and_its_task_is_gone() {
        var school = fixtures.schoolWithDirector("Collège Françoise-Dolto");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));
        WaitingTask task = onlyTask(school.director());

        fixtures.as(school.director(), () -> campaigns.cancel(campaign.id()));

        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(processes.isRunning(campaign.processInstanceId())).isFalse();
        assertThat(fixtures.as(school.director(), () -> inbox.inboxSize())).isZero();
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(school.director(),
                () -> campaigns.submitSelection(task.id(), PARENTS_NOT_ACTIVATED))).reason())
                .isEqualTo(ProcessException.Reason.GONE);
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(school.director(),
                () -> campaigns.cancel(campaign.id()))).reason()).isEqualTo(CampaignException.Reason.NOT_OPEN);
    }

    @Test
    void a_step_failing_on_every_retry_leaves_an_incident_that_a_retry_clears_once_the_smtp_server_is_back()
            throws IOException {
        var school = fixtures.schoolWithDirector("École Jacques-Prévert");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));
        WaitingTask task = onlyTask(school.director());
        int smtpPort = smtp.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort()); // answers nothing: as if the SMTP server were down
        }
        try {
            fixtures.as(school.director(), () -> campaigns.submitSelection(task.id(), PARENTS_NOT_ACTIVATED));

            // 3 attempts, 1 s apart (the test's retry cycle), then an incident on the step
            List<Incident> incidents = await().atMost(Duration.ofSeconds(30)).until(() -> overview(school.director(),
                    campaign).incidents(), list -> !list.isEmpty());
            assertThat(incidents).singleElement().satisfies(incident -> {
                assertThat(incident.step()).isEqualTo("ConfirmSelection");
                assertThat(incident.message()).containsIgnoringCase("mail");
            });
            assertThat(campaigns.find(campaign.id()).orElseThrow().selectionConfirmedAt())
                    .as("the failed attempts left nothing half-written").isNull();
        } finally {
            smtp.setPort(smtpPort);
        }

        fixtures.as(school.director(), () -> campaigns.retryFailedSteps(campaign.id()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailbox.sentMails())
                .filteredOn(mail -> mail.to().equals(school.school().contactEmail())).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overview(school.director(), campaign).incidents()).isEmpty();
            assertThat(fixtures.as(school.director(), () -> processes.currentSteps(campaign.processInstanceId())))
                    .extracting(CurrentStep::id).containsExactly("WaitCadence");
        });
    }

    @Test
    void a_second_launch_while_the_first_waits_for_its_selection_is_refused_and_creates_nothing() {
        var school = fixtures.schoolWithDirector("Lycée Jean-Jaurès");
        fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));

        assertThatThrownBy(() -> fixtures.as(school.director(), () -> campaigns.launch(school.school().uai())))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.reason()).isEqualTo(CampaignException.Reason.ALREADY_RUNNING));
        assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).hasSize(1);
        assertThat(fixtures.as(school.director(), () -> inbox.inboxSize())).isEqualTo(1);
    }

    private CampaignOverview overview(String director, Campaign campaign) {
        return fixtures.as(director, () -> campaigns.overview()).stream()
                .filter(o -> o.campaign().id().equals(campaign.id())).findFirst().orElseThrow();
    }

    private WaitingTask onlyTask(String director) {
        return fixtures.as(director, () -> inbox.inbox(0, 10)).getFirst();
    }

    private static ProcessException.Reason outcome(Future<ProcessException.Reason> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
