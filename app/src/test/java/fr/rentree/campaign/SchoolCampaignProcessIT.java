package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.directory.domain.Profile;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.tasks.domain.HumanTask;
import fr.rentree.tasks.domain.HumanTaskState;
import fr.rentree.tasks.service.HumanTaskService;
import fr.rentree.tasks.service.TaskCompletionException;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The school-campaign model on the real engine, with the inbox in MariaDB and the mail in GreenMail. */
@RentreeIntegrationTest
class SchoolCampaignProcessIT {

    private static final Set<String> DIRECTORS = Set.of("director");

    @Autowired
    CampaignService campaigns;
    @Autowired
    HumanTaskService tasks;
    @Autowired
    CamundaClient engine;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_launched_campaign_waits_in_the_directors_inbox_and_moves_on_when_the_selection_is_submitted() {
        var school = fixtures.schoolWithDirector("École du Moulin-à-Vent");
        Campaign campaign = campaigns.launch(school.school().uai(), school.director());

        HumanTask task = awaitOpenTask(campaign);
        assertThat(task.formKey()).isEqualTo("select-recipients");
        assertThat(task.candidateGroup()).isEqualTo("director");
        assertThat(task.campaignId()).isEqualTo(campaign.id());
        assertThat(tasks.inbox(Set.of(school.school().uai()), DIRECTORS)).extracting(HumanTask::id)
                .containsExactly(task.id());

        SelectionCriteria chosen = new SelectionCriteria(EnumSet.of(Profile.PARENT), ActivationFilter.NOT_ACTIVATED);
        tasks.complete(task.id(), chosen.toVariables(), school.director(), Set.of(school.school().uai()), DIRECTORS);

        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.COMPLETED);
        assertThat(tasks.inbox(Set.of(school.school().uai()), DIRECTORS)).isEmpty();
        // the service task's worker ran: the selection is recorded and confirmed to the school by e-mail
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Campaign recorded = campaigns.find(campaign.id()).orElseThrow();
            assertThat(recorded.state()).isEqualTo(CampaignState.SELECTION_RECORDED);
            assertThat(recorded.selection()).contains(chosen);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mailbox.sentMails())
                .filteredOn(mail -> mail.to().equals(school.school().contactEmail()))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Rentrée : sélection enregistrée pour École du Moulin-à-Vent");
                    assertThat(mail.body()).contains("Profils : Parent", "Activation : Utilisateurs non activés");
                }));
    }

    @Test
    void a_double_submission_completes_the_task_once_and_tells_the_second_click_it_is_done() {
        var school = fixtures.schoolWithDirector("École Saint-Exupéry");
        HumanTask task = awaitOpenTask(campaigns.launch(school.school().uai(), school.director()));
        var variables = new SelectionCriteria(Set.of(), ActivationFilter.ALL).toVariables();
        Set<String> scope = Set.of(school.school().uai());

        tasks.complete(task.id(), variables, school.director(), scope, DIRECTORS);

        assertThat(refusal(task, school.director(), school.school().uai()))
                .isEqualTo(TaskCompletionException.Reason.ALREADY_DONE);
        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.COMPLETED);
    }

    @Test
    void a_director_cannot_complete_the_task_of_another_school() {
        var mine = fixtures.schoolWithDirector("École des Tilleuls");
        var theirs = fixtures.schoolWithDirector("École des Platanes");
        HumanTask task = awaitOpenTask(campaigns.launch(theirs.school().uai(), theirs.director()));

        assertThat(refusal(task, mine.director(), mine.school().uai()))
                .isEqualTo(TaskCompletionException.Reason.NOT_YOURS);
        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.OPEN);
    }

    @Test
    void a_cancelled_campaign_leaves_no_ghost_task_in_the_inbox() {
        var school = fixtures.schoolWithDirector("Collège Françoise-Dolto");
        Campaign campaign = campaigns.launch(school.school().uai(), school.director());
        HumanTask task = awaitOpenTask(campaign);

        engine.newCancelInstanceCommand(campaign.processInstanceKey()).send().join();
        tasks.reconcile();

        assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(HumanTaskState.CANCELLED);
        assertThat(tasks.inbox(Set.of(school.school().uai()), DIRECTORS)).isEmpty();
        assertThat(refusal(task, school.director(), school.school().uai()))
                .isEqualTo(TaskCompletionException.Reason.GONE);
    }

    @Test
    void a_task_whose_job_vanished_before_submission_is_reported_gone_and_leaves_the_inbox() {
        var school = fixtures.schoolWithDirector("École Marie-Curie");
        Campaign campaign = campaigns.launch(school.school().uai(), school.director());
        HumanTask task = awaitOpenTask(campaign);
        engine.newCancelInstanceCommand(campaign.processInstanceKey()).send().join(); // not yet reconciled

        assertThat(refusal(task, school.director(), school.school().uai()))
                .isEqualTo(TaskCompletionException.Reason.GONE);
        assertThat(tasks.inbox(Set.of(school.school().uai()), DIRECTORS)).isEmpty();
    }

    @Test
    void a_second_launch_while_the_first_waits_for_its_selection_is_refused_and_creates_nothing() {
        var school = fixtures.schoolWithDirector("Lycée Jean-Jaurès");
        campaigns.launch(school.school().uai(), school.director());

        assertThatThrownBy(() -> campaigns.launch(school.school().uai(), school.director()))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.reason()).isEqualTo(CampaignException.Reason.ALREADY_RUNNING));
        assertThat(campaigns.campaignsOf(Set.of(school.school().uai()))).hasSize(1);
    }

    /** Submits the task as {@code director} of {@code uai}, expecting a refusal, and returns its reason. */
    private TaskCompletionException.Reason refusal(HumanTask task, String director, String uai) {
        var variables = new SelectionCriteria(Set.of(), ActivationFilter.ALL).toVariables();
        return catchThrowableOfType(TaskCompletionException.class,
                () -> tasks.complete(task.id(), variables, director, Set.of(uai), DIRECTORS)).reason();
    }

    private HumanTask awaitOpenTask(Campaign campaign) {
        List<HumanTask> mirrored = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofProcessInstance(campaign.processInstanceKey()), list -> list.size() == 1);
        return mirrored.getFirst();
    }
}
