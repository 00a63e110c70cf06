package fr.rentree.tracking.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rentree.base.FieldsRefused;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.DatePickers;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.domain.LaunchPreview;
import fr.rentree.campaign.service.CampaignException;
import fr.rentree.campaign.service.CampaignSettings;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;

/**
 * "Lancer une campagne de district": the plan every school gets, and which schools (all of the district, some kinds,
 * or picked one by one), counted as they are chosen; a confirmation says how many school campaigns start.
 */
class LaunchDistrictCampaignDialog extends Dialog {

    /** How the schools are chosen. */
    enum Scope { ALL, KINDS, PICKED }

    private final DistrictCampaignService launcher;
    private final Select<String> district = new Select<>();
    private final RadioButtonGroup<Scope> scope = new RadioButtonGroup<>();
    private final CheckboxGroup<SchoolKind> kinds = new CheckboxGroup<>();
    private final MultiSelectComboBox<School> picked = new MultiSelect<>();
    private final Paragraph count = new Paragraph();
    private List<School> schools = List.of();

    LaunchDistrictCampaignDialog(DistrictCampaigns districtCampaigns, DistrictCampaignService launcher,
            CampaignSettings settings, Clock clock, Consumer<DistrictCampaign> launched) {
        this.launcher = launcher;
        setHeaderTitle(getTranslation("district-campaigns.launch"));
        setWidth("min(48em, 95vw)");
        LocalDate today = LocalDate.now(clock);

        List<String> districts = districtCampaigns.districts();
        district.setLabel(getTranslation("district-campaigns.district"));
        district.setItems(districts);
        district.setVisible(districts.size() > 1);
        TextField name = new TextField(getTranslation("campaigns.name"));
        name.setValue(getTranslation("campaigns.name.default", String.valueOf(SchoolYear.of(today).startYear())));
        name.setRequired(true);
        name.setMaxLength(100);

        scope.setLabel(getTranslation("district-campaigns.schools"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(choice -> getTranslation("district-campaigns.scope." + choice.name()));
        kinds.setItems(SchoolKind.values());
        kinds.setItemLabelGenerator(kind -> getTranslation("school.kind." + kind.name()));
        picked.setItemLabelGenerator(school -> school.name() + " (" + school.uai() + ")");
        picked.setWidthFull();
        picked.setAriaLabel(getTranslation("district-campaigns.scope.PICKED"));
        count.setId("district-campaign-count");

        DatePicker deadline = DatePickers.localized(new DatePicker(getTranslation("campaigns.deadline"),
                today.plusWeeks(6)));
        deadline.setMin(today);
        deadline.setRequired(true);
        IntegerField target = days(getTranslation("campaigns.target"), settings.targetPercent(), 1, 100, "%");
        IntegerField cadence = days(getTranslation("campaigns.cadence"), (int) Math.max(1, settings.cadence().toDays()),
                1, CampaignPlan.MAX_CADENCE_DAYS, getTranslation("campaigns.cadence.days"));
        IntegerField escalation = days(getTranslation("district-campaigns.escalation"),
                (int) Math.max(1, settings.escalationDelay().toDays()), 1, CampaignPlan.MAX_CADENCE_DAYS,
                getTranslation("campaigns.cadence.days"));
        escalation.setHelperText(getTranslation("district-campaigns.escalation.help"));

        FormLayout form = new FormLayout(district, name, deadline, target, cadence, escalation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form, scope, kinds, picked, count);

        district.addValueChangeListener(e -> {
            schools = e.getValue() == null ? List.of() : districtCampaigns.schoolsOf(e.getValue());
            picked.setItems(schools);
            recount();
        });
        scope.addValueChangeListener(e -> recount());
        kinds.addValueChangeListener(e -> recount());
        picked.addValueChangeListener(e -> recount());
        scope.setValue(Scope.ALL);
        kinds.setValue(Set.of(SchoolKind.values()));
        if (!districts.isEmpty()) {
            district.setValue(districts.getFirst());
        }

        Button launch = new Button(getTranslation("district-campaigns.launch.confirm"));
        launch.setId("district-campaign-launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, HasValidation> fields = Map.of(CampaignPlan.NAME, name, CampaignPlan.DEADLINE, deadline,
                CampaignPlan.TARGET, target, CampaignPlan.CADENCE, cadence);
        launch.addClickListener(e -> {
            fields.values().forEach(field -> field.setInvalid(false));
            escalation.setInvalid(false);
            try {
                CampaignPlan plan = CampaignPlan.of(name.getValue(), deadline.getValue(), target.getValue(),
                        cadence.getValue(), LocalDate.now(clock));
                if (invalid(escalation)) {
                    show(escalation, "district-campaigns.escalation.invalid");
                    return;
                }
                List<String> chosen = chosen();
                if (district.isEmpty() || chosen.isEmpty()) {
                    Notifications.error(getTranslation("campaign.error.NO_SCHOOL"));
                    return;
                }
                confirm(new DistrictPlan(plan, Duration.ofDays(escalation.getValue())), chosen, launched, fields);
            } catch (FieldsRefused refused) {
                refused.problems().forEach((field, key) -> show(fields.get(field), key));
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), launch);
    }

    /** The numbers first, then the launch; a refusal says what is wrong where it is. */
    private void confirm(DistrictPlan plan, List<String> chosen, Consumer<DistrictCampaign> launched,
            Map<String, HasValidation> fields) {
        LaunchPreview preview = launcher.preview(district.getValue(), chosen);
        Confirmation.ask(getTranslation("district-campaigns.launch.title"),
                getTranslation("district-campaigns.launch.text", preview.started(), preview.adopted(),
                        preview.directors()),
                getTranslation("district-campaigns.launch.action", preview.started()),
                getTranslation("action.cancel"), false, () -> {
                    try {
                        DistrictCampaign campaign = launcher.launch(district.getValue(), plan, chosen);
                        close();
                        launched.accept(campaign);
                    } catch (FieldsRefused refused) { // the day changed meanwhile
                        refused.problems().forEach((field, key) -> show(fields.get(field), key));
                    } catch (CampaignException refused) {
                        Notifications.error(getTranslation(refused.messageKey()));
                    }
                });
    }

    /** What a faulty field says under it. */
    private void show(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    private IntegerField days(String label, int value, int min, int max, String suffix) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        field.setMin(min);
        field.setMax(max);
        field.setRequired(true);
        field.setSuffixComponent(new Span(suffix));
        return field;
    }

    private static boolean invalid(IntegerField field) {
        return field.isEmpty() || field.isInvalid();
    }

    private void recount() {
        kinds.setVisible(scope.getValue() == Scope.KINDS);
        picked.setVisible(scope.getValue() == Scope.PICKED);
        int chosen = chosen().size();
        count.setText(getTranslation("district-campaigns.count", chosen, schools.size()));
    }

    private List<String> chosen() {
        Collection<School> chosen = switch (scope.getValue() == null ? Scope.ALL : scope.getValue()) {
            case ALL -> schools;
            case KINDS -> schools.stream().filter(school -> kinds.getValue().contains(school.kind())).toList();
            case PICKED -> picked.getValue();
        };
        return chosen.stream().map(School::uai).toList();
    }
}
