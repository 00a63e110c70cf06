package fr.rentree.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.select.Select;
import fr.rentree.base.i18n.Languages;

/** The language of the pages, each named in itself ("français", "English"); choosing one redraws the page in it. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect(Languages languages) {
        setItems(Languages.supported());
        setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        setValue(getLocale());
        setAriaLabel(getTranslation("layout.language"));
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                languages.choose(getUI().orElseThrow(), e.getValue());
            }
        });
        setWidth("8em");
    }
}
