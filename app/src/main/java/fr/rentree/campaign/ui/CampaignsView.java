package fr.rentree.campaign.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fr.rentree.base.FieldsRefused;
import fr.rentree.base.i18n.Institution;
import fr.rentree.base.ui.AutoRefresh;
import fr.rentree.base.ui.DatePickers;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignOverview;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.CampaignSettings;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.process.domain.CurrentStep;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * "Campagnes": the campaigns of the user's schools and where each stands, each opening its page; directors launch,
 * retry and stop them here, district staff follow them. The list refreshes itself while open.
 */
@Route("campagnes")
@Menu(title = "nav.campaigns", order = 1, icon = "vaadin:envelopes")
@RolesAllowed({"DIRECTOR", "DISTRICT_STAFF"})
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignService campaigns;
    private final Grid<CampaignOverview> grid = new Grid<>();
    private final Clock clock;
    private final Map<String, HasValidation> fields;
    private final DateTimeFormatter dates;

    CampaignsView(CampaignService campaigns, SchoolService schools, CurrentUser currentUser,
            CampaignSettings settings, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
        List<School> mySchools = schools.findAll(currentUser.require().schoolUais());
        Map<String, String> names = mySchools.stream().collect(Collectors.toMap(School::uai, School::name));
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());

        SchoolPicker school = new SchoolPicker(getTranslation("campaigns.school"), mySchools);
        LocalDate today = LocalDate.now(clock);
        TextField name = new TextField(getTranslation("campaigns.name"));
        name.setRequired(true);
        name.setId("campaign-name");
        DatePicker deadline = DatePickers.localized(new DatePicker(getTranslation("campaigns.deadline"),
                today.plusWeeks(6)));
        deadline.setMin(today);
        deadline.setRequired(true);
        deadline.setId("campaign-deadline");
        IntegerField target = new IntegerField(getTranslation("campaigns.target"));
        target.setValue(settings.targetPercent());
        target.setMin(1);
        target.setMax(100);
        target.setSuffixComponent(new Span("%"));
        target.setWidth("9em");
        target.setId("campaign-target");
        IntegerField cadence = new IntegerField(getTranslation("campaigns.cadence"));
        cadence.setValue((int) Math.max(1, settings.cadence().toDays()));
        cadence.setMin(1);
        cadence.setMax(60);
        cadence.setSuffixComponent(new Span(getTranslation("campaigns.cadence.days")));
        cadence.setWidth("10em");
        cadence.setId("campaign-cadence");
        Button launch = new Button(getTranslation("campaigns.launch"));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setId("campaign-launch");
        launch.setDisableOnClick(true);
        fields = Map.of(CampaignPlan.NAME, name, CampaignPlan.DEADLINE, deadline, CampaignPlan.TARGET, target,
                CampaignPlan.CADENCE, cadence);
        launch.addClickListener(e -> {
            try {
                fields.values().forEach(field -> field.setInvalid(false));
                school.setInvalid(false);
                if (school.getValue() == null) {
                    show(school, "campaigns.school.required");
                    return;
                }
                CampaignPlan plan = CampaignPlan.of(name.getValue(), deadline.getValue(), target.getValue(),
                        cadence.getValue(), LocalDate.now(clock));
                launch(school.getValue(), plan, name);
            } catch (FieldsRefused refused) {
                refused.problems().forEach((field, key) -> show(fields.get(field), key));
            } finally {
                launch.setEnabled(true);
            }
        });
        // a second campaign of the school this year is proposed a name of its own ("Rentrée 2026 (2)")
        name.setValue(defaultName(school.getValue(), today));
        school.addValueChangeListener(changed -> {
            if (name.getValue().equals(defaultName(changed.getOldValue(), today))) {
                name.setValue(defaultName(changed.getValue(), today));
            }
        });
        FormLayout form = new FormLayout(school, name, deadline, target, cadence);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(school, 2);
        form.setMaxWidth("60em");

        // the campaign first, as the way to its page; who launched it under the date, to keep the grid narrow
        grid.addComponentColumn(o -> new RouterLink(o.campaign().name(), CampaignView.class, o.campaign().id()))
                .setHeader(getTranslation("campaigns.column.name")).setFlexGrow(2);
        grid.addColumn(o -> names.getOrDefault(o.campaign().schoolUai(), o.campaign().schoolUai()))
                .setHeader(getTranslation("campaigns.column.school")).setFlexGrow(2);
        grid.addComponentColumn(this::where).setHeader(getTranslation("campaigns.column.state")).setFlexGrow(3);
        grid.addColumn(o -> o.campaign().activationPercent().map(p -> getTranslation("campaigns.activated", p))
                        .orElse("–"))
                .setHeader(getTranslation("campaigns.column.activated")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> getTranslation("campaigns.target.value", o.campaign().targetPercent(),
                        days.format(o.campaign().deadline())))
                .setHeader(getTranslation("campaigns.column.target")).setFlexGrow(1);
        grid.addComponentColumn(o -> {
            Span by = new Span(o.launchedBy().map(username -> getTranslation("campaigns.by", username))
                    .orElseGet(() -> getTranslation("campaigns.by.school")));
            by.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Div launched = new Div(new Span(dates.format(o.campaign().createdAt())), by);
            launched.getStyle().set("display", "flex").set("flex-direction", "column");
            return launched;
        }).setHeader(getTranslation("campaigns.column.created")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("campaigns");

        add(new H2(getTranslation("nav.campaigns")), new Paragraph(getTranslation("campaigns.intro")));
        if (currentUser.require().role() == Role.DIRECTOR) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
            add(form, launch);
        }
        add(grid);
        refresh();
        AutoRefresh.every(this, CampaignView.REFRESH_MILLIS, this::refresh);
    }

    /**
     * The state, and for an open campaign the steps it stands at and its incidents; a stopped one says where it was
     * stopped.
     */
    private Component where(CampaignOverview overview) {
        Campaign campaign = overview.campaign();
        String state = getTranslation("campaign.state." + campaign.state().name());
        String steps = overview.steps().stream().map(this::label).collect(Collectors.joining(", "));
        String interrupted = overview.interrupted().stream().map(this::label).collect(Collectors.joining(", "));
        Span where = new Span(campaign.state().isOpen() && !steps.isEmpty() ? steps : interrupted.isEmpty() ? state
                : getTranslation("campaigns.stopped.at", interrupted));
        if (overview.incidents().isEmpty()) {
            return where;
        }
        // under the step, not beside it: the column wraps, and a badge beside the text was squeezed out of sight
        Span incident = new Span(getTranslation("campaigns.incident"));
        incident.getElement().getThemeList().add("badge error");
        Div both = new Div(where, incident);
        both.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-start")
                .set("gap", "var(--lumo-space-xs)");
        return both;
    }

    private String label(CurrentStep step) {
        return StepLabel.of(this, step, dates);
    }

    private Component actions(CampaignOverview overview) {
        Campaign campaign = overview.campaign();
        HorizontalLayout actions = new HorizontalLayout();
        if (!overview.incidents().isEmpty()) {
            Button retry = new Button(getTranslation("campaigns.retry"), e -> {
                campaigns.retryFailedSteps(campaign.id());
                Notifications.success(getTranslation("campaigns.retried"));
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(retry);
        }
        if (campaign.state().isOpen()) {
            Button cancel = new Button(getTranslation("campaigns.cancel"),
                    e -> new StopCampaignDialog(campaigns, campaign.id(), this::refresh).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(cancel);
        }
        return actions;
    }

    /** What a faulty field says under it. */
    private void show(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    /** "Rentrée 2026", or "Rentrée 2026 (2)" when the school has launched one this school year already. */
    private String defaultName(@Nullable School school, LocalDate today) {
        int year = SchoolYear.of(today).startYear();
        long launched = school == null ? 0 : campaigns.overview().stream()
                .filter(o -> o.campaign().schoolUai().equals(school.uai()) && o.campaign().schoolYear() == year)
                .count();
        return launched == 0 ? getTranslation("campaigns.name.default", String.valueOf(year))
                : getTranslation("campaigns.name.default.next", String.valueOf(year), launched + 1);
    }

    /**
     * Launches; a second open campaign this school year needs a confirmation, whose focus is on "Ne rien lancer"
     * (Enter must not launch it). Once launched, the name field proposes the next campaign's name.
     */
    private void launch(School school, CampaignPlan plan, TextField name) {
        try {
            campaigns.launch(school.uai(), plan, false);
            launched(school, name);
        } catch (FieldsRefused refused) {
            refused.problems().forEach((field, key) -> show(fields.get(field), key));
        } catch (CampaignException ex) {
            if (ex.reason() != CampaignException.Reason.ALREADY_RUNNING) {
                Notifications.error(getTranslation(ex.messageKey()));
                return;
            }
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader(getTranslation("campaigns.second.title"));
            dialog.setText(getTranslation("campaigns.second.text", new Institution(school.name())));
            Button keep = new Button(getTranslation("campaigns.second.keep"), cancelled -> dialog.close());
            dialog.setCancelable(true);
            dialog.setCancelButton(keep);
            dialog.setConfirmText(getTranslation("campaigns.second.confirm"));
            dialog.addConfirmListener(confirmed -> {
                try {
                    campaigns.launch(school.uai(), plan, true);
                    launched(school, name);
                } catch (FieldsRefused refused) { // the day changed meanwhile
                    refused.problems().forEach((field, key) -> show(fields.get(field), key));
                }
            });
            // the dialog focuses its confirm button once open: take the focus back to "Ne rien lancer" then
            keep.getElement().executeJs("const keep = this; document.addEventListener('vaadin-overlay-open',"
                    + " () => setTimeout(() => keep.focus()), {once: true})");
            dialog.open();
        }
    }

    private void launched(School school, TextField name) {
        Notifications.success(getTranslation("campaigns.launched", new Institution(school.name())));
        refresh();
        name.setValue(defaultName(school, LocalDate.now(clock)));
    }

    private void refresh() {
        grid.setItems(campaigns.overview());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.campaigns") + " · " + getTranslation("app.name");
    }
}
