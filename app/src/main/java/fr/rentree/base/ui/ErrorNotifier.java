package fr.rentree.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fr.rentree.base.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Anything a view did not handle reaches the user as a plain French sentence: a service's {@link Refusal} in its
 * own words (a task done already, a campaign ended), anything else as "une erreur inattendue" with the details in
 * the log.
 */
@Component
class ErrorNotifier implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Refusal refusal = refusal(error.getThrowable());
            if (refusal == null) {
                LOG.error("Unexpected error in the user interface", error.getThrowable());
            } else {
                LOG.info("Refused: {}", refusal.getMessage());
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notifications.error(ui.getTranslation(refusal == null ? "error.unexpected"
                        : refusal.messageKey())));
            }
        }));
    }

    /** The refusal a service gave, however deep the framework wrapped it. */
    static @Nullable Refusal refusal(@Nullable Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
