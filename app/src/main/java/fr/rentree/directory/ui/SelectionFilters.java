package fr.rentree.directory.ui;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import fr.rentree.base.ui.DatePickers;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;

/**
 * The filters of step 1 of a publipostage (seeds 001 and 002), the same on "Fiches de connexion" and in a campaign:
 * profiles, classes, activation, e-mail, local administrators, creation dates, pré-suppression.
 */
public class SelectionFilters extends Composite<VerticalLayout> {

    private final CheckboxGroup<Profile> profiles = new CheckboxGroup<>();
    private final MultiSelectComboBox<String> classes = new MultiSelect<>();
    private final RadioButtonGroup<ActivationFilter> activation = new RadioButtonGroup<>();
    private final Select<EmailFilter> email = new Select<>();
    private final Select<LocalAdminFilter> localAdmins = new Select<>();
    private final DatePicker createdSince = new DatePicker();
    private final DatePicker createdBefore = new DatePicker();
    private final Checkbox withPreDeletion = new Checkbox();

    public SelectionFilters() {
        profiles.setLabel(getTranslation("selection.profiles"));
        profiles.setItems(Profile.values());
        profiles.setItemLabelGenerator(p -> getTranslation("profile." + p));
        profiles.setHelperText(getTranslation("selection.profiles.help"));
        classes.setLabel(getTranslation("selection.classes"));
        classes.setPlaceholder(getTranslation("selection.classes.all"));
        classes.setWidthFull();
        activation.setLabel(getTranslation("selection.activation"));
        activation.setItems(Arrays.asList(ActivationFilter.values()));
        activation.setItemLabelGenerator(a -> getTranslation("activation." + a));
        email.setLabel(getTranslation("selection.email"));
        email.setItems(EmailFilter.values());
        email.setItemLabelGenerator(e -> getTranslation("selection.email." + e));
        localAdmins.setLabel(getTranslation("selection.local-admins"));
        localAdmins.setItems(LocalAdminFilter.values());
        localAdmins.setItemLabelGenerator(a -> getTranslation("selection.local-admins." + a));
        DatePickers.localized(createdSince);
        DatePickers.localized(createdBefore);
        createdSince.setLabel(getTranslation("selection.created-since"));
        createdBefore.setLabel(getTranslation("selection.created-before"));
        createdSince.setClearButtonVisible(true);
        createdBefore.setClearButtonVisible(true);
        withPreDeletion.setLabel(getTranslation("selection.with-pre-deletion"));
        email.setWidth("15em");
        localAdmins.setWidth("15em");
        createdSince.setWidth("15em");
        createdBefore.setWidth("15em");

        HorizontalLayout reach = new HorizontalLayout(email, localAdmins);
        HorizontalLayout created = new HorizontalLayout(createdSince, createdBefore);
        reach.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(profiles, classes, activation, reach, created, withPreDeletion);
        setValue(RecipientSelection.defaults(""));
    }

    /** The classes the director can choose from, in school order. */
    public void setClasses(List<String> codes) {
        classes.setItems(codes);
    }

    public void setValue(RecipientSelection selection) {
        profiles.setValue(selection.profiles());
        classes.setValue(selection.classes());
        activation.setValue(selection.activation());
        email.setValue(selection.email());
        localAdmins.setValue(selection.localAdmins());
        createdSince.setValue(selection.createdSince());
        createdBefore.setValue(selection.createdBefore());
        withPreDeletion.setValue(selection.withPreDeletion());
    }

    /** The filters as chosen, for this school's accounts. */
    public RecipientSelection value(String schoolUai) {
        LocalDate since = createdSince.getValue();
        LocalDate before = createdBefore.getValue();
        return new RecipientSelection(schoolUai, profiles.getValue(), classes.getValue(), activation.getValue(),
                email.getValue(), localAdmins.getValue(), since, before, withPreDeletion.getValue());
    }

    /** Called whenever a filter changes. */
    public void addChangeListener(Runnable listener) {
        profiles.addValueChangeListener(e -> listener.run());
        classes.addValueChangeListener(e -> listener.run());
        activation.addValueChangeListener(e -> listener.run());
        email.addValueChangeListener(e -> listener.run());
        localAdmins.addValueChangeListener(e -> listener.run());
        createdSince.addValueChangeListener(e -> listener.run());
        createdBefore.addValueChangeListener(e -> listener.run());
        withPreDeletion.addValueChangeListener(e -> listener.run());
    }
}
