package fr.rentree.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.ActivationHistory;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.security.service.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's campaign as three weeks into the rentrée, so that its dashboard lives at once: its directors
 * have taken their schools to different steps (through the real services, as their screens would), one school is
 * late at its selection, and the nightly count has three weeks of history. The steps run in the background, once the
 * schools' campaigns have started; the history is written as the nightly count would have written it (demo data only:
 * the application refuses the demo under {@code prod}).
 */
@Component
@ConditionalOnProperty("rentree.demo.enabled")
class DemoProgress {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);
    private static final int HISTORY_DAYS = 21;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final InboxService inbox;
    private final CampaignService campaigns;
    private final RoundSheets sheets;
    private final ActivationHistory history;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoProgress(InboxService inbox, CampaignService campaigns, RoundSheets sheets, ActivationHistory history,
            CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.campaigns = campaigns;
        this.sheets = sheets;
        this.history = history;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A school of the demo, its director, and how far the demo takes it. */
    record Stage(String uai, String director, Step step) {
    }

    enum Step {
        /** Left at its first step, for its director to work through. */
        SELECT,
        /** Its list selected, waiting for its director's check. */
        VERIFY,
        /** E-mail where there is an address, sheets for the others, not handed out yet. */
        HAND_OUT,
        /** Everything handed out: it waits for its first count. */
        HANDED_OUT,
        /** Still at its first step, long past the escalation delay. */
        LATE
    }

    /** Takes the schools to their steps in the background, and writes the history before the launch. */
    void follow(DistrictCampaign campaign, List<Stage> stages) {
        Thread.ofVirtual().name("demo-progress").start(() -> {
            try {
                backdate(campaign, stages);
                for (Stage stage : stages) {
                    take(stage);
                }
                LOG.info("Demo district campaign under way: its schools stand at different steps");
            } catch (RuntimeException e) {
                LOG.warn("The demo's campaign could not be taken further: {}", e.toString());
            }
        });
    }

    private void take(Stage stage) {
        currentUser.runAs(stage.director(), () -> {
            WaitingTask select = awaitTask(stage.uai(), "select-recipients");
            switch (stage.step()) {
                case SELECT -> { }
                case LATE -> late(stage.uai());
                default -> {
                    campaigns.submitSelection(select.id(), RecipientSelection.defaults(stage.uai()));
                    if (stage.step() != Step.VERIFY) {
                        campaigns.validate(awaitTask(stage.uai(), "verify-recipients").id(), new Distribution(
                                DistributionOrder.BY_CLASS, ParentPlacement.WITH_YOUNGEST_CHILD,
                                SheetLayout.TWO_PER_PAGE, stage.step() == Step.HAND_OUT
                                ? DistributionMode.EMAIL_ELSE_PAPER : DistributionMode.PAPER));
                        if (stage.step() == Step.HANDED_OUT) {
                            sheets.finishHandOut(awaitTask(stage.uai(), "hand-out-sheets").id());
                        }
                    }
                }
            }
            return null;
        });
    }

    /** The director's task of this school at this form, once the process has reached it. */
    private WaitingTask awaitTask(String uai, String formKey) {
        Instant until = clock.instant().plus(PATIENCE);
        while (clock.instant().isBefore(until)) {
            Optional<WaitingTask> task = inbox.inbox(0, 20).stream()
                    .filter(waiting -> uai.equals(waiting.schoolUai()) && formKey.equals(waiting.formKey()))
                    .findFirst();
            if (task.isPresent()) {
                return task.get();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("No task " + formKey + " for " + uai + " after " + PATIENCE);
    }

    /** The school has waited at its selection for nine days: late for two, as the escalation would have flagged it. */
    private void late(String uai) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update campaign_waiting w join campaign c on c.id = w.campaign_id
                        set w.waiting_since = ?, w.late_since = ?
                        where c.school_uai = ? and c.state in ('SELECTING', 'RUNNING')""")
                .params(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(2)), uai).update();
    }

    /**
     * The campaign launched three weeks ago, and each night since counted: today's copy of the schools' tallies, and
     * the days before with fewer accounts activated, rising to where they stand now.
     */
    private void backdate(DistrictCampaign campaign, List<Stage> stages) {
        LocalDate today = LocalDate.now(clock);
        List<String> uais = stages.stream().map(Stage::uai).toList();
        history.recordEverySchool();
        for (int daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
            double share = 0.2 + 0.8 * (HISTORY_DAYS - daysAgo) / HISTORY_DAYS;
            jdbc.sql("""
                            insert ignore into activation_snapshot
                                (school_uai, day, activated, accounts, student_activated, student_accounts,
                                 parent_activated, parent_accounts, teacher_activated, teacher_accounts,
                                 staff_activated, staff_accounts)
                            select school_uai, :day, round(activated * :share), accounts,
                                   round(student_activated * :share), student_accounts,
                                   round(parent_activated * :share), parent_accounts,
                                   round(teacher_activated * :share), teacher_accounts,
                                   round(staff_activated * :share), staff_accounts
                            from activation_snapshot where day = :today and school_uai in (:uais)""")
                    .param("day", today.minusDays(daysAgo)).param("share", share).param("today", today)
                    .param("uais", uais).update();
        }
        jdbc.sql("""
                        insert ignore into district_campaign_progress (district_campaign_id, day, activated, accounts)
                        select :campaign, day, sum(activated), sum(accounts) from activation_snapshot
                        where school_uai in (:uais) and day < :today group by day""")
                .param("campaign", campaign.id()).param("uais", uais).param("today", today).update();
        jdbc.sql("update district_campaign set created_at = ? where id = ?")
                .params(clock.instant().minus(Duration.ofDays(HISTORY_DAYS)), campaign.id()).update();
    }
}
