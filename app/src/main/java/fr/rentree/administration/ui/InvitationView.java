package fr.rentree.administration.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rentree.activation.ui.PasswordChoice;
import fr.rentree.administration.service.InvitationLinks;
import fr.rentree.administration.service.InvitationLinks.Invited;
import fr.rentree.base.i18n.Languages;
import fr.rentree.base.ui.LanguageSelect;

/**
 * Where an invitation's link leads ({@code /invitation?jeton=…}): the new back-office user chooses their password,
 * with the rules ticked as they type, then signs in. A used, voided or expired link says so and whom to ask.
 */
@Route(value = "invitation", autoLayout = false)
@AnonymousAllowed
public class InvitationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InvitationLinks invitations;
    private final Div page = new Div();

    InvitationView(InvitationLinks invitations, Languages languages) {
        this.invitations = invitations;
        setAlignItems(FlexComponent.Alignment.CENTER);
        page.setWidthFull();
        page.setMaxWidth("30em");
        LanguageSelect language = new LanguageSelect(languages);
        language.getStyle().set("align-self", "flex-end");
        add(language, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> token = event.getLocation().getQueryParameters().getSingleParameter("jeton");
        token.flatMap(invitations::invited).ifPresentOrElse(invited -> showChoice(token.get(), invited),
                this::showGone);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.title") + " · " + getTranslation("app.name");
    }

    private void showChoice(String token, Invited invited) {
        PasswordChoice password = new PasswordChoice(getTranslation("invitation.choose"),
                typed -> invitations.measure(invited, typed));
        Button save = new Button(getTranslation("invitation.save"));
        save.setId("invitation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setWidthFull();
        save.setEnabled(false);
        save.setDisableOnClick(true); // a double click sets the password once; the second finds the link used
        password.addChangeListener(() -> save.setEnabled(password.accepted()));
        save.addClickListener(e -> {
            if (invitations.accept(token, password.value())) {
                page.removeAll();
                Paragraph done = new Paragraph(getTranslation("invitation.done", invited.username()));
                done.setId("invitation-done");
                page.add(new H1(getTranslation("invitation.done.title")), done,
                        new Anchor("login", getTranslation("invitation.sign-in")));
            } else {
                showGone();
            }
        });
        page.removeAll();
        page.add(new H1(getTranslation("invitation.title")),
                new Paragraph(getTranslation("invitation.welcome", invited.displayName(), invited.username())),
                password, save);
    }

    private void showGone() {
        page.removeAll();
        Paragraph gone = new Paragraph(getTranslation("invitation.gone"));
        gone.setId("invitation-gone");
        page.add(new H1(getTranslation("invitation.title")), gone);
    }
}
