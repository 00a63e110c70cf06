package fr.rentree.tracking.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.AttachmentType;
import fr.rentree.base.Refusal;
import fr.rentree.base.ui.AutoRefresh;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.campaign.service.DistrictIncidents;
import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.campaign.domain.SchoolIncident;
import fr.rentree.base.ui.BarChart;
import fr.rentree.base.ui.PercentChart;
import fr.rentree.tracking.domain.DayRate;
import fr.rentree.campaign.ui.CampaignView;
import fr.rentree.directory.domain.Profile;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DashboardTotals;
import fr.rentree.tracking.domain.Phase;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import fr.rentree.tracking.service.DistrictDashboard;
import fr.rentree.tracking.service.DistrictReportService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/**
 * A district campaign's dashboard: its plan, the totals (schools per step, late ones, the district's activation
 * against the target), and one line per school, read a page at a time, filtered and sorted in the database, exported
 * as CSV; each line opens the school campaign's page (counts only). Refreshes itself; district staff stop the
 * campaign here.
 */
@Route("circonscription/campagne")
@RolesAllowed({"DISTRICT_STAFF", "ADMIN"})
public class DistrictDashboardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DistrictCampaigns districtCampaigns;
    private final DistrictCampaignService launcher;
    private final DistrictDashboard dashboard;
    private final DistrictIncidents districtIncidents;
    private final boolean staff;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter days;
    private final DateTimeFormatter shortDays;
    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final Button stop = new Button();
    private final DistrictReportLinks report;
    private final Paragraph totals = new Paragraph();
    private final HorizontalLayout phases = new HorizontalLayout();
    private final CheckboxGroup<SchoolKind> kinds = new CheckboxGroup<>();
    private final Select<Phase> phase = new Select<>();
    private final Checkbox late = new Checkbox();
    private final Checkbox underTarget = new Checkbox();
    private final Checkbox withIncident = new Checkbox();
    private final PercentChart rateChart;
    private final BarChart phaseChart;
    private final BarChart profileChart;
    private final VerticalLayout incidents = new VerticalLayout();
    private final TextField text = new TextField();
    private final Paragraph found = new Paragraph();
    private final Grid<SchoolLine> schools = new Grid<>();
    private long campaignId;
    private String pageTitle;

    DistrictDashboardView(DistrictCampaigns districtCampaigns, DistrictCampaignService launcher,
            DistrictDashboard dashboard, DistrictIncidents districtIncidents, DistrictReportService reports,
            CurrentUser currentUser, Clock clock) {
        this.districtCampaigns = districtCampaigns;
        this.districtIncidents = districtIncidents;
        this.launcher = launcher;
        this.dashboard = dashboard;
        this.report = new DistrictReportLinks(reports);
        this.staff = currentUser.require().role() == Role.DISTRICT_STAFF;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        this.shortDays = DateTimeFormatter.ofPattern(getTranslation("district-dashboard.chart.day"), getLocale());
        this.pageTitle = getTranslation("nav.district-campaigns");
        this.rateChart = new PercentChart(getTranslation("district-dashboard.chart.rate"),
                getTranslation("district-dashboard.chart.target"));
        this.phaseChart = new BarChart(getTranslation("district-dashboard.chart.phases"), true, false);
        this.profileChart = new BarChart(getTranslation("district-dashboard.chart.profiles"), false, true);
        rateChart.setId("district-chart-rate");
        phaseChart.setId("district-chart-phases");
        profileChart.setId("district-chart-profiles");
        incidents.setId("district-dashboard-incidents");
        incidents.setPadding(false);
        incidents.setSpacing(false);
        setId("district-dashboard");
        summary.setId("district-campaign-summary");
        totals.setId("district-dashboard-totals");
        phases.setId("district-dashboard-phases");
        phases.setWrap(true);
        found.setId("district-dashboard-found");
        schools.setId("district-dashboard-schools");

        stop.setText(getTranslation("district-campaign.stop"));
        stop.setId("district-campaign-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> Confirmation.ask(getTranslation("district-campaign.stop.title"),
                getTranslation("district-campaign.stop.text"), getTranslation("district-campaign.stop"),
                getTranslation("district-campaign.stop.keep"), true, () -> {
                    try {
                        launcher.stop(campaignId);
                        Notifications.success(getTranslation("district-campaign.stopped"));
                    } catch (Refusal refused) {
                        Notifications.error(getTranslation(refused.messageKey()));
                    }
                    refresh();
                }));

        add(new RouterLink(getTranslation("district-campaign.back"), DistrictCampaignsView.class), title, summary,
                stop, report, totals, phases, charts(), new H3(getTranslation("district-dashboard.incidents.title")),
                incidents, new H3(getTranslation("district-campaign.schools")), filters(clock), found, schools);
        columns();
        AutoRefresh.every(this, CampaignView.REFRESH_MILLIS, this::refresh);
    }

    private HorizontalLayout filters(Clock clock) {
        kinds.setLabel(getTranslation("district-dashboard.kinds"));
        kinds.setItems(SchoolKind.values());
        kinds.setItemLabelGenerator(kind -> getTranslation("school.kind." + kind.name()));
        phase.setLabel(getTranslation("campaigns.column.state"));
        phase.setItems(Phase.values());
        phase.setItemLabelGenerator(value -> value == null ? getTranslation("district-dashboard.every-phase")
                : getTranslation("phase." + value.name()));
        phase.setEmptySelectionAllowed(true);
        phase.setEmptySelectionCaption(getTranslation("district-dashboard.every-phase"));
        late.setLabel(getTranslation("district-dashboard.late-only"));
        late.setId("district-dashboard-late");
        underTarget.setLabel(getTranslation("district-dashboard.under-target"));
        withIncident.setLabel(getTranslation("district-dashboard.with-incident"));
        withIncident.setId("district-dashboard-with-incident");
        text.setLabel(getTranslation("district-dashboard.search"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        kinds.addValueChangeListener(e -> reload());
        phase.addValueChangeListener(e -> reload());
        late.addValueChangeListener(e -> reload());
        underTarget.addValueChangeListener(e -> reload());
        withIncident.addValueChangeListener(e -> reload());
        text.addValueChangeListener(e -> reload());

        // the screen's language, read now: the download is served outside the screen's request
        Locale locale = getLocale();
        DownloadHandler csv = event -> {
            DashboardFilter filter = filter();
            DashboardOrder order = order();
            event.setFileName("rentree-ecoles-" + campaignId + "-" + LocalDate.now(clock) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                dashboard.exportCsv(campaignId, filter, order, out, locale);
            }
        };
        Button exportButton = new Button(getTranslation("district-dashboard.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, "");
        export.add(exportButton);
        export.setId("district-dashboard-export");

        HorizontalLayout filters = new HorizontalLayout(kinds, phase, text, late, underTarget, withIncident,
                export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    /**
     * Every column in sight at 1366 px and read whole: the school and its step wrap and take what is left, the rates
     * are as wide as their header ("Enseignants" was cut).
     */
    private void columns() {
        schools.addComponentColumn(this::school).setHeader(getTranslation("district-campaign.column.school"))
                .setWidth("12em").setFlexGrow(2).setSortable(true).setKey(DashboardOrder.Column.SCHOOL.name());
        schools.addColumn(line -> getTranslation("school.kind." + line.kind().name()))
                .setHeader(getTranslation("district-campaign.column.kind")).setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setKey(DashboardOrder.Column.KIND.name());
        schools.addComponentColumn(this::standing).setHeader(getTranslation("campaigns.column.state"))
                .setWidth("10em").setFlexGrow(2).setSortable(true).setKey(DashboardOrder.Column.PHASE.name());
        schools.addColumn(line -> percent(line.all())).setHeader(getTranslation("district-dashboard.rate"))
                .setWidth("7em").setFlexGrow(0).setSortable(true).setKey(DashboardOrder.Column.RATE.name());
        Map<Profile, Function<SchoolLine, Rate>> profiles = new EnumMap<>(Profile.class);
        profiles.put(Profile.STUDENT, SchoolLine::students);
        profiles.put(Profile.PARENT, SchoolLine::parents);
        profiles.put(Profile.TEACHER, SchoolLine::teachers);
        profiles.put(Profile.STAFF, SchoolLine::staff);
        schools.addColumn(this::trend).setHeader(getTranslation("district-dashboard.trend")).setWidth("6.5em")
                .setFlexGrow(0);
        profiles.forEach((profile, rate) -> schools.addColumn(line -> percent(rate.apply(line)))
                .setHeader(getTranslation("statistics.profile." + profile.name())).setAutoWidth(true).setFlexGrow(0));
        schools.addComponentColumn(this::delivered).setHeader(getTranslation("district-dashboard.delivered"))
                .setWidth("11em").setFlexGrow(1);
        schools.setMultiSort(false);
        schools.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        schools.setItems(query -> dashboard.page(campaignId, filter(), query.getSortOrders().stream().findFirst()
                        .map(sort -> order(sort.getSorted(), sort.getDirection())).orElse(DashboardOrder.BY_SCHOOL),
                        query.getOffset(), query.getLimit()).stream(),
                query -> dashboard.count(campaignId, filter()));
        schools.setHeight("32em");
    }

    private String percent(Rate rate) {
        return rate.percent().map(value -> getTranslation("campaigns.activated", value)).orElse("–");
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        campaignId = parameter;
        refresh();
    }

    /** The header and totals again, and the page of lines in sight (not every school: the grid reads lazily). */
    private void refresh() {
        DistrictCampaign campaign;
        DashboardTotals sums;
        try {
            campaign = districtCampaigns.followed(campaignId);
            sums = dashboard.totals(campaignId);
        } catch (Refusal | AccessDeniedException refused) {
            String message = getTranslation(refused instanceof Refusal refusal ? refusal.messageKey()
                    : "campaign.error.NOT_YOURS");
            removeAll();
            add(new RouterLink(getTranslation("district-campaign.back"), DistrictCampaignsView.class), new H2(message));
            return;
        }
        pageTitle = campaign.name() + " · " + campaign.district();
        title.setText(pageTitle);
        String ended = campaign.finishedAt() == null ? ""
                : " " + getTranslation("campaign.summary.ended", dates.format(campaign.finishedAt()));
        summary.setText(getTranslation("district-campaign.state." + campaign.state().name()) + " · "
                + getTranslation("district-campaign.summary", campaign.targetPercent(), days.format(campaign.deadline()),
                campaign.cadence().toDays(), campaign.escalationDelay().toDays(), dates.format(campaign.createdAt()))
                + ended);
        stop.setVisible(staff && campaign.state().isOpen());
        report.show(campaignId);
        totals.setText(getTranslation("district-dashboard.totals", sums.schools(), sums.late(),
                sums.rate().percent().orElse(0), campaign.targetPercent()));
        phases.removeAll();
        for (Phase value : Phase.values()) {
            int count = sums.byPhase().getOrDefault(value, 0);
            if (count > 0) {
                Span badge = new Span(getTranslation("phase." + value.name()) + " · " + count);
                badge.getElement().getThemeList().add(value == Phase.FINISHED ? "badge success" : "badge");
                badge.addClassName("district-phase");
                phases.add(badge);
            }
        }
        drawCharts(campaign, sums);
        showIncidents();
        schools.getDataProvider().refreshAll();
        found.setText(getTranslation("district-dashboard.found", dashboard.count(campaignId, filter())));
    }

    /** The district's rate day by day and today, its schools per step, its rate per profile. */
    private Component charts() {
        Div charts = new Div(rateChart, phaseChart, profileChart);
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(18em, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        return charts;
    }

    private void drawCharts(DistrictCampaign campaign, DashboardTotals sums) {
        List<DayRate> days = dashboard.days(campaignId);
        List<String> labels = new ArrayList<>(days.stream().map(day -> shortDays.format(day.day())).toList());
        List<Integer> percents = new ArrayList<>(days.stream().map(day -> day.rate().percent().orElse(0)).toList());
        if (campaign.state().isOpen()) {
            labels.add(getTranslation("district-dashboard.chart.today"));
            percents.add(sums.rate().percent().orElse(0));
        }
        rateChart.show(labels, percents, campaign.targetPercent());
        List<Phase> shown = List.of(Phase.values());
        phaseChart.show(shown.stream().map(value -> getTranslation("phase." + value.name())).toList(),
                shown.stream().map(value -> sums.byPhase().getOrDefault(value, 0)).toList());
        Map<Profile, Rate> rates = sums.byProfile();
        profileChart.show(rates.keySet().stream().map(profile -> getTranslation("statistics.profile." + profile.name()))
                .toList(), rates.values().stream().map(rate -> rate.percent().orElse(0)).toList());
    }

    /** The schools' failed steps: the district's retried here, the schools' by their directors. */
    private void showIncidents() {
        incidents.removeAll();
        List<SchoolIncident> failed = dashboard.incidents(campaignId);
        if (failed.isEmpty()) {
            incidents.add(new Paragraph(getTranslation("district-dashboard.incidents.none")));
            return;
        }
        for (SchoolIncident school : failed) {
            Span line = new Span(getTranslation("district-dashboard.incident.line", school.schoolName(),
                    getTranslation("step." + school.incident().step()), dates.format(school.incident().occurredAt())));
            HorizontalLayout row = new HorizontalLayout(line);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassName("district-incident");
            if (school.ofDistrict() && staff) {
                Button retry = new Button(getTranslation("district-dashboard.incident.retry"), e -> {
                    try {
                        districtIncidents.retry(campaignId, school.incident().id());
                        Notifications.success(getTranslation("district-dashboard.incident.retried"));
                    } catch (Refusal refused) {
                        Notifications.error(getTranslation(refused.messageKey()));
                    }
                    refresh();
                });
                retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                retry.addClassName("district-incident-retry");
                row.add(retry);
            } else if (!school.ofDistrict()) {
                Span who = new Span(getTranslation("district-dashboard.incident.school"));
                who.getStyle().set("color", "var(--lumo-secondary-text-color)");
                row.add(who);
            }
            incidents.add(row);
        }
    }

    /** What the school's campaign sent and printed, in two short lines; a dash before it sent anything. */
    private Component delivered(SchoolLine line) {
        DeliveryTally delivered = line.delivered();
        Div lines = new Div();
        lines.getStyle().set("display", "flex").set("flex-direction", "column")
                .set("font-size", "var(--lumo-font-size-s)");
        if (delivered.sent() + delivered.refused() + delivered.bounced() > 0) {
            Span mails = new Span(getTranslation("district-dashboard.mails.value", delivered.sent(),
                    delivered.refused(), delivered.bounced()));
            if (delivered.refused() + delivered.bounced() > 0) {
                mails.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            lines.add(mails);
        }
        if (delivered.printed() > 0) {
            lines.add(new Span(getTranslation("district-dashboard.sheets.value", delivered.printed(),
                    delivered.handedOut())));
        }
        if (lines.getComponentCount() == 0) {
            lines.add(new Span("–"));
        }
        return lines;
    }

    private String trend(SchoolLine line) {
        Integer trend = line.trend();
        return trend == null ? "–" : getTranslation("district-dashboard.trend.value", trend);
    }

    private void reload() {
        schools.getDataProvider().refreshAll();
        found.setText(getTranslation("district-dashboard.found", dashboard.count(campaignId, filter())));
    }

    private DashboardFilter filter() {
        return new DashboardFilter(kinds.getValue(), phase.getValue(), late.getValue(), underTarget.getValue(),
                withIncident.getValue(), text.getValue());
    }

    /** The grid's sort, for the export as for the pages. */
    private DashboardOrder order() {
        List<GridSortOrder<SchoolLine>> sorts = schools.getSortOrder();
        return sorts.isEmpty() ? DashboardOrder.BY_SCHOOL
                : order(sorts.getFirst().getSorted().getKey(), sorts.getFirst().getDirection());
    }

    /** A column's key is its {@link DashboardOrder.Column}'s name. */
    private static DashboardOrder order(String column, SortDirection direction) {
        return new DashboardOrder(DashboardOrder.Column.valueOf(column), direction == SortDirection.DESCENDING);
    }

    /** The school's name, opening its campaign's page, and under it its UAI and commune. */
    private Component school(SchoolLine line) {
        Component name = line.campaignId() != null && staff
                ? new RouterLink(line.schoolName(), CampaignView.class, line.campaignId())
                : new Span(line.schoolName());
        Span where = new Span(line.commune() == null ? line.schoolUai() : line.schoolUai() + " · " + line.commune());
        where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div school = new Div(name, where);
        school.getStyle().set("display", "flex").set("flex-direction", "column");
        return school;
    }

    /** Where the school stands, since when it waits there, whether it is late, whether the campaign is its own. */
    private Component standing(SchoolLine line) {
        Div standing = new Div(new Span(getTranslation("phase." + line.phase().name())));
        Long waited = dashboard.daysWaiting(line);
        if (waited != null) {
            standing.add(new Span(" · " + getTranslation("district-campaign.waiting", waited)));
        }
        if (line.late()) {
            standing.add(badge(getTranslation("district-campaign.late"), "badge error small", "district-school-late"));
        }
        if (line.adopted()) {
            standing.add(badge(getTranslation("district-campaign.adopted"), "badge contrast small", "district-adopted"));
        }
        if (line.incidents() > 0) {
            standing.add(badge(getTranslation("district-dashboard.incidents", line.incidents()), "badge error small",
                    "district-school-incident"));
        }
        return standing;
    }

    private static Span badge(String text, String theme, String className) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        badge.addClassName(className);
        badge.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        return badge;
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · " + getTranslation("app.name");
    }
}
