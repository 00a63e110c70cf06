package fr.rentree.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;

/**
 * A multi-select combo box whose screen-reader announcements are in the user's language: Vaadin's own are English
 * whatever the page's ("Adam added to selection 1 items selected" read out on a French page).
 */
public class MultiSelect<T> extends MultiSelectComboBox<T> {

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        // {count} is the component's own placeholder, filled in the browser
        setI18n(new MultiSelectComboBoxI18n()
                .setSelected(getTranslation("multi-select.selected"))
                .setDeselected(getTranslation("multi-select.deselected"))
                .setCleared(getTranslation("multi-select.cleared"))
                .setFocused(getTranslation("multi-select.focused"))
                .setTotal(getTranslation("multi-select.total")));
    }
}
