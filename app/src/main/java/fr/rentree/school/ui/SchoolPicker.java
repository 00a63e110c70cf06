package fr.rentree.school.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.BeforeEnterEvent;
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

    /**
     * Selects the school that the address's {@code ?uai=} names, when it is one of the user's: a link from another
     * screen opens that school. Returns the code asked when it is none of theirs (nothing selected then), for the
     * screen to say so rather than show another school; empty otherwise.
     */
    public Optional<String> selectAsked(BeforeEnterEvent event) {
        Optional<String> asked = event.getLocation().getQueryParameters().getSingleParameter("uai");
        asked.ifPresent(uai -> setValue(getListDataView().getItems().filter(school -> school.uai().equals(uai))
                .findFirst().orElse(null)));
        return asked.filter(uai -> getValue() == null);
    }
}
