package fr.rentree.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Where signing in leads: each role to the screen it starts its day on. A director to "Mes tâches", what the
 * campaigns wait for; district staff, who are given no task, to their district campaign's dashboard (or their
 * campaigns, when none runs); an administrator to "Établissements".
 */
@Route("")
@PermitAll
public class Home extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;

    Home(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(authentication.hasRole("DISTRICT_STAFF") ? "circonscription/accueil"
                : authentication.hasRole("ADMIN") ? "admin/etablissements" : "taches");
    }
}
