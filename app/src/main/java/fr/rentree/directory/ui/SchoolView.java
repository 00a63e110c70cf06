package fr.rentree.directory.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.ui.GridHeight;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.GuardianReport;
import fr.rentree.directory.domain.Origin;
import fr.rentree.directory.domain.OriginFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.GuardianReports;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.service.SchoolAccounts;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.school.ui.SchoolPicker;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Mon établissement", for a director: the school at a glance, and its accounts, searchable; imported accounts in
 * green, manual ones in red, as directors know them. An account not yet activated can get a new activation code (a
 * lost sheet). District staff follow schools on a page of counts only ({@link FollowedSchoolView}).
 */
@Route("etablissement")
@Menu(title = "nav.school", order = 2, icon = "vaadin:academy-cap")
@RolesAllowed("DIRECTOR")
public class SchoolView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final DirectoryService directory;
    private final RecipientService recipients;
    private final SchoolPicker school;
    private final SchoolOverview overview;
    private final Paragraph unknownSchool = new Paragraph();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<Profile> profiles = new MultiSelect<>();
    private final MultiSelectComboBox<String> classes = new MultiSelect<>();
    private final Select<ActivationFilter> activation = new Select<>();
    private final Select<OriginFilter> origin = new Select<>();
    private final Select<StateFilter> state = new Select<>();
    private final Span found = new Span();
    private final Grid<AccountRow> accounts = new Grid<>();
    private final DateTimeFormatter dates;
    private final Clock clock;
    private final List<AccountAction> actions;
    private final GuardianReports reports;
    private final SchoolAccounts schoolAccounts;
    private final Div reported = new Div();
    private final Button newTeacher = new Button();
    private final Button newUser = new Button();
    private final Span cannotCreate = new Span();

    SchoolView(DirectoryService directory, RecipientService recipients, StatisticsService statistics,
               SchoolService schools, SchoolAccounts schoolAccounts,
               GuardianReports reports, List<AccountAction> actions, AuthenticationContext authentication,
               Clock clock) {
        this.directory = directory;
        this.schoolAccounts = schoolAccounts;
        this.recipients = recipients;
        this.reports = reports;
        this.actions = actions;
        this.clock = clock;
        overview = new SchoolOverview(statistics);
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        List<School> mySchools = schools.findAll(user.schoolUais());
        dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        school = new SchoolPicker(getTranslation("import.school"), mySchools);
        school.addValueChangeListener(e -> show());
        unknownSchool.setId("unknown-school");
        unknownSchool.setVisible(false);
        unknownSchool.getStyle().set("color", "var(--lumo-error-text-color)");

        search.setId("account-search");
        search.setPlaceholder(getTranslation("school.search"));
        search.setAriaLabel(getTranslation("school.search"));
        search.setClearButtonVisible(true);
        search.setWidth("22em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        profiles.setPlaceholder(getTranslation("account.profile"));
        profiles.setAriaLabel(getTranslation("account.profile"));
        profiles.setItems(Profile.values());
        profiles.setItemLabelGenerator(profile -> getTranslation("profile." + profile));
        profiles.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        classes.setPlaceholder(getTranslation("account.classes"));
        classes.setAriaLabel(getTranslation("account.classes"));
        classes.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        activation.setItems(ActivationFilter.ALL, ActivationFilter.NOT_ACTIVATED, ActivationFilter.ACTIVATED);
        activation.setItemLabelGenerator(choice -> getTranslation("school.activation." + choice));
        activation.setAriaLabel(getTranslation("account.state"));
        activation.setValue(ActivationFilter.ALL);
        activation.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        origin.setItems(OriginFilter.values());
        origin.setItemLabelGenerator(choice -> getTranslation("school.origin." + choice));
        origin.setAriaLabel(getTranslation("school.origin"));
        origin.setValue(OriginFilter.ALL);
        origin.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        state.setItems(StateFilter.values());
        state.setItemLabelGenerator(choice -> getTranslation("school.state." + choice));
        state.setAriaLabel(getTranslation("account.state"));
        state.setValue(StateFilter.IN_USE);
        state.setMinWidth("13em");
        state.addValueChangeListener(e -> accounts.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(search, profiles, classes, activation, origin, state);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        found.setId("accounts-found");
        configureAccounts();

        reported.setId("guardian-reports");
        add(new H2(getTranslation("nav.school")), school, unknownSchool, reported, overview,
                new H3(getTranslation("school.accounts")), creation(), filters, legend(), found, accounts);
        setWidthFull();
    }

    /** {@code ?uai=} opens one of the director's schools; another code says so rather than show another school. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> unknown = school.selectAsked(event);
        unknown.ifPresent(uai -> unknownSchool.setText(getTranslation("school.unknown", uai)));
        unknownSchool.setVisible(unknown.isPresent());
        show();
    }

    private void show() {
        School current = school.getValue();
        overview.setVisible(current != null);
        unknownSchool.setVisible(unknownSchool.isVisible() && current == null);
        if (current != null) {
            overview.show(current, SchoolYear.of(LocalDate.now(clock)));
        }
        showReports();
        boolean mayCreate = current != null && schoolAccounts.mayCreate(current.uai());
        newTeacher.setEnabled(mayCreate);
        newUser.setEnabled(mayCreate);
        cannotCreate.setVisible(current != null && !mayCreate);
        classes.setItems(current == null ? List.of() : recipients.classes(current.uai()));
        accounts.getDataProvider().refreshAll();
    }

    /** The parents' reports of pupils who are not theirs, while some wait: on top, for the director to look into. */
    private void showReports() {
        reported.removeAll();
        School current = school.getValue();
        List<GuardianReport> open = current == null ? List.of() : reports.open(current.uai());
        reported.setVisible(!open.isEmpty());
        if (open.isEmpty()) {
            return;
        }
        Grid<GuardianReport> grid = new Grid<>();
        grid.addColumn(report -> report.parentName() + " (" + report.parentLogin() + ")")
                .setHeader(getTranslation("reports.parent")).setAutoWidth(true);
        grid.addColumn(GuardianReport::childName).setHeader(getTranslation("reports.child")).setAutoWidth(true);
        grid.addColumn(report -> dates.format(report.reportedAt())).setHeader(getTranslation("reports.when"))
                .setAutoWidth(true);
        grid.addComponentColumn(report -> {
            Button handled = new Button(getTranslation("reports.handled"), e -> {
                reports.handle(current.uai(), report.id());
                showReports();
                overview.show(current, SchoolYear.of(LocalDate.now(clock)));
                accounts.getDataProvider().refreshAll();
            });
            handled.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return handled;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(open);
        GridHeight.fit(grid, open.size());
        reported.add(new H3(getTranslation("reports.title", open.size())),
                new Paragraph(getTranslation("reports.intro")), grid);
    }

    /**
     * Every column as wide as what it holds, on one line (rows of one height): a login is what a director reads out
     * to a parent. The state comes right after the name and profile, in sight on a laptop; when the page is narrow
     * the table scrolls sideways, the name staying in sight. The actions are not frozen at the end: frozen, they
     * covered Classe, Courriel, État and Date at 1366 px.
     */
    private void configureAccounts() {
        accounts.setId("accounts");
        accounts.addColumn(row -> row.lastName() + " " + row.firstName()).setHeader(getTranslation("account.name"))
                .setAutoWidth(true).setFlexGrow(1).setFrozen(true);
        accounts.addComponentColumn(this::profileBadge).setHeader(getTranslation("account.profile"))
                .setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(this::state).setHeader(getTranslation("account.state")).setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(AccountRow::login).setHeader(getTranslation("account.login")).setAutoWidth(true)
                .setFlexGrow(0).setClassNameGenerator(row -> "login");
        accounts.addColumn(row -> row.classes() == null ? "" : row.classes()).setHeader(getTranslation("account.classes"))
                .setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(row -> row.email() == null ? "" : row.email()).setHeader(getTranslation("account.email"))
                .setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(row -> dates.format(row.createdAt())).setHeader(getTranslation("account.created"))
                .setAutoWidth(true).setFlexGrow(0);
        accounts.addComponentColumn(this::accountActions).setHeader(getTranslation("account.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        accounts.setItems(new CallbackDataProvider<AccountRow, Void>(
                query -> directory.accounts(query(), query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = school.getValue() == null ? 0 : directory.count(query());
                    found.setText(count == 0 ? getTranslation("school.accounts.none")
                            : getTranslation("school.accounts.count", count));
                    return count;
                }));
        accounts.setHeight("32em");
    }

    private Component accountActions(AccountRow row) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if (row.state() == AccountState.DELETED) {
            Button restore = smallButton("account.restore", VaadinIcon.ARROW_BACKWARD, "restore-account",
                    () -> confirm("account.restore", getTranslation("account.restore.confirm", row.login()),
                            () -> move(row, schoolAccounts.restore(school.getValue().uai(), row.id()),
                                    "account.restore.done")));
            restore.setText(getTranslation("account.restore")); // the one thing to do with a deleted account
            restore.removeThemeVariants(ButtonVariant.LUMO_ICON);
            buttons.add(restore);
            return buttons;
        }
        buttons.add(smallButton("account.edit", VaadinIcon.EDIT, "edit-account", () -> edit(row)));
        if (row.state() == AccountState.ACTIVE && row.activatedAt() == null) {
            buttons.add(newCodeButton(row));
        }
        buttons.add(otherActions(row));
        if (row.state() == AccountState.ACTIVE && row.origin() == Origin.MANUAL) {
            Button delete = smallButton("account.delete", VaadinIcon.TRASH, "delete-account",
                    () -> confirm("account.delete", getTranslation("account.delete.confirm",
                            row.firstName() + " " + row.lastName(), row.login()), () -> move(row,
                            schoolAccounts.delete(school.getValue().uai(), row.id()), "account.delete.done")));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(delete);
        }
        return buttons;
    }

    /** A small button of the actions column: an icon, its name in the tooltip and for screen readers. */
    private Button smallButton(String key, VaadinIcon icon, String className, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setTooltipText(getTranslation(key));
        button.setAriaLabel(getTranslation(key));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.addClassName(className);
        return button;
    }

    private void confirm(String key, String text, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation(key), text, getTranslation(key), ok -> action.run());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private Component[] otherActions(AccountRow row) {
        return actions.stream().flatMap(action -> action.on(school.getValue().uai(), row,
                        () -> accounts.getDataProvider().refreshAll()).stream())
                .toArray(Component[]::new);
    }

    /** "Nouvel enseignant" and "Nouvel utilisateur", or why they are not available yet (seed 004). */
    private Component creation() {
        newTeacher.setText(getTranslation("account.new-teacher"));
        newTeacher.setIcon(VaadinIcon.PLUS.create());
        newTeacher.setId("new-teacher");
        newTeacher.addClickListener(e -> create(true));
        newUser.setText(getTranslation("account.new-user"));
        newUser.setIcon(VaadinIcon.PLUS.create());
        newUser.setId("new-user");
        newUser.addClickListener(e -> create(false));
        cannotCreate.setText(getTranslation("account.new.unavailable"));
        cannotCreate.setId("cannot-create");
        cannotCreate.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout bar = new HorizontalLayout(newTeacher, newUser, cannotCreate);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void create(boolean teacher) {
        String uai = school.getValue().uai();
        new AccountCreator(schoolAccounts, uai, teacher, recipients.classes(uai), LocalDate.now(clock), done -> {
            accounts.getDataProvider().refreshAll();
            directory.account(uai, done.id()).ifPresent(row ->
                    showCode(getTranslation("account.new.done", done.login()), row, done.code()));
        }).open();
    }

    private void edit(AccountRow row) {
        String uai = school.getValue().uai();
        new AccountEditor(schoolAccounts, schoolAccounts.details(uai, row.id()), recipients.classes(uai),
                () -> accounts.getDataProvider().refreshAll()).open();
    }

    /** Deletes or restores an account, and shows the list and the statistics as they now are. */
    private void move(AccountRow row, boolean moved, String doneKey) {
        if (moved) {
            Notifications.success(getTranslation(doneKey, row.login()));
        }
        accounts.getDataProvider().refreshAll();
        overview.show(school.getValue(), SchoolYear.of(LocalDate.now(clock)));
    }

    /** For an account not yet activated: a new activation code, the previous one void (a lost sheet). */
    private Component newCodeButton(AccountRow row) {
        Button button = new Button(getTranslation("account.new-code"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(e -> confirm("account.new-code",
                getTranslation("account.new-code.confirm", row.firstName() + " " + row.lastName(), row.login()),
                () -> showNewCode(row)));
        return button;
    }

    private void showNewCode(AccountRow row) {
        directory.regenerateActivationCode(row.id()).ifPresentOrElse(
                code -> showCode(getTranslation("account.new-code.done", row.login()), row, code),
                () -> Notifications.error(getTranslation("account.new-code.activated", row.login())));
        accounts.getDataProvider().refreshAll();
    }

    /** An account's new code, large, with what hands it out: its sheet, an e-mail. */
    private void showCode(String header, AccountRow row, ActivationCode code) {
        Span shown = new Span(code.value());
        shown.setId("new-activation-code");
        shown.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .setFontSize("var(--lumo-font-size-xxl)").set("letter-spacing", "0.15em");
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.add(new VerticalLayout(shown, new HorizontalLayout(otherActions(row))));
        dialog.setConfirmText(getTranslation("action.close"));
        dialog.open();
    }

    private AccountQuery query() {
        return new AccountQuery(school.getValue() == null ? "" : school.getValue().uai(), search.getValue(),
                profiles.getValue(), classes.getValue(), activation.getValue(), origin.getValue(),
                state.getValue());
    }

    /** What the badges' colours say, as seed 004 explains them. */
    private Span legend() {
        Span imported = new Span(getTranslation("account.origin.imported"));
        imported.getElement().getThemeList().add("badge success");
        Span manual = new Span(getTranslation("account.origin.MANUAL"));
        manual.getElement().getThemeList().add("badge error");
        Span legend = new Span(new Span(getTranslation("school.legend") + " "), imported, new Span(" "), manual,
                new Span(" " + getTranslation("school.legend.leavers")));
        legend.setId("origin-legend");
        return legend;
    }

    /** The profile in green when imported (SIECLE, STS-web), in red when created by hand, as in seed 004. */
    private Span profileBadge(AccountRow row) {
        Span badge = new Span(getTranslation("profile." + row.profile()));
        badge.getElement().getThemeList().add(row.origin() == Origin.MANUAL ? "badge error" : "badge success");
        badge.getElement().setAttribute("title", getTranslation("account.origin." + row.origin()));
        return badge;
    }

    private String state(AccountRow row) {
        return row.reported() ? stateOf(row) + " · " + getTranslation("account.state.REPORTED") : stateOf(row);
    }

    private String stateOf(AccountRow row) {
        if (row.state() != AccountState.ACTIVE) {
            return getTranslation("account.state." + row.state());
        }
        if (row.locked()) {
            return getTranslation("account.state.LOCKED");
        }
        return getTranslation(row.activatedAt() == null ? "account.state.NOT_ACTIVATED" : "account.state.ACTIVATED");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.school") + " · " + getTranslation("app.name");
    }
}
