package fr.rentree.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DayRate;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import fr.rentree.tracking.service.DistrictDashboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A district campaign's school over time, as its dashboard shows it: what its campaign delivered (e-mails sent,
 * sheets printed and handed out), the nightly count (the engine's timer: every school copied for the day, the
 * campaign's day totalled) and the trend against the copy of a week ago.
 */
@RentreeIntegrationTest
class DistrictProgressIT {

    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RoundSheets sheets;
    @Autowired
    InboxService inbox;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void the_dashboard_counts_deliveries_the_nightly_count_keeps_each_day_and_the_trend_compares_a_week(
            @TempDir Path folder) {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder);
        String uai = school.school().uai();
        String director = school.director();
        String officer = fixtures.districtOfficer(Set.of(uai));
        DistrictCampaign campaign = fixtures.as(officer, () -> districtCampaigns.launch(Fixtures.DISTRICT,
                new DistrictPlan(new CampaignPlan("Rentrée Rosa-Parks", LocalDate.now().plusWeeks(4), 80,
                        Duration.ofDays(7)), Duration.ofDays(5)), List.of(uai)));
        await().atMost(Duration.ofSeconds(60)).until(() -> !fixtures.as(director, () -> inbox.inbox(0, 1)).isEmpty());

        // the director selects, sends e-mail where there is an address and prints the others, hands them out
        fixtures.as(director, () -> campaigns.submitSelection(inbox.inbox(0, 1).getFirst().id(),
                RecipientSelection.defaults(uai)));
        var plan = fixtures.as(director, () -> campaigns.validate(inbox.inbox(0, 1).getFirst().id(),
                new Distribution(DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD,
                        SheetLayout.ONE_PER_PAGE, DistributionMode.EMAIL_ELSE_PAPER)));
        assertThat(plan.mails()).isPositive();
        assertThat(plan.sheets()).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> line(officer, campaign).delivered().sent() == plan.mails()
                && line(officer, campaign).delivered().printed() == plan.sheets());
        assertThat(line(officer, campaign).delivered()).isEqualTo(new DeliveryTally(plan.mails(), 0, 0,
                plan.sheets(), 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(director, () -> inbox.inbox(0, 1)).stream()
                .anyMatch(task -> task.formKey().equals("hand-out-sheets")));
        fixtures.as(director, () -> sheets.finishHandOut(inbox.inbox(0, 1).getFirst().id()));
        assertThat(line(officer, campaign).delivered().handedOut()).isEqualTo(plan.sheets());

        // the nightly count: the engine's timer starts it (here now); every school is copied, the campaign totalled
        Job evening = management.createJobQuery().processDefinitionKey("daily-activation-count").timers()
                .singleResult();
        assertThat(evening.getDuedate().toInstant()).isAfter(Instant.now());
        management.executeJob(evening.getId());
        LocalDate today = LocalDate.now();
        Rate now = line(officer, campaign).all();
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(officer, () -> dashboard.days(campaign.id())),
                days -> days.equals(List.of(new DayRate(today, now))));
        assertThat(jdbc.sql("select accounts from activation_snapshot where school_uai = ? and day = ?")
                .params(uai, today).query(Long.class).single()).isEqualTo(now.accounts());
        assertThat(management.createJobQuery().processDefinitionKey("daily-activation-count").timers().count())
                .as("the next evening's timer").isEqualTo(1);
        // counting twice the same day keeps one point, the latest
        management.executeJob(management.createJobQuery().processDefinitionKey("daily-activation-count").timers()
                .singleResult().getId());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(officer,
                () -> dashboard.days(campaign.id())).size() == 1);

        // a week ago, none of its accounts was activated: the trend is today's rate in points
        assertThat(line(officer, campaign).trend()).as("no copy a week ago").isNull();
        jdbc.sql("""
                        insert into activation_snapshot (school_uai, day, activated, accounts, student_activated,
                            student_accounts, parent_activated, parent_accounts, teacher_activated, teacher_accounts,
                            staff_activated, staff_accounts) values (?, ?, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0)""")
                .params(uai, today.minusWeeks(1), now.accounts()).update();
        assertThat(line(officer, campaign).trend()).isEqualTo(now.percent().orElseThrow());

        // the days and the lines are the district's: a director reads neither
        assertThatThrownBy(() -> fixtures.as(director, () -> dashboard.days(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private SchoolLine line(String officer, DistrictCampaign campaign) {
        return fixtures.as(officer, () -> dashboard.page(campaign.id(), DashboardFilter.ALL, DashboardOrder.BY_SCHOOL,
                0, 10)).getFirst();
    }
}
