package fr.rentree.campaign.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SelectionTally;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.ui.SelectionFilters;
import fr.rentree.tasks.ui.TaskContext;
import fr.rentree.tasks.ui.TaskForm;

/** Step 1 of the publipostage: which accounts the campaign is for, counted as the director ticks. */
@org.springframework.stereotype.Component
class SelectRecipientsForm implements TaskForm {

    private final CampaignService campaigns;
    private final RecipientService recipients;

    SelectRecipientsForm(CampaignService campaigns, RecipientService recipients) {
        this.campaigns = campaigns;
        this.recipients = recipients;
    }

    @Override
    public String formKey() {
        return "select-recipients";
    }

    /** The count and the buttons on one line of the footer. */
    @Override
    public String width() {
        return "50em";
    }

    @Override
    public Component create(TaskContext task) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        RecipientSelection current = campaigns.selection(task.task().id());
        String uai = current.schoolUai();

        SelectionFilters filters = new SelectionFilters();
        filters.setClasses(recipients.classes(uai));
        filters.setValue(current);
        Span count = new Span();
        count.setId("selection-count");
        Button confirm = new Button(form.getTranslation("selection.submit"));
        confirm.setId("selection-submit");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true); // one submission, however many clicks
        confirm.addClickListener(e -> task.submit(() ->
                campaigns.submitSelection(task.task().id(), filters.value(uai))));
        Runnable recount = () -> {
            SelectionTally tally = campaigns.tally(filters.value(uai));
            count.setText(tally.accounts() == 0 ? form.getTranslation("selection.none")
                    : form.getTranslation("selection.count", tally.accounts(), tally.withoutEmail()));
            confirm.setEnabled(tally.accounts() > 0);
        };
        filters.addChangeListener(recount);
        recount.run();

        form.add(new Paragraph(form.getTranslation("selection.intro")), filters);
        task.actions(count, confirm); // the count and the button in sight while the filters scroll
        return form;
    }
}
