package fr.rentree.campaign.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fr.rentree.base.Refusal;
import fr.rentree.base.ui.AutoRefresh;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.GridHeight;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignDetail;
import fr.rentree.campaign.domain.DistrictCampaignDetail.Line;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/**
 * A district campaign's page: its plan, how many schools stand where, and each school with the campaign followed
 * there (counts and steps only), each opening that campaign's page; district staff stop it here.
 */
@Route("circonscription/campagne")
@RolesAllowed({"DISTRICT_STAFF", "ADMIN"})
public class DistrictCampaignView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DistrictCampaignService districtCampaigns;
    private final boolean staff;
    private final Clock clock;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter days;
    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final Paragraph tally = new Paragraph();
    private final Button stop = new Button();
    private final Grid<Line> schools = new Grid<>();
    private long campaignId;
    private String pageTitle;

    DistrictCampaignView(DistrictCampaignService districtCampaigns, CurrentUser currentUser, Clock clock) {
        this.districtCampaigns = districtCampaigns;
        this.clock = clock;
        this.staff = currentUser.require().role() == Role.DISTRICT_STAFF;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        this.pageTitle = getTranslation("nav.district-campaigns");
        setId("district-campaign-page");
        summary.setId("district-campaign-summary");
        tally.setId("district-campaign-tally");
        schools.setId("district-campaign-schools");

        stop.setText(getTranslation("district-campaign.stop"));
        stop.setId("district-campaign-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> Confirmation.ask(getTranslation("district-campaign.stop.title"),
                getTranslation("district-campaign.stop.text"), getTranslation("district-campaign.stop"),
                getTranslation("district-campaign.stop.keep"), true, () -> {
                    try {
                        districtCampaigns.stop(campaignId);
                        Notifications.success(getTranslation("district-campaign.stopped"));
                    } catch (Refusal refused) {
                        Notifications.error(getTranslation(refused.messageKey()));
                    }
                    refresh();
                }));

        schools.addComponentColumn(this::school).setHeader(getTranslation("district-campaign.column.school"))
                .setFlexGrow(2).setComparator(Line::schoolName);
        schools.addColumn(line -> line.school().schoolUai()).setHeader("UAI").setAutoWidth(true).setFlexGrow(0);
        schools.addColumn(line -> getTranslation("school.kind." + line.kind().name()))
                .setHeader(getTranslation("district-campaign.column.kind")).setAutoWidth(true).setFlexGrow(0);
        schools.addComponentColumn(this::standing).setHeader(getTranslation("campaigns.column.state")).setFlexGrow(3);
        schools.addColumn(line -> line.campaign().flatMap(Campaign::activationPercent)
                        .map(percent -> getTranslation("campaigns.activated", percent)).orElse("–"))
                .setHeader(getTranslation("campaigns.column.activated")).setAutoWidth(true).setFlexGrow(0);
        schools.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        AutoRefresh.every(this, CampaignView.REFRESH_MILLIS, this::refresh);
        add(new RouterLink(getTranslation("district-campaign.back"), DistrictCampaignsView.class), title, summary,
                stop, new H3(getTranslation("district-campaign.schools")), tally, schools);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        campaignId = parameter;
        refresh();
    }

    private void refresh() {
        DistrictCampaignDetail detail;
        try {
            detail = districtCampaigns.detail(campaignId);
        } catch (Refusal | AccessDeniedException refused) {
            String message = getTranslation(refused instanceof Refusal refusal ? refusal.messageKey()
                    : "campaign.error.NOT_YOURS");
            removeAll();
            add(new RouterLink(getTranslation("district-campaign.back"), DistrictCampaignsView.class), new H2(message));
            return;
        }
        DistrictCampaign campaign = detail.campaign();
        pageTitle = campaign.name() + " · " + campaign.district();
        title.setText(pageTitle);
        String ended = campaign.finishedAt() == null ? ""
                : " " + getTranslation("campaign.summary.ended", dates.format(campaign.finishedAt()));
        summary.setText(getTranslation("district-campaign.state." + campaign.state().name()) + " · "
                + getTranslation("district-campaign.summary", campaign.targetPercent(), days.format(campaign.deadline()),
                campaign.cadence().toDays(), campaign.escalationDelay().toDays(), dates.format(campaign.createdAt()))
                + ended);
        stop.setVisible(staff && campaign.state().isOpen());
        tally.setText(tally(detail));
        schools.setItems(detail.schools());
        GridHeight.fit(schools, detail.schools().size());
    }

    /** "12 écoles : 9 sélection des destinataires, 2 en cours, 1 distribution des fiches ; 1 en retard". */
    private String tally(DistrictCampaignDetail detail) {
        Map<String, Long> byPhase = detail.schools().stream()
                .collect(Collectors.groupingBy(this::phase, TreeMap::new, Collectors.counting()));
        String parts = byPhase.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().toLowerCase(getLocale()))
                .collect(Collectors.joining(", "));
        long late = detail.schools().stream().filter(Line::late).count();
        return getTranslation("district-campaign.tally", detail.schools().size(), parts, late);
    }

    private Component school(Line line) {
        return line.campaign().<Component>map(campaign -> new RouterLink(line.schoolName(), CampaignView.class,
                campaign.id())).filter(link -> staff).orElseGet(() -> new Span(line.schoolName()));
    }

    /** Where the school stands, since when it waits there, whether it is late, whether the campaign is its own. */
    private Component standing(Line line) {
        Div standing = new Div(new Span(phase(line)));
        line.waiting().ifPresent(waiting -> standing.add(new Span(" · " + getTranslation("district-campaign.waiting",
                Duration.between(waiting.since(), clock.instant()).toDays()))));
        if (line.late()) {
            Span late = new Span(getTranslation("district-campaign.late"));
            late.getElement().getThemeList().add("badge error small");
            late.addClassName("district-school-late");
            late.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            standing.add(late);
        }
        if (line.school().adopted()) {
            Span own = new Span(getTranslation("district-campaign.adopted"));
            own.getElement().getThemeList().add("badge contrast small");
            own.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            standing.add(own);
        }
        return standing;
    }

    /** The step the school's campaign waits at, else its state; "starting" before its start has run. */
    private String phase(Line line) {
        return line.waiting().map(waiting -> StepLabel.of(this, waiting.step(), waiting.step()))
                .or(() -> line.campaign().map(campaign -> getTranslation("campaign.state." + campaign.state().name())))
                .orElseGet(() -> getTranslation("district-campaign.starting"));
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · " + getTranslation("app.name");
    }
}
