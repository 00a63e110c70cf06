package fr.rentree.administration.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rentree.administration.service.Invitations;
import fr.rentree.base.FieldsRefused;
import fr.rentree.base.ui.Confirmation;
import fr.rentree.base.ui.Notifications;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.SchoolScope;
import fr.rentree.security.service.BackOfficeUsers;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Utilisateurs" (administrators): the back-office users, with their role, schools or district and state (invited,
 * active, disabled). A new user is invited by e-mail to choose their own password; an invitation can be sent again;
 * disabling a user ends their sessions at their next click.
 */
@Route("admin/utilisateurs")
@Menu(title = "nav.admin.users", order = 11, icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final BackOfficeUsers users;
    private final Invitations invitations;
    private final SchoolService schools;
    private final ZoneId zone;
    private final Grid<BackOfficeUser> list = new Grid<>();

    UsersView(BackOfficeUsers users, Invitations invitations, SchoolService schools, Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.schools = schools;
        this.zone = clock.getZone();
        Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(),
                e -> new UserDialog(schools, null, this::save).open());
        create.setId("user-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph(getTranslation("users.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        configureList();
        add(new H2(getTranslation("nav.admin.users")), intro, create, list);
        refresh();
    }

    private void configureList() {
        Map<String, String> schoolNames = schools.all().stream()
                .collect(Collectors.toMap(School::uai, school -> school.name() + " (" + school.uai() + ")"));
        Function<BackOfficeUser, String> scope = user -> {
            String named = user.schools().stream().map(SchoolScope::schoolUai)
                    .map(uai -> schoolNames.getOrDefault(uai, uai)).sorted().collect(Collectors.joining(", "));
            return user.district() == null ? named
                    : getTranslation("users.district-of", user.district()) + (named.isEmpty() ? "" : ", " + named);
        };
        list.setId("users");
        list.addComponentColumn(user -> {
            Span who = new Span(user.displayName());
            Span how = new Span(user.username() + (user.email() == null ? "" : " · " + user.email()));
            how.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            VerticalLayout cell = new VerticalLayout(who, how);
            cell.setPadding(false);
            cell.setSpacing(false);
            return cell;
        }).setHeader(getTranslation("users.name")).setFlexGrow(1);
        list.addColumn(user -> getTranslation("users.role." + user.role())).setHeader(getTranslation("users.role"))
                .setAutoWidth(true).setFlexGrow(0);
        list.addColumn(scope::apply).setHeader(getTranslation("users.scope")).setFlexGrow(1);
        list.addColumn(user -> getTranslation(!user.enabled() ? "users.state.disabled"
                : user.passwordHash() == null ? "users.state.invited" : "users.state.active"))
                .setHeader(getTranslation("users.state")).setWidth("9em").setFlexGrow(0);
        list.addComponentColumn(this::actions).setWidth("16em").setFlexGrow(0);
        list.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        list.setWidthFull();
        list.setHeight("36em");
    }

    private HorizontalLayout actions(BackOfficeUser user) {
        Button edit = new Button(getTranslation("users.edit"), e -> new UserDialog(schools, user, this::save).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button invite = new Button(getTranslation("users.invite"), e -> invite(user));
        invite.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        invite.setVisible(user.enabled() && user.email() != null);
        invite.setDisableOnClick(true);
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                e -> confirmToggle(user));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button resetFactor = new Button(getTranslation("users.reset-factor"), e -> Confirmation.ask(
                getTranslation("users.reset-factor.title", user.displayName()),
                getTranslation("users.reset-factor.text", user.displayName()), getTranslation("users.reset-factor"),
                getTranslation("action.cancel"), true, () -> {
                    users.resetSecondFactor(user.id());
                    Notifications.success(getTranslation("users.reset-factor.done", user.displayName()));
                }));
        resetFactor.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        resetFactor.setVisible(user.enabled() && user.passwordHash() != null);
        HorizontalLayout actions = new HorizontalLayout(edit, invite, toggle, resetFactor);
        actions.setSpacing(false);
        actions.setWrap(true);
        actions.setWidth("15em");
        return actions;
    }

    /** Saves the dialog's user; a new one is invited at once. Returns the problems to show on its fields. */
    private Map<String, String> save(UserDialog.Saved saved) {
        try {
            if (saved.id() == null) {
                BackOfficeUser created = users.create(saved.draft());
                refresh();
                invite(created);
            } else {
                users.update(saved.id(), saved.draft());
                Notifications.success(getTranslation("users.saved", saved.draft().displayName()));
                refresh();
            }
            return Map.of();
        } catch (FieldsRefused refused) {
            return refused.problems();
        }
    }

    private void invite(BackOfficeUser user) {
        try {
            var until = invitations.send(user.id(), getLocale());
            Notifications.success(getTranslation("users.invited", user.displayName(), user.email(),
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(getLocale()).withZone(zone).format(until)));
        } catch (Invitations.InvitationRefused refused) {
            Notifications.error(getTranslation(refused.messageKey(), user.displayName()));
        }
        refresh();
    }

    private void confirmToggle(BackOfficeUser user) {
        if (user.enabled()) {
            Confirmation.ask(getTranslation("users.disable.title", user.displayName()),
                    getTranslation("users.disable.text", user.displayName()), getTranslation("users.disable"),
                    getTranslation("action.cancel"), true, () -> toggle(user));
        } else {
            toggle(user);
        }
    }


    private void toggle(BackOfficeUser user) {
        try {
            users.setEnabled(user.id(), !user.enabled());
            Notifications.success(getTranslation(user.enabled() ? "users.disabled" : "users.enabled",
                    user.displayName()));
        } catch (FieldsRefused refused) {
            Notifications.error(getTranslation(refused.messageKey()));
        }
        refresh();
    }

    private void refresh() {
        list.setItems(users.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.users") + " · " + getTranslation("app.name");
    }
}
