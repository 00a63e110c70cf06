package fr.rentree.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.SystemMessagesProvider;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fr.rentree.base.i18n.Languages;
import org.springframework.stereotype.Component;

/**
 * What Vaadin itself says when the connection is lost or the session is gone, in the user's language from the
 * bundles: its own texts are English ("Cookies disabled", a wordless reconnection bar), and French users met them
 * on the first real day (issue 22, B11). An expired session says nothing here: it reloads to the sign-in page, which
 * says why.
 */
@Component
public class ConnectionTexts implements VaadinServiceInitListener, SystemMessagesProvider {

    private final I18NProvider messages;

    ConnectionTexts(I18NProvider messages) {
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(this);
        // the bar's texts travel with each page; a language chosen reloads the page, so a new UI reads them anew
        event.getSource().addUIInitListener(init -> {
            Locale locale = Languages.of(init.getUI().getSession());
            ReconnectDialogConfiguration bar = init.getUI().getReconnectDialogConfiguration();
            bar.setDialogText(text("connection.reconnecting", locale));
            bar.setDialogTextGaveUp(text("connection.gave-up", locale));
        });
    }

    /** Vaadin's messages for a request; the locale is the browser's until the session has one. */
    @Override
    public SystemMessages getSystemMessages(SystemMessagesInfo info) {
        Locale locale = Languages.supported().stream()
                .filter(supported -> info.getLocale() != null
                        && supported.getLanguage().equals(info.getLocale().getLanguage()))
                .findFirst().orElse(Locale.FRENCH);
        CustomizedSystemMessages texts = new CustomizedSystemMessages();
        // left off, as by default: an expired session reloads at once to the sign-in page, which says why; a
        // notification first held a signed-out user (ended by an administrator) on a dead page until they clicked it
        texts.setSessionExpiredNotificationEnabled(false);
        texts.setCookiesDisabledCaption(text("connection.cookies-disabled", locale));
        texts.setCookiesDisabledMessage(text("connection.cookies-disabled.message", locale));
        texts.setInternalErrorCaption(text("connection.internal-error", locale));
        texts.setInternalErrorMessage(text("connection.internal-error.message", locale));
        return texts;
    }

    private String text(String key, Locale locale) {
        return messages.getTranslation(key, locale);
    }
}
