package fr.rentree.campaign.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fr.rentree.base.Refusal;
import fr.rentree.base.ui.AutoRefresh;
import fr.rentree.base.ui.BpmnDiagram;
import fr.rentree.base.ui.GridHeight;
import fr.rentree.base.ui.Notifications;
import fr.rentree.base.ui.PercentChart;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignDetail;
import fr.rentree.campaign.domain.CampaignRound;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.FailedRecipient;
import fr.rentree.campaign.domain.ProgressPoint;
import fr.rentree.campaign.domain.RoundCounts;
import fr.rentree.campaign.domain.RoundReport;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.process.domain.Incident;
import fr.rentree.process.domain.ProcessTrail;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/**
 * The page of one campaign: its diagram with the steps done and the current one, the same in words, its rounds with
 * their counts, the activation rate over time, what failed. The school's directors retry and stop it from here and see
 * which addresses failed; district staff read the counts only. It refreshes itself while open.
 */
@Route("campagne")
@RolesAllowed({"DIRECTOR", "DISTRICT_STAFF"})
public class CampaignView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    /** How often an open page asks again where the campaign stands. */
    public static final int REFRESH_MILLIS = 5_000;

    private final CampaignService campaigns;
    private final boolean director;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter days;

    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Button retry = new Button();
    private final Button cancel = new Button();
    private final Div incidents = new Div();
    private final BpmnDiagram diagram = new BpmnDiagram();
    private final OrderedList steps = new OrderedList();
    private final Grid<RoundReport> rounds = new Grid<>();
    private final Paragraph rate = new Paragraph();
    private final PercentChart chart;
    private final Div failedMails = new Div();
    private long campaignId;
    private String pageTitle;

    CampaignView(CampaignService campaigns, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.director = currentUser.require().role() == Role.DIRECTOR;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        this.pageTitle = getTranslation("campaign.page");
        this.chart = new PercentChart(getTranslation("campaign.chart.activated"),
                getTranslation("campaign.chart.target"));
        setId("campaign-page");
        diagram.setId("campaign-diagram");
        steps.setId("campaign-steps");
        steps.addClassName("campaign-steps");
        rounds.setId("campaign-rounds");
        chart.setId("campaign-chart");
        incidents.setId("campaign-incidents");
        failedMails.setId("campaign-failed-mails");
        actions.setId("campaign-actions");
        summary.setId("campaign-summary");
        rate.setId("campaign-rate");
        buildActions();
        roundColumns();
        AutoRefresh.every(this, REFRESH_MILLIS, this::refresh);
        add(new RouterLink(getTranslation("campaign.back"), CampaignsView.class), title, summary, actions, incidents,
                new H3(getTranslation("campaign.steps")), diagram, steps,
                new H3(getTranslation("campaign.rounds")), rounds, failedMails,
                new H3(getTranslation("campaign.chart")), rate, chart);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        campaignId = parameter;
        refresh();
    }

    /** Reads the campaign again; a campaign that does not exist or is not the user's leaves a sentence, nothing else. */
    private void refresh() {
        CampaignDetail detail;
        try {
            detail = campaigns.detail(campaignId);
        } catch (Refusal | AccessDeniedException refused) {
            // another school's campaign reads as a missing one: the page does not tell which ids exist
            String message = getTranslation(refused instanceof Refusal refusal ? refusal.messageKey()
                    : "campaign.error.UNKNOWN");
            removeAll();
            add(new RouterLink(getTranslation("campaign.back"), CampaignsView.class), new H2(message));
            return;
        }
        Campaign campaign = detail.campaign();
        pageTitle = campaign.name() + " · " + detail.schoolName();
        title.setText(pageTitle);
        summary.setText(summary(campaign));
        showActions(detail);
        showIncidents(detail.incidents());
        showTrail(detail);
        rounds.setItems(detail.rounds());
        rounds.setVisible(!detail.rounds().isEmpty());
        showFailedMails(campaign);
        showProgress(campaign, detail.progress());
    }

    private String summary(Campaign campaign) {
        String state = getTranslation("campaign.state." + campaign.state().name());
        String target = getTranslation("campaign.summary", campaign.targetPercent(),
                days.format(campaign.deadline()), campaign.cadence().toDays(), dates.format(campaign.createdAt()));
        // a stopped campaign did not end: it says when it was stopped
        String ended = campaign.finishedAt() == null ? "" : " " + getTranslation(campaign.state()
                == CampaignState.CANCELLED ? "campaign.summary.stopped" : "campaign.summary.ended",
                dates.format(campaign.finishedAt()));
        return state + " · " + target + ended;
    }

    /** The director's buttons, made once: a refresh shows or hides them, so none vanishes under a click. */
    private void buildActions() {
        retry.setText(getTranslation("campaign.retry"));
        retry.setId("campaign-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.setDisableOnClick(true);
        retry.addClickListener(e -> {
            try {
                campaigns.retryFailedSteps(campaignId);
                Notifications.success(getTranslation("campaigns.retried"));
                refresh();
            } finally {
                retry.setEnabled(true);
            }
        });
        cancel.setText(getTranslation("campaign.cancel"));
        cancel.setId("campaign-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> new StopCampaignDialog(campaigns, campaignId, this::refresh).open());
        actions.add(retry, cancel);
    }

    private void showActions(CampaignDetail detail) {
        boolean open = director && detail.campaign().state().isOpen();
        retry.setVisible(open && !detail.incidents().isEmpty());
        cancel.setVisible(open);
    }

    private void showIncidents(List<Incident> failures) {
        incidents.removeAll();
        for (Incident incident : failures) {
            Div box = new Div();
            box.addClassName("campaign-incident");
            box.getElement().getThemeList().add("badge error");
            box.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)")
                    .set("margin-bottom", "var(--lumo-space-s)").set("white-space", "normal");
            box.add(new Span(getTranslation("campaign.incident", StepLabel.of(this, incident.step(), incident.step()),
                    dates.format(incident.occurredAt()))));
            box.add(new Paragraph(getTranslation(incidentHelp(incident.step()))));
            incidents.add(box);
        }
    }

    private String incidentHelp(String step) {
        String key = "campaign.incident.help." + step;
        return StepLabel.has(this, key) ? key : "campaign.incident.help";
    }

    /** The diagram, and the same in words (steps done, then the current ones), which remain if it cannot be drawn. */
    private void showTrail(CampaignDetail detail) {
        ProcessTrail trail = detail.processTrail().orElse(null);
        steps.removeAll();
        if (trail == null) {
            diagram.setVisible(false);
            return;
        }
        Set<String> failing = detail.incidents().stream().map(Incident::step).collect(Collectors.toSet());
        Set<String> current = new HashSet<>(trail.currentIds());
        current.removeAll(failing);
        diagram.show(trail.bpmnXml(), trail.done(), current, failing, trail.interrupted());
        trail.visits().stream().filter(visit -> visit.endedAt() != null).forEach(visit -> steps.add(visit.done()
                ? step("step-done", getTranslation("campaign.step.done", StepLabel.of(this, visit.id(), visit.name()),
                        dates.format(visit.endedAt())))
                : step("step-interrupted", getTranslation("campaign.step.interrupted",
                        StepLabel.of(this, visit.id(), visit.name()), dates.format(visit.endedAt())))));
        trail.current().forEach(step -> {
            boolean failed = failing.contains(step.id());
            ListItem item = step(failed ? "step-failing" : "step-current", getTranslation(failed
                    ? "campaign.step.failing" : "campaign.step.current", StepLabel.of(this, step, dates)));
            item.getStyle().set("font-weight", "600");
            steps.add(item);
        });
    }

    private static ListItem step(String className, String text) {
        ListItem item = new ListItem(text);
        item.addClassName(className);
        return item;
    }

    private void roundColumns() {
        rounds.addColumn(report -> round(report.round())).setHeader(getTranslation("campaign.round"))
                .setAutoWidth(true).setFlexGrow(0);
        rounds.addColumn(report -> dates.format(report.round().createdAt()))
                .setHeader(getTranslation("campaign.round.opened")).setAutoWidth(true).setFlexGrow(0);
        rounds.addColumn(report -> report.round().mails() == 0 ? "–"
                        : getTranslation("campaign.round.of", report.counts().sent(), report.round().mails()))
                .setHeader(getTranslation("campaign.round.sent")).setAutoWidth(true);
        rounds.addColumn(report -> count(report.round().mails(), report.counts().pendingMails()))
                .setHeader(getTranslation("campaign.round.pending")).setAutoWidth(true);
        rounds.addColumn(report -> count(report.round().mails(), report.counts().rejected()))
                .setHeader(getTranslation("campaign.round.rejected")).setAutoWidth(true);
        rounds.addColumn(report -> count(report.round().mails(), report.counts().bounced()))
                .setHeader(getTranslation("campaign.round.bounced")).setAutoWidth(true);
        rounds.addColumn(this::sheets).setHeader(getTranslation("campaign.round.sheets")).setAutoWidth(true);
        rounds.addColumn(this::handedOut).setHeader(getTranslation("campaign.round.handed-out")).setAutoWidth(true);
        rounds.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rounds.setAllRowsVisible(true);
    }

    private String round(CampaignRound round) {
        return round.reminder() ? getTranslation("campaign.round.reminder", round.number() - 1)
                : getTranslation("campaign.round.first");
    }

    private static String count(int planned, int value) {
        return planned == 0 ? "–" : String.valueOf(value);
    }

    private String sheets(RoundReport report) {
        CampaignRound round = report.round();
        RoundCounts counts = report.counts();
        if (round.sheets() == 0) {
            return "–";
        }
        if (round.sheetsGeneratedAt() == null) {
            return getTranslation("campaign.round.sheets.writing", counts.sheetsWritten(), round.sheets());
        }
        return getTranslation(round.sheetsFile() == null ? "campaign.round.sheets.deleted"
                : "campaign.round.sheets.ready", counts.printed());
    }

    private String handedOut(RoundReport report) {
        CampaignRound round = report.round();
        if (round.sheets() == 0) {
            return "–";
        }
        if (round.handedOutAt() != null) {
            return getTranslation("campaign.round.handed-out.at", dates.format(round.handedOutAt()));
        }
        return getTranslation("campaign.round.piles", report.counts().pilesHandedOut(), report.counts().piles());
    }

    /** Who did not get their e-mail and why: the school's directors only (names and addresses). */
    private void showFailedMails(Campaign campaign) {
        failedMails.removeAll();
        if (!director) {
            return;
        }
        List<FailedRecipient> failed = campaigns.failedMails(campaign.id());
        if (failed.isEmpty()) {
            return;
        }
        Grid<FailedRecipient> grid = new Grid<>();
        grid.addColumn(f -> f.mail().round() == 1 ? getTranslation("campaign.round.first")
                : getTranslation("campaign.round.reminder", f.mail().round() - 1))
                .setHeader(getTranslation("campaign.round")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.holder().lastName() + " " + f.holder().firstName())
                .setHeader(getTranslation("campaign.failed.name")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("profile." + f.holder().profile().name()))
                .setHeader(getTranslation("campaign.failed.profile")).setAutoWidth(true);
        grid.addColumn(f -> f.mail().email()).setHeader(getTranslation("campaign.failed.email")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("campaign.failed." + f.mail().status().name(),
                        f.mail().reply() == null ? "" : f.mail().reply()))
                .setHeader(getTranslation("campaign.failed.why")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(failed);
        GridHeight.fit(grid, failed.size());
        failedMails.add(new H3(getTranslation("campaign.failed")),
                new Paragraph(getTranslation("campaign.failed.intro", failed.size())), grid);
    }

    private void showProgress(Campaign campaign, List<ProgressPoint> points) {
        if (points.isEmpty()) {
            rate.setText(getTranslation("campaign.chart.none", campaign.cadence().toDays()));
            chart.setVisible(false);
            return;
        }
        chart.setVisible(true);
        ProgressPoint last = points.getLast();
        rate.setText(getTranslation("campaign.chart.last", last.percent(), last.activated(), last.accounts(),
                dates.format(last.checkedAt())));
        chart.show(points.stream().map(point -> dates.format(point.checkedAt())).toList(),
                points.stream().map(ProgressPoint::percent).toList(), campaign.targetPercent());
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · " + getTranslation("app.name");
    }
}
