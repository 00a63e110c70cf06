package fr.rentree.tasks.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import fr.rentree.base.Refusal;
import fr.rentree.base.ui.GridHeight;
import fr.rentree.base.ui.Notifications;
import fr.rentree.process.domain.WaitingTask;
import fr.rentree.process.service.InboxService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * "Mes tâches": the steps the processes wait for from the signed-in user, oldest first, read lazily from the engine's
 * task query (a page at a time, with its count).
 */
@Route("taches")
@Menu(title = "nav.tasks", order = 0, icon = "vaadin:tasks")
@RolesAllowed("DIRECTOR")
public class MyTasksView extends VerticalLayout implements HasDynamicTitle, BeforeLeaveObserver {

    private final InboxService inbox;
    private final Map<String, TaskForm> forms;
    private final Map<String, String> schoolNames;
    private final Grid<WaitingTask> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    private Registration polling;
    /** The task's dialog while it is open. */
    private @Nullable TaskDialog openTask;

    MyTasksView(InboxService inbox, SchoolService schools, CurrentUser currentUser, List<TaskForm> forms) {
        this.inbox = inbox;
        this.forms = forms.stream().collect(Collectors.toMap(TaskForm::formKey, Function.identity()));
        this.schoolNames = schools.findAll(currentUser.require().schoolUais()).stream()
                .collect(Collectors.toMap(School::uai, School::name));
        DateTimeFormatter created = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());

        grid.addColumn(task -> getTranslation("task." + task.formKey())).setHeader(getTranslation("tasks.column.task"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::school).setHeader(getTranslation("tasks.column.school")).setFlexGrow(2);
        grid.addColumn(task -> created.format(task.createdAt())).setHeader(getTranslation("tasks.column.created"));
        grid.addComponentColumn(task -> {
            Button open = new Button(getTranslation("tasks.open"), e -> open(task));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> inbox.inbox(query.getOffset(), query.getLimit()).stream(), query -> inbox.inboxSize());

        Button refresh = new Button(getTranslation("tasks.refresh"), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("nav.tasks")), count, refresh, grid);
    }

    /** The school, and under it the district whose campaign this is, when a district launched it. */
    private Component school(WaitingTask task) {
        Div school = new Div(new Span(task.schoolUai() == null ? ""
                : schoolNames.getOrDefault(task.schoolUai(), task.schoolUai())));
        if (task.district() != null) {
            Span by = new Span(getTranslation("tasks.launched-by", task.district()));
            by.addClassName("task-launched-by");
            by.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            school.add(by);
        }
        school.getStyle().set("display", "flex").set("flex-direction", "column");
        return school;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        // tasks arrive from the processes at any time: look again every few seconds while the inbox is open
        event.getUI().setPollInterval(5000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        polling.remove();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        int size = inbox.inboxSize();
        GridHeight.fit(grid, size);
        count.setText(size == 0 ? getTranslation("tasks.empty") : getTranslation("tasks.count", size));
    }

    private void open(WaitingTask task) {
        TaskForm form = forms.get(task.formKey());
        if (form == null) {
            Notifications.error(getTranslation("tasks.no-form", task.formKey()));
            return;
        }
        TaskDialog dialog = new TaskDialog(task, form);
        try {
            dialog.add(form.create(dialog));
        } catch (Refusal e) { // handled in another tab since the list was read
            Notifications.error(getTranslation(e.messageKey()));
            refresh();
            return;
        }
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()));
        dialog.open();
    }

    /** A task's form in its dialog, and what the form may do with it. */
    private final class TaskDialog extends Dialog implements TaskContext {

        /** How often an open dialog checks that its task still waits (handled in another tab, or gone). */
        private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

        private final WaitingTask task;

        TaskDialog(WaitingTask task, TaskForm form) {
            super(MyTasksView.this.getTranslation("task." + task.formKey()));
            this.task = task;
            setWidth("min(" + form.width() + ", 95vw)");
            addOpenedChangeListener(changed -> {
                if (changed.isOpened()) {
                    openTask = this;
                } else if (openTask == this) {
                    openTask = null;
                }
            });
            // the screen's poll is ignored while a modal dialog makes the page inert: the dialog looks for itself
            getElement().addEventListener("task-check", check -> closeIfHandled());
            getElement().executeJs("""
                    const dialog = this;
                    const timer = setInterval(() => dialog.opened && dialog.isConnected
                        ? dialog.dispatchEvent(new CustomEvent('task-check')) : clearInterval(timer), $0);""",
                    (int) CHECK_EVERY.toMillis()); // Flow encodes an int, not a long
        }

        @Override
        public WaitingTask task() {
            return task;
        }

        @Override
        public void submit(Runnable completion) {
            complete(completion, false);
        }

        @Override
        public void submitAndOpenNext(Runnable completion) {
            complete(completion, true);
        }

        @Override
        public void act(Runnable action) {
            try {
                action.run();
            } catch (Refusal e) {
                Notifications.error(getTranslation(e.messageKey()));
                if (!inbox.isWaiting(task.id())) { // done in another tab, or gone: nothing left to do here
                    close();
                    refresh();
                }
            }
        }

        /** Handled in another tab, by a colleague, or gone with its campaign: says so and closes, before any click. */
        void closeIfHandled() {
            try {
                inbox.task(task.id());
            } catch (Refusal e) {
                Notifications.error(getTranslation(e.messageKey()));
                close();
                refresh();
            }
        }

        @Override
        public void actions(Component... buttons) {
            getFooter().add(buttons);
        }

        private void complete(Runnable completion, boolean openNext) {
            try {
                completion.run();
            } catch (Refusal e) { // done already, gone, not theirs, or the feature's own reason
                Notifications.error(getTranslation(e.messageKey()));
                close();
                refresh();
                return;
            }
            close();
            refresh();
            Optional<WaitingTask> next = openNext ? inbox.next(task.processInstanceId()) : Optional.empty();
            next.ifPresentOrElse(MyTasksView.this::open, () -> Notifications.success(
                    getTranslation("tasks.completed", getTranslation("task." + task.formKey()))));
        }
    }

    /** A dialog belongs to the UI, not to the screen: the browser's Back left it open over the page gone back to. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (openTask != null) {
            openTask.close();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tasks") + " · " + getTranslation("app.name");
    }
}
