package fr.rentree.security.ui;

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
import fr.rentree.security.service.SignInRefused;
import org.springframework.security.web.WebAttributes;

/**
 * The back-office sign-in page (Spring Security form login posts to {@code /login}). A refusal says "wrong username or
 * password", or, once too many attempts failed, to wait or ask the administrator: never whether the username exists.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        H1 title = new H1(getTranslation("app.name"));
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        add(title, tagline, form);
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(locked ? "login.locked.title" : "login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(locked ? "login.locked.message" : "login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean refused = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setError(refused);
        // Spring Security keeps the refusal in the session when it redirects to ?error: a guarded one gets its own text
        // (the texts are set here, before the form is drawn, not in the constructor)
        boolean locked = refused && VaadinSession.getCurrent().getSession()
                .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInRefused;
        form.setI18n(i18n(locked));
        Object username = refused ? VaadinSession.getCurrent().getSession().getAttribute(RememberedUsername.ATTRIBUTE)
                : null;
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
