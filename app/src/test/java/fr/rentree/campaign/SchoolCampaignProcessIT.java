package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.CampaignDetail;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.DeliveryStatus;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.FailedRecipient;
import fr.rentree.campaign.domain.HandOut;
import fr.rentree.campaign.domain.PileStatus;
import fr.rentree.campaign.domain.RoundCounts;
import fr.rentree.campaign.domain.RoundPlan;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.process.domain.CurrentStep;
import fr.rentree.process.domain.Incident;
import fr.rentree.process.domain.ProcessTrail;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessException;
import fr.rentree.process.service.ProcessService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.DirectorSteps;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;

/**
 * The school campaign on the embedded engine, with its rows in MariaDB and its e-mails in GreenMail: select, verify,
 * e-mail and print, hand out, wait, count, remind, end.
 */
@RentreeIntegrationTest
class SchoolCampaignProcessIT {

    private static final Distribution BY_CLASS_MAIL_ELSE_PAPER = new Distribution(DistributionOrder.BY_CLASS,
            ParentPlacement.WITH_YOUNGEST_CHILD, SheetLayout.EIGHT_PER_PAGE, DistributionMode.EMAIL_ELSE_PAPER);

    @Autowired
    CampaignService campaigns;
    @Autowired
    RoundSheets roundSheets;
    @Autowired
    InboxService inbox;
    @Autowired
    ProcessService processes;
    @Autowired
    DirectoryService directory;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectorSteps steps;
    @TempDir
    Path folder;
    @Value("${rentree.mail.bounces.port}")
    int imapPort;

    @Test
    void a_whole_campaign_mails_and_prints_the_verified_list_reminds_the_accounts_not_activated_and_ends_at_its_target()
            throws IOException {
        var school = fixtures.schoolWithAccounts("Collège Marie-Curie", folder);
        String director = school.director();
        String uai = school.school().uai();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(uai, plan(), false));

        // step 1, then back from step 2 to change the criteria: pupils and parents, then everyone
        String select = steps.task(director, "select-recipients");
        fixtures.as(director, () -> campaigns.submitSelection(select, selection(uai, Set.of(Profile.STUDENT))));
        fixtures.as(director, () -> campaigns.changeCriteria(steps.task(director, "verify-recipients")));
        String again = steps.task(director, "select-recipients");
        assertThat(fixtures.as(director, () -> campaigns.selection(again)).profiles())
                .as("the form opens on the criteria chosen before").containsExactly(Profile.STUDENT);
        RecipientSelection everyone = selection(uai, Set.of());
        fixtures.as(director, () -> campaigns.submitSelection(again, everyone));
        assertThat(fixtures.as(director, () -> campaigns.tally(everyone)).accounts()).isEqualTo(11);

        // step 2 and 3: the exact numbers, then the list frozen as round 1
        String verify = steps.task(director, "verify-recipients");
        RoundPlan plan = fixtures.as(director, () -> campaigns.plan(verify, BY_CLASS_MAIL_ELSE_PAPER));
        assertThat(plan.mails()).as("one e-mail per address holder, the family's two parents each").isEqualTo(4);
        assertThat(plan.sheets()).isEqualTo(7);
        RoundPlan paper = fixtures.as(director, () -> campaigns.plan(verify, withMode(DistributionMode.PAPER)));
        assertThat(List.of(paper.mails(), paper.sheets(), paper.leftOut())).containsExactly(0, 11, 0);
        RoundPlan mailOnly = fixtures.as(director, () -> campaigns.plan(verify, withMode(DistributionMode.EMAIL)));
        assertThat(List.of(mailOnly.mails(), mailOnly.sheets(), mailOnly.leftOut())).containsExactly(4, 0, 7);
        fixtures.as(director, () -> campaigns.validate(verify, BY_CLASS_MAIL_ELSE_PAPER));
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.RUNNING);

        // the e-mails leave, each with its stable Message-ID, the code in the text, never in a link
        List<SentMail> first = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(school), m -> m.size() == 4);
        assertThat(first).allSatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Votre compte ENT\u00a0– Collège Marie-Curie");
            assertThat(mail.body()).contains("Code d’activation\u00a0:", "/activation?identifiant=",
                    "Le collège Marie-Curie vous ouvre un compte", "L’équipe du collège Marie-Curie");
            assertThat(mail.messageId()).startsWith("<rentree.delivery-");
        });
        assertThat(deliveries(campaign, 1, "SENT")).isEqualTo(4);

        // the PDF of the others, then the hand-out task
        String handOutTask = steps.task(director, "hand-out-sheets");
        HandOut handOut = fixtures.as(director, () -> roundSheets.handOut(handOutTask));
        assertThat(handOut.sheets()).as("what the PDF holds").isEqualTo(7);
        assertThat(handOut.piles()).extracting(PileStatus::sheets).containsExactly(2, 2, 2, 1);
        assertThat(loginsIn(download(director, campaign, 1))).hasSize(7);
        List<PileStatus> piles = handOut.piles();
        for (PileStatus pile : piles.subList(0, piles.size() - 1)) {
            fixtures.as(director, () -> roundSheets.handOut(handOutTask, pile.pile()));
        }
        assertThat(fixtures.as(director, () -> inbox.inboxSize())).as("a pile is left").isEqualTo(1);
        fixtures.as(director, () -> roundSheets.handOut(handOutTask, piles.getLast().pile()));

        // a cadence later, 3 of 11 activated: 27 % < 60 %, a reminder round for the 8 others
        List<Long> accounts = jdbc.sql("select id from account where school_uai = ? order by id").param(uai)
                .query(Long.class).list();
        directory.recordActivations(accounts.subList(0, 3));
        fixtures.fireTimer(campaign.processInstanceId());
        String reminderHandOut = steps.task(director, "hand-out-sheets");
        assertThat(campaigns.find(campaign.id()).orElseThrow().activationPercent()).contains(27);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(campaign, 2, "SENT")
                + deliveries(campaign, 2, "PRINTED") == 8);
        assertThat(mailsTo(school)).filteredOn(m -> m.subject().startsWith("Rappel\u00a0: activez votre compte ENT"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.body()).contains("n’est pas encore activé"));
        HandOut reminder = fixtures.as(director, () -> roundSheets.handOut(reminderHandOut));
        assertThat(reminder.reminder()).isTrue();
        assertThat(textOf(download(director, campaign, 2))).as("the reminder's sheets say where they go")
                .contains("carnet de liaison");
        assertThat(textOf(download(director, campaign, 1))).doesNotContain("carnet de liaison");
        fixtures.as(director, () -> roundSheets.finishHandOut(reminderHandOut));

        // everyone activated: the next count ends the campaign, and its PDFs go
        directory.recordActivations(accounts);
        fixtures.fireTimer(campaign.processInstanceId());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                campaigns.find(campaign.id()).orElseThrow().state() == CampaignState.FINISHED);
        assertThat(processes.isRunning(campaign.processInstanceId())).isFalse();
        assertThat(catchThrowableOfType(CampaignException.class, () -> download(director, campaign, 1)).reason())
                .isEqualTo(CampaignException.Reason.NO_SHEETS);
        assertThat(jdbc.sql("select count(*) from campaign_progress where campaign_id = ?").param(campaign.id())
                .query(Integer.class).single()).as("at the hand-out, then at each count").isEqualTo(3);
    }

    @Test
    void a_double_submission_completes_the_task_once_and_tells_the_second_it_was_done() throws Exception {
        var school = fixtures.schoolWithDirector("École Saint-Exupéry");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(),
                false));
        WaitingTask task = onlyTask(school.director());
        RecipientSelection everyone = selection(school.school().uai(), Set.of());

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
        assertThat(campaigns.find(campaign.id()).orElseThrow().selection()).contains(everyone);
        assertThat(onlyTask(school.director()).formKey()).isEqualTo("verify-recipients");
    }

    @Test
    void a_director_of_another_school_and_district_staff_are_refused_by_the_services() {
        var mine = fixtures.schoolWithDirector("École des Tilleuls");
        var theirs = fixtures.schoolWithDirector("École des Platanes");
        Campaign campaign = fixtures.as(theirs.director(), () -> campaigns.launch(theirs.school().uai(), plan(),
                false));
        WaitingTask task = onlyTask(theirs.director());
        RecipientSelection theirSelection = selection(theirs.school().uai(), Set.of());

        assertThat(fixtures.as(mine.director(), () -> inbox.inbox(0, 50))).extracting(WaitingTask::id)
                .doesNotContain(task.id());
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(mine.director(),
                () -> campaigns.submitSelection(task.id(), theirSelection))).reason())
                .isEqualTo(ProcessException.Reason.NOT_YOURS);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.selected(theirSelection, 0, 50)))
                .as("their codes").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.tally(theirSelection)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.launch(theirs.school().uai(), plan(),
                false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> campaigns.cancel(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(mine.director(), () -> roundSheets.download(campaign.id(), 1, null,
                new ByteArrayOutputStream()))).isInstanceOf(AccessDeniedException.class);
        String officer = fixtures.districtOfficer(Set.of(theirs.school().uai()));
        assertThatThrownBy(() -> fixtures.as(officer, () -> campaigns.selected(theirSelection, 0, 50)))
                .as("district staff never see codes").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(officer, () -> campaigns.launch(theirs.school().uai(), plan(), false)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(onlyTask(theirs.director()).id()).isEqualTo(task.id());
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.SELECTING);
    }

    @Test
    void a_cancelled_campaign_stops_at_once_and_its_task_is_gone() {
        var school = fixtures.schoolWithDirector("Collège Françoise-Dolto");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(),
                false));
        WaitingTask task = onlyTask(school.director());

        fixtures.as(school.director(), () -> campaigns.cancel(campaign.id()));

        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(processes.isRunning(campaign.processInstanceId())).isFalse();
        assertThat(fixtures.as(school.director(), () -> inbox.inboxSize())).isZero();
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(school.director(),
                () -> campaigns.submitSelection(task.id(), selection(school.school().uai(), Set.of())))).reason())
                .isEqualTo(ProcessException.Reason.GONE);
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(school.director(),
                () -> campaigns.cancel(campaign.id()))).reason()).isEqualTo(CampaignException.Reason.NOT_OPEN);
    }

    @Test
    void a_campaign_stopped_at_any_step_where_it_waits_ends_there_with_no_task_no_timer_and_no_pdf_left()
            throws Exception {
        for (String step : List.of("VerifyRecipients", "HandOutSheets", "WaitCadence")) {
            var school = fixtures.schoolWithAccounts("École arrêtée à " + step,
                    Files.createDirectories(folder.resolve(step)));
            String director = school.director();
            Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai(), plan(), false));
            fixtures.as(director, () -> campaigns.submitSelection(steps.task(director, "select-recipients"),
                    selection(school.school().uai(), Set.of())));
            if (!step.equals("VerifyRecipients")) {
                fixtures.as(director, () -> campaigns.validate(steps.task(director, "verify-recipients"),
                        BY_CLASS_MAIL_ELSE_PAPER));
                String handOut = steps.task(director, "hand-out-sheets");
                if (step.equals("WaitCadence")) {
                    fixtures.as(director, () -> roundSheets.finishHandOut(handOut));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(director,
                    () -> processes.currentSteps(campaign.processInstanceId())).stream().map(CurrentStep::id)
                    .toList(), steps -> steps.equals(List.of(step)));

            fixtures.as(director, () -> campaigns.cancel(campaign.id()));

            assertThat(campaigns.find(campaign.id()).orElseThrow().state()).as(step)
                    .isEqualTo(CampaignState.CANCELLED);
            assertThat(processes.isRunning(campaign.processInstanceId())).as(step + ": no task, no timer").isFalse();
            assertThat(fixtures.as(director, () -> inbox.inboxSize())).as(step).isZero();
            assertThat(jdbc.sql("select count(*) from campaign_round where campaign_id = ? and sheets_file is not null")
                    .param(campaign.id()).query(Integer.class).single()).as(step + ": its PDF deleted").isZero();
        }
    }

    @Test
    void an_account_activated_after_the_list_was_frozen_gets_the_lost_password_e_mail_never_its_old_code()
            throws Exception {
        var school = fixtures.schoolWithAccounts("Collège Victor-Hugo", folder);
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai(), plan(), false));
        fixtures.as(director, () -> campaigns.submitSelection(steps.task(director, "select-recipients"),
                selection(school.school().uai(), Set.of())));
        long activatedMeanwhile;
        try (AutoCloseable paused = fixtures.pauseJobs()) { // the e-mails wait while the family activates
            fixtures.as(director, () -> campaigns.validate(steps.task(director, "verify-recipients"),
                    withMode(DistributionMode.EMAIL)));
            activatedMeanwhile = jdbc.sql("""
                            select d.account_id from delivery d join campaign_round r on r.id = d.round_id
                            where r.campaign_id = ? order by d.position limit 1""")
                    .param(campaign.id()).query(Long.class).single();
            directory.recordActivations(List.of(activatedMeanwhile));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(campaign, 1, "SENT") == 4);
        String messageId = jdbc.sql("select message_id from delivery where account_id = ?").param(activatedMeanwhile)
                .query(String.class).single();
        SentMail mail = mailsTo(school).stream().filter(m -> m.messageId().equals(messageId)).findFirst()
                .orElseThrow();
        assertThat(mail.body()).contains("Votre compte est déjà activé").doesNotContain("Code d’activation");
        assertThat(mailsTo(school)).filteredOn(m -> !m.messageId().equals(messageId))
                .allSatisfy(m -> assertThat(m.body()).contains("Code d’activation"));
    }

    @Test
    void e_mails_failing_on_every_retry_leave_an_incident_and_a_retry_sends_each_once_when_smtp_is_back()
            throws IOException {
        var school = fixtures.schoolWithAccounts("Collège Jacques-Prévert", folder);
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai(), plan(), false));
        fixtures.as(director, () -> campaigns.submitSelection(steps.task(director, "select-recipients"),
                selection(school.school().uai(), Set.of())));
        Distribution byMail = new Distribution(DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD,
                SheetLayout.ONE_PER_PAGE, DistributionMode.EMAIL);
        int smtpPort = smtp.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort()); // answers nothing: as if the SMTP server were down
        }
        try {
            fixtures.as(director, () -> campaigns.validate(steps.task(director, "verify-recipients"), byMail));

            // 3 attempts, 1 s apart (the test's retry cycle), then an incident on the step
            List<Incident> incidents = await().atMost(Duration.ofSeconds(30)).until(() -> overview(director,
                    campaign).incidents(), list -> !list.isEmpty());
            assertThat(incidents).singleElement().satisfies(incident -> {
                assertThat(incident.step()).isEqualTo("SendMails");
                assertThat(incident.message()).containsIgnoringCase("SMTP");
            });
            assertThat(deliveries(campaign, 1, "PENDING")).as("nothing lost, nothing marked sent").isEqualTo(4);
        } finally {
            smtp.setPort(smtpPort);
        }

        fixtures.as(director, () -> campaigns.retryFailedSteps(campaign.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(campaign, 1, "SENT") == 4);
        assertThat(mailsTo(school)).hasSize(4).extracting(SentMail::messageId).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overview(director, campaign).incidents()).isEmpty();
            assertThat(fixtures.as(director, () -> processes.currentSteps(campaign.processInstanceId())))
                    .extracting(CurrentStep::id).containsExactly("WaitCadence");
        });
    }

    @Test
    void an_address_refused_at_submission_or_bounced_later_is_shown_to_the_director_and_goes_on_paper_next_round()
            throws Exception {
        var school = fixtures.schoolWithAccounts("Collège Louise-Michel", folder);
        String director = school.director();
        String uai = school.school().uai();
        long broken = jdbc.sql("select min(id) from account where school_uai = ? and email is not null").param(uai)
                .query(Long.class).single();
        jdbc.sql("update account set email = 'jean..dupont@exemple.fr' where id = ?").param(broken).update();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(uai, plan(), false));
        fixtures.as(director, () -> campaigns.submitSelection(steps.task(director, "select-recipients"),
                selection(uai, Set.of())));
        fixtures.as(director, () -> campaigns.validate(steps.task(director, "verify-recipients"), BY_CLASS_MAIL_ELSE_PAPER));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(campaign, 1, "SENT") == 3
                && deliveries(campaign, 1, "REJECTED") == 1);

        // the receiving server of one address sends a notification back to the bounce mailbox; an out-of-office
        // reply lands there too, and stays for a person
        SentMail bouncing = mailsTo(school).getFirst();
        long bounced = jdbc.sql("select account_id from delivery where message_id = ?").param(bouncing.messageId())
                .query(Long.class).single();
        deliver(notification(bouncing));
        deliver("""
                From: parent@exemple.fr
                To: %s
                Subject: Absent du bureau

                Je suis absent jusqu'au 3 septembre.
                """.formatted(DevMailbox.BOUNCES));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(campaign, 1, "BOUNCED") == 1);
        assertThat(deliveries(campaign, 1, "SENT")).isEqualTo(2);
        fixtures.as(director, () -> roundSheets.finishHandOut(steps.task(director, "hand-out-sheets")));
        fixtures.fireTimer(campaign.processInstanceId());
        steps.task(director, "hand-out-sheets"); // the reminder round is frozen and printed

        for (long account : List.of(broken, bounced)) {
            assertThat(jdbc.sql("""
                            select d.channel from delivery d join campaign_round r on r.id = d.round_id
                            where r.campaign_id = ? and r.number = 2 and d.account_id = ?""")
                    .params(campaign.id(), account).query(String.class).single())
                    .as("the refused or bounced address goes on paper in the reminder").isEqualTo("PAPER");
        }
        List<FailedRecipient> failed = fixtures.as(director, () -> campaigns.failedMails(campaign.id()));
        assertThat(failed).hasSize(2).anySatisfy(f -> {
            assertThat(f.mail().email()).isEqualTo("jean..dupont@exemple.fr");
            assertThat(f.mail().status()).isEqualTo(DeliveryStatus.REJECTED);
            assertThat(f.mail().reply()).contains("dot-dot");
            assertThat(f.holder().accountId()).isEqualTo(broken);
        }).anySatisfy(f -> {
            assertThat(f.mail().status()).isEqualTo(DeliveryStatus.BOUNCED);
            assertThat(f.mail().reply()).contains("550 5.1.1", "User unknown");
            assertThat(f.holder().accountId()).isEqualTo(bounced);
        });
        assertThat(bounceMailbox()).as("the notification recorded is gone; the out-of-office reply stays")
                .containsExactly("Absent du bureau");

        // the campaign page: counts per round, the trail of the process, the first count
        CampaignDetail detail = fixtures.as(director, () -> campaigns.detail(campaign.id()));
        assertThat(detail.rounds()).hasSize(2);
        RoundCounts first = detail.rounds().getFirst().counts();
        assertThat(List.of(first.sent(), first.rejected(), first.bounced(), first.pendingMails(), first.printed()))
                .containsExactly(2, 1, 1, 0, 7);
        assertThat(first.piles()).isEqualTo(4);
        ProcessTrail trail = detail.processTrail().orElseThrow();
        assertThat(trail.bpmnXml()).contains("id=\"school-campaign\"");
        assertThat(trail.done()).contains("SelectRecipients", "VerifyRecipients", "SendMails", "GenerateSheets",
                "HandOutSheets", "WaitCadence", "CountActivations", "PrepareReminder");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(director,
                () -> campaigns.detail(campaign.id())).processTrail().orElseThrow().currentIds(),
                ids -> ids.contains("HandOutSheets"));
        assertThat(detail.progress()).as("at the hand-out, then at the count").hasSize(2)
                .allSatisfy(point -> assertThat(point.accounts()).isEqualTo(11))
                .allSatisfy(point -> assertThat(point.percent()).isZero());

        // district staff read the same counts, never who failed; another school's director reads nothing
        String officer = fixtures.districtOfficer(Set.of(uai));
        assertThat(fixtures.as(officer, () -> campaigns.detail(campaign.id())).rounds()).hasSize(2);
        assertThatThrownBy(() -> fixtures.as(officer, () -> campaigns.failedMails(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(officer, () -> campaigns.cancel(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        String stranger = fixtures.schoolWithDirector("École des Acacias").director();
        assertThatThrownBy(() -> fixtures.as(stranger, () -> campaigns.detail(campaign.id())))
                .isInstanceOf(CampaignException.class); // as a missing one: CampaignPrivacyIT
        String otherDistrict = fixtures.districtOfficer(Set.of(fixtures.schoolWithDirector("École des Saules")
                .school().uai()));
        assertThatThrownBy(() -> fixtures.as(otherDistrict, () -> campaigns.detail(campaign.id())))
                .isInstanceOf(CampaignException.class);
        assertThat(catchThrowableOfType(CampaignException.class, () -> fixtures.as(director,
                () -> campaigns.detail(-1)))).extracting(CampaignException::reason)
                .isEqualTo(CampaignException.Reason.UNKNOWN);
    }

    @Test
    void a_second_campaign_in_the_same_school_year_needs_the_directors_confirmation() {
        var school = fixtures.schoolWithDirector("Lycée Jean-Jaurès");
        fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(), false));

        assertThatThrownBy(() -> fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(),
                false))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.reason()).isEqualTo(CampaignException.Reason.ALREADY_RUNNING));
        assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).hasSize(1);

        fixtures.as(school.director(), () -> campaigns.launch(school.school().uai(), plan(), true));
        assertThat(fixtures.as(school.director(), () -> campaigns.myCampaigns())).hasSize(2);
        assertThat(fixtures.as(school.director(), () -> inbox.inboxSize())).isEqualTo(2);
    }

    private static Distribution withMode(DistributionMode mode) {
        return new Distribution(BY_CLASS_MAIL_ELSE_PAPER.order(), BY_CLASS_MAIL_ELSE_PAPER.parents(),
                BY_CLASS_MAIL_ELSE_PAPER.layout(), mode);
    }

    private static CampaignPlan plan() {
        return new CampaignPlan("Rentrée 2026", LocalDate.now().plusWeeks(6), 60, Duration.ofDays(7));
    }

    private static RecipientSelection selection(String uai, Set<Profile> profiles) {
        return new RecipientSelection(uai, profiles, Set.of(), ActivationFilter.NOT_ACTIVATED, EmailFilter.ALL,
                LocalAdminFilter.ALL, null, null, false);
    }

    /** A delivery status notification as Postfix writes it: the address is unknown at the receiving server. */
    private static String notification(SentMail mail) {
        return """
                From: MAILER-DAEMON@mx.exemple.fr
                To: %1$s
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="rapport"

                --rapport
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.exemple.fr. Your message could not be delivered.

                --rapport
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.exemple.fr
                Arrival-Date: Tue,  1 Sep 2026 08:00:00 +0200 (CEST)

                Final-Recipient: rfc822; %2$s
                Original-Recipient: rfc822;%2$s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <%2$s>: Recipient address rejected: User
                    unknown in virtual mailbox table

                --rapport
                Content-Type: text/rfc822-headers

                Message-ID: %3$s
                From: %4$s
                To: %2$s
                Subject: %5$s

                --rapport--
                """.formatted(DevMailbox.BOUNCES, mail.to(), mail.messageId(), mail.from(), "Votre compte ENT");
    }

    private void deliver(String raw) throws Exception {
        smtp.send(new MimeMessage(smtp.getSession(), new ByteArrayInputStream(
                raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** The subjects left in the bounce mailbox, read over IMAP as the application reads it. */
    private List<String> bounceMailbox() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, DevMailbox.BOUNCES, DevMailbox.BOUNCES);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                return subjects;
            } finally {
                inbox.close(false);
            }
        }
    }

    private int deliveries(Campaign campaign, int round, String status) {
        return jdbc.sql("""
                        select count(*) from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and r.number = ? and d.status = ?""")
                .params(campaign.id(), round, status).query(Integer.class).single();
    }

    private List<SentMail> mailsTo(Fixtures.SchoolAndDirector school) {
        return mailbox.sentMails().stream().filter(m -> m.subject().contains(school.school().name())).toList();
    }

    private byte[] download(String director, Campaign campaign, int round) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        fixtures.as(director, () -> roundSheets.download(campaign.id(), round, null, pdf));
        return pdf.toByteArray();
    }

    private static List<String> loginsIn(byte[] pdf) throws IOException {
        return Arrays.stream(textOf(pdf).split("\\s+")).filter(word -> word.matches("[a-z-]+\\.[a-z-]+\\d*"))
                .toList();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
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
