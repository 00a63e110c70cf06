package fr.rentree.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rentree.security.SessionLifetime;
import fr.rentree.security.service.OidcSettings;
import fr.rentree.security.service.OidcSignInRefused;
import fr.rentree.security.service.SignInRefused;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * The back-office sign-in page (Spring Security form login posts to {@code /login}). A refusal says "wrong username or
 * password", or, once too many attempts failed, to wait or ask the administrator: never whether the username exists.
 * When an académie's provider is configured, a button under the form signs in through it; its refusals come back here
 * and say why (the provider already told who the user is).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView(OidcSettings oidc) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        H1 title = new H1(getTranslation("app.name"));
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        add(title, tagline, form);
        if (oidc.enabled()) {
            String label = oidc.buttonLabel() != null && !oidc.buttonLabel().isBlank() ? oidc.buttonLabel()
                    : getTranslation("login.oidc.button");
            Button academie = new Button(label,
                    // a full page load: Spring Security sends the browser on to the provider from there
                    click -> UI.getCurrent().getPage().setLocation(oidc.authorizationPath()));
            academie.setId("oidc-sign-in");
            academie.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            Paragraph or = new Paragraph(getTranslation("login.oidc.or"));
            or.getStyle().set("margin", "0 0 var(--lumo-space-s)").set("color", "var(--lumo-secondary-text-color)");
            // right under the form (which keeps a padding of its own below), its label whole: an operator may make it
            // long
            Div alternative = new Div(or, academie);
            alternative.getStyle().set("margin-top", "calc(-1 * var(--lumo-space-l))").set("text-align", "center");
            add(alternative);
        }
    }

    /** The texts of the form, its error box saying why the last attempt was refused. */
    private LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(errorTitle));
        i18n.getErrorMessage().setMessage(getTranslation(errorMessage));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean refused = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // a session ended for lack of activity, or after its lifetime: said once, in the error box, on this page
        Object ended = refused ? null : VaadinSession.getCurrent().getSession().getAttribute(SessionLifetime.ENDED);
        if (ended != null) {
            VaadinSession.getCurrent().getSession().removeAttribute(SessionLifetime.ENDED);
            form.setI18n(i18n("login.ended.title", "login.ended." + ended));
            form.setError(true);
            return;
        }
        form.setError(refused);
        // Spring Security keeps the refusal in the session when it redirects to ?error: a guarded one, and the
        // académie's provider's, get their own texts (set here, before the form is drawn, not in the constructor)
        Object refusal = refused ? VaadinSession.getCurrent().getSession()
                .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
        form.setI18n(switch (refusal) {
            case SignInRefused locked -> i18n("login.locked.title", "login.locked.message");
            case OidcSignInRefused oidc -> i18n("login.oidc.refused.title", "login.oidc.refused." + oidc.reason());
            case OAuth2AuthenticationException failed -> i18n("login.oidc.failed.title", "login.oidc.failed.message");
            case null, default -> i18n("login.error.title", "login.error.message");
        });
        // the username of the last form attempt; none after the provider's refusal, nothing was typed
        Object username = refused && !(refusal instanceof OAuth2AuthenticationException)
                ? VaadinSession.getCurrent().getSession().getAttribute(RememberedUsername.ATTRIBUTE) : null;
        if (username != null) {
            // the form's fields live in its light DOM once drawn: fill the username there, the password stays empty
            form.getElement().executeJs("""
                    requestAnimationFrame(() => {
                        const field = this.querySelector('vaadin-text-field[name="username"]');
                        if (field) { field.value = $0; }
                    });""", username.toString());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
