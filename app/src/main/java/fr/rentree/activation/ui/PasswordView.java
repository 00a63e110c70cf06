package fr.rentree.activation.ui;

import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rentree.activation.domain.Refusal;
import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.ActivationSettings;
import fr.rentree.activation.service.PasswordReset;
import fr.rentree.base.i18n.Languages;
import fr.rentree.base.ui.LanguageSelect;
import fr.rentree.directory.domain.Holder;

/**
 * "Mot de passe oublié" ({@code /mot-de-passe}): the holder names their login or address and a one-time link leaves
 * by e-mail; the link ({@code ?jeton=…}) opens this page again to choose a new password, with the same rules as the
 * activation. Also what the sheets of activated accounts point to ({@code ?identifiant=…}).
 */
@Route(value = "mot-de-passe", autoLayout = false)
@AnonymousAllowed
public class PasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordReset reset;
    private final AccountActivation activation;
    private final ActivationSettings settings;
    private final String address;
    private final Div page = new Div();
    private final Paragraph message = new Paragraph();

    PasswordView(PasswordReset reset, AccountActivation activation, ActivationSettings settings,
            Languages languages) {
        this.reset = reset;
        this.activation = activation;
        this.settings = settings;
        this.address = VaadinSession.getCurrent().getBrowser().getAddress();
        setAlignItems(FlexComponent.Alignment.CENTER);
        page.setWidthFull();
        page.setMaxWidth("30em");
        message.setId("reset-message");
        message.getElement().setAttribute("role", "status");
        LanguageSelect language = new LanguageSelect(languages);
        language.getStyle().set("align-self", "flex-end");
        add(language, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        Optional<String> token = parameters.getSingleParameter("jeton");
        if (token.isPresent()) {
            reset.holder(token.get()).ifPresentOrElse(holder -> showChoice(token.get(), holder), this::showGone);
        } else {
            showRequest(parameters.getSingleParameter("identifiant").orElse(""));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · " + getTranslation("app.name");
    }

    private void showRequest(String login) {
        TextField who = new TextField(getTranslation("reset.who"));
        who.setValue(login);
        who.setWidthFull();
        Button send = new Button(getTranslation("reset.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setWidthFull();
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> {
            if (who.getValue().isBlank()) {
                return;
            }
            Optional<Refusal> refused = reset.request(who.getValue(), address, getLocale());
            long minutes = settings.resetLinkValidity().toMinutes();
            message.setText(refused.isPresent() ? getTranslation("reset.refused")
                    : getTranslation("reset.sent", who.getValue().strip(), minutes));
        });
        page.removeAll();
        page.add(new H1(getTranslation("reset.title")), new Paragraph(getTranslation("reset.intro")), who, send,
                message);
    }

    private void showChoice(String token, Holder holder) {
        PasswordChoice password = new PasswordChoice(getTranslation("reset.choose"),
                typed -> activation.measure(holder, typed));
        Button save = new Button(getTranslation("reset.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setWidthFull();
        save.setEnabled(false);
        save.setDisableOnClick(true);
        password.addChangeListener(() -> save.setEnabled(password.accepted()));
        save.addClickListener(e -> {
            if (reset.reset(token, password.value())) {
                page.removeAll();
                Paragraph done = new Paragraph(getTranslation("reset.done", holder.login()));
                done.setId("reset-done");
                page.add(new H1(getTranslation("reset.done.title")), done);
            } else {
                showGone();
            }
        });
        page.removeAll();
        page.add(new H1(getTranslation("reset.title")),
                new Paragraph(getTranslation("activation.account", holder.login(), holder.firstName() + " "
                        + holder.lastName())), password, save);
    }

    private void showGone() {
        page.removeAll();
        Paragraph gone = new Paragraph(getTranslation("reset.gone"));
        gone.setId("reset-gone");
        page.add(new H1(getTranslation("reset.title")), gone,
                new Anchor("mot-de-passe", getTranslation("reset.again")));
    }
}
