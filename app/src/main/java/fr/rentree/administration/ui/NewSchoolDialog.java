package fr.rentree.administration.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rentree.base.FieldsRefused;
import fr.rentree.base.ui.Notifications;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import org.jspecify.annotations.Nullable;

/**
 * "Nouvel établissement": a school the national directory does not have yet, created by hand. The UAI's check letter
 * is verified as it is typed, and again by the service with the other fields.
 */
class NewSchoolDialog extends Dialog {

    private final TextField uai = new TextField();
    private final TextField name = new TextField();
    private final Select<SchoolKind> kind = new Select<>();
    private final ComboBox<String> district = new ComboBox<>();
    private final TextField commune = new TextField();
    private final EmailField contactEmail = new EmailField();
    private final TextField entUrl = new TextField();

    NewSchoolDialog(SchoolService schools, Consumer<School> created) {
        setHeaderTitle(getTranslation("schools.new"));
        uai.setLabel(getTranslation("schools.uai"));
        uai.setId("new-school-uai");
        uai.setHelperText(getTranslation("schools.uai.help"));
        uai.addValueChangeListener(e -> {
            boolean valid = Uai.isValid(e.getValue().strip().toUpperCase(getLocale()));
            uai.setInvalid(!e.getValue().isBlank() && !valid);
            uai.setErrorMessage(getTranslation("schools.error.uai"));
        });
        name.setLabel(getTranslation("schools.name"));
        name.setId("new-school-name");
        kind.setLabel(getTranslation("schools.kind"));
        kind.setItems(SchoolKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("school.kind." + value));
        kind.setValue(SchoolKind.ECOLE);
        district.setLabel(getTranslation("schools.district"));
        district.setItems(schools.districts());
        district.setAllowCustomValue(true);
        district.addCustomValueSetListener(e -> district.setValue(e.getDetail()));
        commune.setLabel(getTranslation("schools.commune"));
        contactEmail.setLabel(getTranslation("schools.email"));
        entUrl.setLabel(getTranslation("settings.ent-url"));
        FormLayout form = new FormLayout(uai, name, kind, district, commune, contactEmail, entUrl);
        add(form);

        Button save = new Button(getTranslation("schools.create"), e -> {
            String code = uai.getValue().strip().toUpperCase(getLocale());
            if (!Uai.isValid(code)) {
                uai.setInvalid(true);
                return;
            }
            try {
                School school = schools.create(new School(code, name.getValue().strip(), kind.getValue(),
                        blankToNull(district.getValue()), blankToNull(commune.getValue()),
                        blankToNull(contactEmail.getValue()), blankToNull(entUrl.getValue())));
                Notifications.success(getTranslation("schools.created", school.name(), school.uai()));
                created.accept(school);
                close();
            } catch (FieldsRefused refused) {
                show(refused.problems());
            }
        });
        save.setId("new-school-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void show(Map<String, String> problems) {
        Map<String, HasValidation> fields = Map.of("uai", uai, "name", name, "contactEmail", contactEmail,
                "entUrl", entUrl);
        problems.forEach((field, key) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
            }
        });
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
