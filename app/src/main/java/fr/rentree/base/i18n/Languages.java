package fr.rentree.base.i18n;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * French for everyone by default (directors' words), English on request; the choice lasts for the session. English is
 * British English: dates written day first ("07/12/2026"), as the families and staff of a French school read them,
 * not the United States' "12/7/26" that the bare language gives.
 */
@Component
public class Languages implements VaadinServiceInitListener {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.UK);
    private static final String CHOICE = Languages.class.getName() + ".choice";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(of(ui.getSession()));
            // the page's language for screen readers, hyphenation and the browser's translation offer: Vaadin writes
            // the first language's at the first load and leaves it so
            ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
        });
    }

    public static List<Locale> supported() {
        return SUPPORTED;
    }

    /** Switches the session to {@code locale} and redraws the page in it. */
    public void choose(UI ui, Locale locale) {
        ui.getSession().setAttribute(CHOICE, locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    /** The language the session chose, French until it chooses. */
    public static Locale of(VaadinSession session) {
        return session.getAttribute(CHOICE) instanceof Locale chosen ? chosen : Locale.FRENCH;
    }
}
