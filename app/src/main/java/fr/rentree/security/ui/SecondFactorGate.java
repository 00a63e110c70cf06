package fr.rentree.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Sends a session whose second factor is awaited to the code page, whatever address it asks for: typed in the address
 * bar, followed from a bookmark, or the one Spring Security saved before the login page. Vaadin's own access check
 * would let it into the views every signed-in user may open, and show "page not found" for the others; this check runs
 * on every navigation, the error pages' included, so the code page is where such a session always lands.
 */
@Component
class SecondFactorGate implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (SecondFactorSignIn.pending().isPresent() && event.getNavigationTarget() != SecondFactorView.class) {
            event.forwardTo(SecondFactorView.class);
        }
    }
}
