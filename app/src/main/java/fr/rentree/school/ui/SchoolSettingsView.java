package fr.rentree.school.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.EmailAddress;
import fr.rentree.base.i18n.Institution;
import fr.rentree.base.ui.Notifications;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.service.SchoolService;
import fr.rentree.base.FieldsRefused;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.SignedInUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Paramètres de l'établissement", for a director: the name, contact e-mail and ENT address of one of their schools,
 * checked field by field as typed and again by {@link SchoolService#updateSettings} when saved. What comes from the
 * national directory (UAI, kind, district) is shown, not edited.
 */
@Route("parametres")
@Menu(title = "nav.settings", order = 2.5, icon = "vaadin:cog") // right after "Mon établissement" (2)
@RolesAllowed({"DIRECTOR", "ADMIN"})
public class SchoolSettingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final SchoolService schools;
    private final SignedInUser user;
    private final SchoolPicker school;
    private final Paragraph unknownSchool = new Paragraph();
    private final TextField uai = readOnly("settings.uai");
    private final TextField kind = readOnly("settings.kind");
    private final TextField district = readOnly("settings.district");
    private final TextField name = new TextField();
    private final TextField contactEmail = new TextField();
    private final TextField entUrl = new TextField();
    private final Binder<SchoolSettings> binder = new Binder<>(SchoolSettings.class);
    private final Button save = new Button();
    private final FormLayout form;

    SchoolSettingsView(SchoolService schools, AuthenticationContext authentication) {
        this.schools = schools;
        user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        List<School> mySchools = mySchools();
        school = new SchoolPicker(getTranslation("import.school"), mySchools);
        school.setVisible(mySchools.size() > 1); // one school: the UAI below says which
        school.addValueChangeListener(e -> show());
        unknownSchool.setId("unknown-school");
        unknownSchool.setVisible(false);
        unknownSchool.getStyle().set("color", "var(--lumo-error-text-color)");

        editable(name, "settings.name", SchoolSettings.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        editable(contactEmail, "settings.contact-email", EmailAddress.MAX_LENGTH);
        contactEmail.getElement().setAttribute("autocomplete", "email");
        editable(entUrl, "settings.ent-url", SchoolSettings.URL_MAX);
        entUrl.setPlaceholder("https://");
        binder.forField(name).withValidator(check(SchoolSettings::nameProblem)).bind("name");
        binder.forField(contactEmail).withNullRepresentation("")
                .withValidator(check(SchoolSettings::contactEmailProblem)).bind("contactEmail");
        binder.forField(entUrl).withNullRepresentation("")
                .withValidator(check(SchoolSettings::entUrlProblem)).bind("entUrl");

        save.setText(getTranslation("settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true); // one save per click, however fast the double click
        save.addClickListener(e -> save());

        form = new FormLayout(uai, kind, district, name, contactEmail, entUrl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(name, 3);
        form.setColspan(contactEmail, 3);
        form.setColspan(entUrl, 3);
        form.setMaxWidth("52em");
        form.setId("school-settings");
        add(new H2(getTranslation("nav.settings")), school, unknownSchool, form, save);
    }

    /** {@code ?uai=} opens one of the director's schools (as "Mon établissement"); another code says so. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (user.role() == Role.ADMIN) { // any school, the one "Établissements" links to
            Optional<String> asked = event.getLocation().getQueryParameters().getSingleParameter("uai");
            school.setItems(asked.flatMap(schools::find).stream().toList());
            unknownSchool.setText(getTranslation("settings.admin.choose"));
            unknownSchool.setVisible(asked.isEmpty());
        }
        Optional<String> unknown = school.selectAsked(event);
        unknown.ifPresent(uai -> unknownSchool.setText(getTranslation("school.unknown", uai)));
        unknownSchool.setVisible(unknown.isPresent());
        school.setVisible(school.isVisible() || unknown.isPresent()); // to choose one of theirs
        show();
    }

    /** A director's schools; an administrator's school is the one the address names. */
    private List<School> mySchools() {
        return user.role() == Role.ADMIN ? List.of() : schools.findAll(user.schoolUais());
    }

    private void show() {
        School current = school.getValue();
        form.setVisible(current != null);
        save.setVisible(current != null);
        unknownSchool.setVisible(unknownSchool.isVisible() && current == null);
        if (current == null) {
            return;
        }
        uai.setValue(current.uai());
        kind.setValue(getTranslation("school.kind." + current.kind()));
        district.setValue(current.district() == null ? "" : current.district());
        binder.readRecord(current.settings());
    }

    private void save() {
        School current = school.getValue();
        try {
            School saved = schools.updateSettings(current.uai(), binder.writeRecord());
            school.setItems(user.role() == Role.ADMIN ? List.of(saved) : mySchools()); // its name as saved
            school.setValue(saved);
            Notifications.success(getTranslation("settings.saved", new Institution(saved.name()))); // "du collège …"
        } catch (ValidationException e) {
            // each wrong field already says what is wrong, in red under it
        } catch (FieldsRefused refused) { // the service's rules, should the screen's ever let something through
            refused.problems().forEach((property, key) -> binder.getBinding(property).ifPresent(binding -> {
                HasValidation field = (HasValidation) binding.getField();
                field.setErrorMessage(getTranslation(key));
                field.setInvalid(true);
            }));
        } finally {
            save.setEnabled(true);
        }
    }

    private <T> Validator<T> check(Function<T, Optional<String>> problem) {
        return (value, context) -> problem.apply(value).map(key -> ValidationResult.error(getTranslation(key)))
                .orElse(ValidationResult.ok());
    }

    private void editable(TextField field, String key, int maxLength) {
        field.setId(key.replace('.', '-'));
        field.setLabel(getTranslation(key));
        field.setHelperText(getTranslation(key + ".help"));
        field.setMaxLength(maxLength);
        field.setWidthFull();
    }

    private TextField readOnly(String key) {
        TextField field = new TextField(getTranslation(key));
        field.setId(key.replace('.', '-'));
        field.setReadOnly(true);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.settings") + " · " + getTranslation("app.name");
    }
}
