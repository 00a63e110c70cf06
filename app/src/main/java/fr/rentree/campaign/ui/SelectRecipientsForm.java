package fr.rentree.campaign.ui;

import java.util.Arrays;
import java.util.EnumSet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.tasks.ui.TaskContext;
import fr.rentree.tasks.ui.TaskForm;

/** Step 1 of the publipostage: which accounts the campaign is for. */
@org.springframework.stereotype.Component
class SelectRecipientsForm implements TaskForm {

    private final CampaignService campaigns;

    SelectRecipientsForm(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String formKey() {
        return "select-recipients";
    }

    @Override
    public Component create(TaskContext task) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);

        CheckboxGroup<Profile> profiles = new CheckboxGroup<>(form.getTranslation("selection.profiles"));
        profiles.setItems(Profile.values());
        profiles.setItemLabelGenerator(p -> form.getTranslation("profile." + p.name()));
        profiles.setValue(EnumSet.of(Profile.STUDENT, Profile.PARENT));
        profiles.setHelperText(form.getTranslation("selection.profiles.help"));

        RadioButtonGroup<ActivationFilter> activation = new RadioButtonGroup<>(
                form.getTranslation("selection.activation"));
        activation.setItems(Arrays.asList(ActivationFilter.values()));
        activation.setItemLabelGenerator(a -> form.getTranslation("activation." + a.name()));
        activation.setValue(ActivationFilter.NOT_ACTIVATED);

        Button confirm = new Button(form.getTranslation("selection.submit"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true); // one submission, however many clicks
        confirm.addClickListener(e -> task.submit(() -> campaigns.submitSelection(task.task().id(),
                new SelectionCriteria(profiles.getValue(), activation.getValue()))));

        form.add(new Paragraph(form.getTranslation("selection.intro")), profiles, activation, confirm);
        return form;
    }
}
