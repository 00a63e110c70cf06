package fr.rentree.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rentree.base.QrCode;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.service.PendingSignIn;
import fr.rentree.security.service.SecondFactorService;
import fr.rentree.security.service.SignInRefused;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.security.service.WrongSecondFactorCode;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The second step of the back-office sign-in, outside any menu. A user without a second factor enrols one: a QR code
 * for their authenticator app (and the secret in groups of four, to type instead), then the app's first code, which
 * alone saves the secret. The secret stays the same across reloads until then; "Recommencer" makes a new one, and
 * says so. A user who has one types the app's current code. Only a session whose password was right
 * reaches this page ({@link PendingSignIn}), and it reaches no other until the code is accepted.
 */
@Route(value = "connexion/code", autoLayout = false)
@RolesAllowed(PendingSignIn.ROLE)
public class SecondFactorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** For an attempt whose request tells no address (none in practice): counted under one shared name. */
    private static final String NO_ADDRESS = "unknown";

    private final SecondFactorService secondFactor;
    private final SecondFactorSignIn signIn;
    private final AuthenticationContext authentication;
    private final TextField code = new TextField();
    private final @Nullable PendingSignIn pending;
    /** The secret being enrolled; null when the user has one already. */
    private @Nullable SecondFactorEnrolment enrolment;

    SecondFactorView(SecondFactorService secondFactor, SecondFactorSignIn signIn,
            AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        this.signIn = signIn;
        this.authentication = authentication;
        this.pending = SecondFactorSignIn.pending().orElse(null);
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        if (pending == null) {
            return; // signed in already, or not at all: beforeEnter sends them on
        }
        VerticalLayout panel = new VerticalLayout();
        panel.setMaxWidth("34em");
        panel.setPadding(false);
        // centred while the page is taller than the panel; a smaller screen scrolls from its top (a centring flex
        // would cut the top off)
        panel.getStyle().set("margin-block", "auto");
        panel.add(new H1(getTranslation("app.name")), new H2(getTranslation("second-factor.title")));

        code.setId("totp-code");
        code.setLabel(getTranslation("second-factor.code"));
        code.setAllowedCharPattern("[0-9 ]");
        code.setMaxLength(7);
        code.setWidth("20em"); // wide enough for the refusal to read on two lines
        code.setManualValidation(true); // this page says what is wrong, after the server's answer
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        Button submit = new Button(getTranslation("second-factor.submit"), e -> submit());
        submit.setId("totp-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("second-factor.cancel"), e -> authentication.logout());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        if (secondFactor.enrolled(pending.username())) {
            panel.add(new Paragraph(getTranslation("second-factor.verify.intro")));
        } else {
            enrolment = secondFactor.pendingEnrolment(pending.username());
            Image qr = new Image(QrCode.dataUri(enrolment.uri()), getTranslation("second-factor.enrol.qr"));
            qr.setId("totp-qr");
            qr.setWidth("12em");
            qr.setHeight("12em");
            Span secret = new Span(enrolment.groupedSecret());
            secret.setId("totp-secret");
            secret.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                    .set("font-size", "var(--lumo-font-size-l)");
            VerticalLayout manual = new VerticalLayout(new Paragraph(getTranslation("second-factor.enrol.manual")),
                    secret);
            manual.setPadding(false);
            manual.setWidth("16em");
            HorizontalLayout scan = new HorizontalLayout(qr, manual);
            scan.setAlignItems(FlexComponent.Alignment.CENTER);
            scan.setWrap(true); // a phone shows the key under the QR code
            // the same secret at every showing until the app's first code is accepted; a new one only on purpose
            Paragraph kept = new Paragraph(getTranslation("second-factor.enrol.kept"));
            kept.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Paragraph restarted = new Paragraph(getTranslation("second-factor.enrol.restarted"));
            restarted.getElement().setAttribute("role", "status");
            restarted.setVisible(false);
            Button restart = new Button(getTranslation("second-factor.enrol.restart"), e -> {
                enrolment = secondFactor.restartEnrolment(pending.username());
                qr.setSrc(QrCode.dataUri(enrolment.uri()));
                secret.setText(enrolment.groupedSecret());
                restarted.setVisible(true);
                code.clear();
            });
            restart.setId("totp-restart");
            restart.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            panel.add(new Paragraph(getTranslation("second-factor.enrol.intro")),
                    new Paragraph(getTranslation("second-factor.enrol.scan")), scan, kept, restart, restarted,
                    new Paragraph(getTranslation("second-factor.enrol.code")));
        }
        HorizontalLayout actions = new HorizontalLayout(submit, cancel);
        panel.add(code, actions, new Paragraph(getTranslation("second-factor.lost")));
        add(panel);
    }

    private void submit() {
        if (pending == null) {
            return;
        }
        String typed = code.getValue().replace(" ", "");
        if (!typed.matches("\\d{6}")) {
            refuse("second-factor.format");
            return;
        }
        String address = address();
        try {
            SignedInUser user = enrolment != null
                    ? secondFactor.enrol(pending.username(), enrolment.secret(), typed, address)
                    : secondFactor.verify(pending.username(), typed, address);
            signIn.complete(pending, user);
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (SignInRefused e) {
            refuse("login.locked.message");
        } catch (WrongSecondFactorCode e) {
            refuse("second-factor.wrong");
        } catch (AccountStatusException | UsernameNotFoundException e) {
            authentication.logout(); // disabled or removed since the password: back to the login page
        }
    }

    private void refuse(String message) {
        code.clear();
        code.setErrorMessage(getTranslation(message));
        code.setInvalid(true);
        code.focus();
    }

    private String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? NO_ADDRESS : address;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (pending == null) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.title") + " · " + getTranslation("app.name");
    }
}
