package fr.rentree.devservices.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fr.rentree.devservices.DevMailbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds the dev-only screens when the dev services that feed them run, and only then. */
@Component
class DevRoutes implements VaadinServiceInitListener {

    private final ObjectProvider<DevMailbox> mailbox;

    DevRoutes(ObjectProvider<DevMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (mailbox.getIfAvailable() != null) {
            RouteConfiguration.forApplicationScope().setAnnotatedRoute(SentMailsView.class);
        }
    }
}
