package fr.rentree.administration.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.SchoolScope;
import fr.rentree.security.domain.UserDraft;
import org.jspecify.annotations.Nullable;

/**
 * "Nouvel utilisateur" / "Modifier": a back-office user's name, address, role and what they reach: a director's
 * schools, district staff's district (and schools besides), nothing for an administrator. The username is chosen
 * once. No password: the new user chooses theirs from the invitation.
 */
class UserDialog extends Dialog {

    /** What the dialog saves: the user's id (none for a new one) and what was filled in. */
    record Saved(@Nullable Long id, UserDraft draft) {
    }

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final Select<Role> role = new Select<>();
    private final ComboBox<String> district = new ComboBox<>();
    private final MultiSelectComboBox<School> schools = new MultiSelect<>();

    /** @param save saves, and returns the problems to show on the fields (none: the dialog closes) */
    UserDialog(SchoolService schoolService, @Nullable BackOfficeUser user, Function<Saved, Map<String, String>> save) {
        setHeaderTitle(getTranslation(user == null ? "users.new" : "users.edit.title"));
        setWidth("40em");
        username.setLabel(getTranslation("users.username"));
        username.setId("user-username");
        username.setHelperText(getTranslation("users.username.help"));
        displayName.setLabel(getTranslation("users.name"));
        displayName.setId("user-name");
        email.setLabel(getTranslation("users.email"));
        email.setId("user-email");
        email.setHelperText(getTranslation("users.email.help"));
        role.setLabel(getTranslation("users.role"));
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(value -> getTranslation("users.role." + value));
        role.addValueChangeListener(e -> showScope());
        district.setLabel(getTranslation("users.district"));
        district.setId("user-district");
        district.setItems(schoolService.districts());
        district.setHelperText(getTranslation("users.district.help"));
        district.setClearButtonVisible(true);
        List<School> all = schoolService.all();
        schools.setLabel(getTranslation("users.schools"));
        schools.setId("user-schools");
        schools.setItems(all);
        schools.setItemLabelGenerator(school -> school.name() + " (" + school.uai() + ")");
        schools.setWidthFull();

        if (user == null) {
            role.setValue(Role.DIRECTOR);
        } else {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            email.setValue(user.email() == null ? "" : user.email());
            role.setValue(user.role());
            district.setValue(user.district());
            Set<String> uais = user.schools().stream().map(SchoolScope::schoolUai).collect(Collectors.toSet());
            schools.setValue(all.stream().filter(school -> uais.contains(school.uai())).collect(Collectors.toSet()));
        }
        FormLayout form = new FormLayout(username, displayName, email, role, district, schools);
        form.setColspan(schools, 2);
        add(form);
        showScope();

        Button ok = new Button(getTranslation(user == null ? "users.create" : "users.save"), e -> {
            UserDraft draft = new UserDraft(username.getValue(), displayName.getValue(), email.getValue(),
                    role.getValue(), district.getValue(),
                    schools.getValue().stream().map(School::uai).collect(Collectors.toSet()));
            Map<String, String> problems = save.apply(new Saved(user == null ? null : user.id(), draft));
            if (problems.isEmpty()) {
                close();
            } else {
                show(problems);
            }
        });
        ok.setId("user-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }

    private void showScope() {
        district.setVisible(role.getValue() == Role.DISTRICT_STAFF);
        schools.setVisible(role.getValue() != Role.ADMIN);
        schools.setHelperText(getTranslation(role.getValue() == Role.DISTRICT_STAFF ? "users.schools.besides"
                : "users.schools.help"));
    }

    private void show(Map<String, String> problems) {
        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "email", email,
                "schools", schools);
        fields.values().forEach(field -> field.setInvalid(false));
        problems.forEach((field, key) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
            }
        });
    }
}
