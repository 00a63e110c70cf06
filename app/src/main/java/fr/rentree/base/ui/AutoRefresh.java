package fr.rentree.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** A screen that asks the server again at an interval while it is shown: work in the background shows as it goes. */
public final class AutoRefresh {

    private AutoRefresh() {
    }

    public static void every(Component screen, int millis, Runnable refresh) {
        screen.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.setPollInterval(millis);
            Registration polling = ui.addPollListener(poll -> refresh.run());
            screen.addDetachListener(detach -> {
                polling.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }
}
