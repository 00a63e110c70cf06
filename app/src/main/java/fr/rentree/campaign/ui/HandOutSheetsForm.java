package fr.rentree.campaign.ui;

import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.rentree.base.ui.Notifications;
import fr.rentree.campaign.domain.HandOut;
import fr.rentree.campaign.domain.PileStatus;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.directory.domain.Pile;
import fr.rentree.reports.SheetLayout;
import fr.rentree.tasks.ui.TaskContext;
import fr.rentree.tasks.ui.TaskForm;
import org.jspecify.annotations.Nullable;

/**
 * "Distribuer les fiches": the round's PDF, whole or one pile at a time, and the piles ticked as they are handed
 * out; the last tick ends the task, or the director says it is done.
 */
@org.springframework.stereotype.Component
class HandOutSheetsForm implements TaskForm {

    private final RoundSheets sheets;

    HandOutSheetsForm(RoundSheets sheets) {
        this.sheets = sheets;
    }

    @Override
    public String formKey() {
        return "hand-out-sheets";
    }

    @Override
    public String width() {
        return "48em";
    }

    @Override
    public Component create(TaskContext task) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        String taskId = task.task().id();
        HandOut handOut = sheets.handOut(taskId);

        Paragraph intro = new Paragraph(intro(form, handOut));
        form.add(intro);
        if (handOut.reminder()) { // the campaign's model first; 8 per page suits the carnet de liaison
            form.add(layout(form, task, handOut, intro));
        }
        Anchor all = download(form, handOut, null, form.getTranslation("hand-out.download.all", handOut.sheets()));
        all.setId("hand-out-download");
        form.add(all);
        AtomicLong left = new AtomicLong(handOut.piles().stream().filter(pile -> !pile.handedOut()).count());
        for (PileStatus pile : handOut.piles()) {
            Checkbox done = new Checkbox(form.getTranslation("hand-out.pile", label(form, pile.pile()), pile.sheets()),
                    pile.handedOut());
            done.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                if (!e.getValue()) { // ticked by mistake
                    left.incrementAndGet();
                    task.act(() -> sheets.cancelHandOut(taskId, pile.pile()));
                } else if (left.decrementAndGet() == 0) { // the last pile: the service ends the task, the form closes
                    task.submit(() -> sheets.handOut(taskId, pile.pile()));
                } else {
                    task.act(() -> sheets.handOut(taskId, pile.pile()));
                }
            });
            HorizontalLayout line = new HorizontalLayout(done, download(form, handOut, pile.pile(),
                    form.getTranslation("hand-out.download.pile")));
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.add(line);
        }
        Button finished = new Button(form.getTranslation("hand-out.finish"));
        finished.setId("hand-out-finish");
        finished.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finished.setDisableOnClick(true);
        finished.addClickListener(e -> task.submit(() -> sheets.finishHandOut(taskId)));
        task.actions(finished); // in sight however many piles
        return form;
    }

    private static String intro(Component form, HandOut handOut) {
        return form.getTranslation(handOut.reminder() ? "hand-out.intro.reminder" : "hand-out.intro", handOut.sheets());
    }

    /** The round's model: choosing another prints its PDF again in it. */
    private RadioButtonGroup<SheetLayout> layout(Component form, TaskContext task, HandOut handOut, Paragraph intro) {
        RadioButtonGroup<SheetLayout> layout = new RadioButtonGroup<>(form.getTranslation("sheets.layout"));
        layout.setId("hand-out-layout");
        layout.setItems(SheetLayout.values());
        layout.setItemLabelGenerator(value -> form.getTranslation("sheets.layout." + value.name()));
        layout.setValue(handOut.layout());
        layout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                task.act(() -> {
                    HandOut now = sheets.changeLayout(task.task().id(), e.getValue());
                    intro.setText(intro(form, now));
                    Notifications.success(form.getTranslation("hand-out.layout.changed",
                            form.getTranslation("sheets.layout." + now.layout().name())));
                });
            }
        });
        return layout;
    }

    private Anchor download(Component form, HandOut handOut, @Nullable Pile pile, String text) {
        String name = "fiches-campagne-%d-tour-%d%s.pdf".formatted(handOut.campaignId(), handOut.round(),
                pile == null || pile.name() == null ? "" : "-" + pile.name().replaceAll("[^A-Za-z0-9]+", "-"));
        DownloadHandler pdf = event -> {
            event.setFileName(name);
            event.setContentType("application/pdf");
            sheets.download(handOut.campaignId(), handOut.round(), pile, event.getOutputStream());
        };
        Anchor anchor = new Anchor(pdf, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    static String label(Component form, Pile pile) {
        return switch (pile.kind()) {
            case ALL -> form.getTranslation("hand-out.pile.ALL");
            case CLASS -> form.getTranslation("sheets.pile.CLASS", pile.name());
            case WITHOUT_CLASS -> form.getTranslation("sheets.pile.WITHOUT_CLASS");
            case PROFILE -> form.getTranslation("sheets.pile.PROFILE." + pile.name());
        };
    }
}
