package fr.rentree.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Anything a view did not handle reaches the user as a plain French sentence, and the log gets the details.
 * Expected problems (engine down, task already done...) are handled by the views with their own words.
 */
@Component
class ErrorNotifier implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            LOG.error("Unexpected error in the user interface", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notifications.error(ui.getTranslation("error.unexpected")));
            }
        }));
    }
}
