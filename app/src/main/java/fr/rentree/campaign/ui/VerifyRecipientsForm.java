package fr.rentree.campaign.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.RoundPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SelectedAccount;
import fr.rentree.directory.domain.SelectionTally;
import fr.rentree.reports.SheetLayout;
import fr.rentree.tasks.ui.TaskContext;
import fr.rentree.tasks.ui.TaskForm;

/**
 * Steps 2 and 3 of the publipostage: the director reads the selected accounts (a lazy grid with the columns of the
 * seeds), goes back to the criteria or chooses the order, the model and the mode, and confirms the exact numbers of
 * e-mails and sheets before anything leaves.
 */
@org.springframework.stereotype.Component
class VerifyRecipientsForm implements TaskForm {

    private final CampaignService campaigns;

    VerifyRecipientsForm(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String formKey() {
        return "verify-recipients";
    }

    @Override
    public String width() {
        return "90em";
    }

    @Override
    public Component create(TaskContext task) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        String taskId = task.task().id();
        RecipientSelection selection = campaigns.selection(taskId);
        SelectionTally tally = campaigns.tally(selection);

        Paragraph summary = new Paragraph(form.getTranslation("verify.summary", tally.accounts(),
                tally.withoutEmail()));
        summary.setId("verify-summary");
        form.add(summary, grid(form, selection, tally));

        Button change = new Button(form.getTranslation("verify.change"));
        change.setId("verify-change");
        change.setDisableOnClick(true);
        change.addClickListener(e -> task.submitAndOpenNext(() -> campaigns.changeCriteria(taskId)));

        RadioButtonGroup<DistributionOrder> order = radio(form, "sheets.order", DistributionOrder.values(),
                DistributionOrder.BY_CLASS);
        RadioButtonGroup<ParentPlacement> parents = radio(form, "sheets.parents", ParentPlacement.values(),
                ParentPlacement.WITH_YOUNGEST_CHILD);
        order.addValueChangeListener(e -> parents.setVisible(e.getValue() == DistributionOrder.BY_CLASS));
        RadioButtonGroup<SheetLayout> layout = radio(form, "sheets.layout", SheetLayout.values(),
                SheetLayout.ONE_PER_PAGE);
        RadioButtonGroup<DistributionMode> mode = radio(form, "verify.mode", DistributionMode.values(),
                tally.withoutEmail() == tally.accounts() ? DistributionMode.PAPER : DistributionMode.EMAIL_ELSE_PAPER);
        mode.setId("verify-mode");

        Button validate = new Button(form.getTranslation("verify.validate"));
        validate.setId("verify-validate");
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.addClickListener(e -> task.act(() -> confirm(form, task, new Distribution(order.getValue(),
                parents.getValue(), layout.getValue(), mode.getValue()))));

        // the mode first: at 1366 px the last group wraps under the fold
        HorizontalLayout choices = new HorizontalLayout(mode, order, parents, layout);
        choices.setWrap(true);
        form.add(choices);
        task.actions(validate, change); // in sight at 768 px high: the list and the choices scroll, not the buttons
        return form;
    }

    private Grid<SelectedAccount> grid(Component form, RecipientSelection selection, SelectionTally tally) {
        DateTimeFormatter created = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(form.getUI().map(ui -> ui.getLocale()).orElse(Locale.FRENCH))
                .withZone(ZoneId.systemDefault());
        Grid<SelectedAccount> grid = new Grid<>();
        grid.setId("verify-grid");
        grid.addColumn(SelectedAccount::lastName).setHeader(form.getTranslation("verify.column.last-name"))
                .setAutoWidth(true);
        grid.addColumn(SelectedAccount::firstName).setHeader(form.getTranslation("verify.column.first-name"))
                .setAutoWidth(true);
        grid.addColumn(a -> form.getTranslation("profile." + a.profile())).setHeader(
                form.getTranslation("verify.column.profile")).setAutoWidth(true);
        grid.addColumn(SelectedAccount::login).setHeader(form.getTranslation("verify.column.login"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.activated() ? form.getTranslation("verify.activated") : a.activationCode().value())
                .setHeader(form.getTranslation("verify.column.code")).setAutoWidth(true);
        grid.addColumn(a -> a.email() == null ? "" : a.email()).setHeader(form.getTranslation("verify.column.email"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.classes() == null ? "" : a.classes()).setHeader(
                form.getTranslation("verify.column.class")).setAutoWidth(true);
        grid.addColumn(a -> created.format(a.createdAt())).setHeader(form.getTranslation("verify.column.created"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> campaigns.selected(selection, query.getOffset(), query.getLimit()).stream(),
                query -> tally.accounts());
        grid.setHeight("min(22em, 40vh)"); // the choices below it within reach on a laptop's screen
        return grid;
    }

    /** The exact numbers first; nothing is frozen or sent before the director says so. */
    private void confirm(Component form, TaskContext task, Distribution distribution) {
        RoundPlan plan = campaigns.plan(task.task().id(), distribution);
        if (plan.recipients().isEmpty()) {
            Notifications.error(form.getTranslation("campaign.error.EMPTY"));
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(form.getTranslation("verify.confirm.title"));
        Span text = new Span(form.getTranslation("verify.confirm.text", plan.mails(), plan.sheets(), plan.leftOut()));
        text.setId("verify-confirm-text");
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(form.getTranslation("verify.confirm.back"));
        // the button names all it starts: "Envoyer" alone hid the PDF made beside the e-mails
        dialog.setConfirmText(form.getTranslation(plan.mails() == 0 ? "verify.confirm.print"
                : plan.sheets() == 0 ? "verify.confirm.send" : "verify.confirm.both"));
        dialog.addConfirmListener(e -> task.submit(() -> campaigns.validate(task.task().id(), distribution)));
        dialog.open();
    }

    private static <T extends Enum<T>> RadioButtonGroup<T> radio(Component form, String key, T[] values, T value) {
        RadioButtonGroup<T> group = new RadioButtonGroup<>(form.getTranslation(key));
        group.setItems(values);
        group.setItemLabelGenerator(v -> form.getTranslation(key + "." + v.name()));
        group.setValue(value);
        group.addThemeName("vertical");
        return group;
    }
}
