package fr.rentree.school.ui;

import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import fr.rentree.school.domain.School;

/** The school a screen works on, among the user's: named with its UAI, the first one chosen. */
public class SchoolPicker extends ComboBox<School> {

    public SchoolPicker(String label, List<School> schools) {
        super(label, schools);
        setItemLabelGenerator(school -> school.name() + " (" + school.uai() + ")");
        setWidth("26em");
        setAllowCustomValue(false);
        if (!schools.isEmpty()) {
            setValue(schools.getFirst());
        }
    }
}
