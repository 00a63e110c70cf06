package fr.rentree.activation.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
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
import fr.rentree.base.i18n.Languages;
import fr.rentree.base.ui.LanguageSelect;
import fr.rentree.directory.domain.Holder;
import fr.rentree.directory.domain.WrittenName;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import org.jspecify.annotations.Nullable;

/**
 * "Activer mon compte", the page the sheets' QR codes and the e-mails lead to ({@code /activation?identifiant=…}):
 * the login and the activation code, then a password chosen against rules shown as the holder types, an address to
 * confirm, the charter, and for a parent the children the account is for. Made for a phone first.
 */
@Route(value = "activation", autoLayout = false)
@AnonymousAllowed
public class ActivationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountActivation activation;
    private final ActivationSettings settings;
    private final SchoolService schools;
    private final String charter;
    private final String address;
    private final Div page = new Div();
    private final TextField login = new TextField();
    private final TextField code = new TextField();
    private final Paragraph refusal = new Paragraph();
    /** for a holder who scans the sheet again once activated: the code is void, the password is what they need */
    private final Anchor forgotten = new Anchor("mot-de-passe", "");

    ActivationView(AccountActivation activation, SchoolService schools, ActivationSettings settings,
            Languages languages) {
        this.activation = activation;
        this.schools = schools;
        this.settings = settings;
        this.charter = settings.charter().isBlank() ? getTranslation("activation.charter.text") : settings.charter();
        this.address = VaadinSession.getCurrent().getBrowser().getAddress();
        setAlignItems(FlexComponent.Alignment.CENTER);
        page.setWidthFull();
        page.setMaxWidth("30em");
        LanguageSelect language = new LanguageSelect(languages);
        language.getStyle().set("align-self", "flex-end");
        add(language, page);
        showCredentials();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("identifiant").ifPresent(typed -> {
            login.setValue(typed);
            code.focus();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activation.title") + " · " + getTranslation("app.name");
    }

    /** Step 1: the login and the code of the sheet or e-mail. */
    private void showCredentials() {
        login.setLabel(getTranslation("activation.login"));
        login.setWidthFull();
        login.setAutocomplete(Autocomplete.USERNAME);
        code.setLabel(getTranslation("activation.code"));
        code.setHelperText(getTranslation("activation.code.help"));
        code.setWidthFull();
        refusal.setId("activation-refusal");
        refusal.getElement().setAttribute("role", "alert");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        Button next = new Button(getTranslation("activation.next"), e -> checkCredentials());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setWidthFull();
        next.addClickShortcut(Key.ENTER);
        page.removeAll();
        forgotten.setText(getTranslation("activation.forgotten"));
        forgotten.setId("activation-forgotten");
        login.addValueChangeListener(e -> forgotten.setHref(forgottenLink(e.getValue())));
        page.add(new H1(getTranslation("activation.title")), new Paragraph(getTranslation("activation.intro")),
                login, code, refusal, next, new Paragraph(forgotten));
    }

    /** "Mot de passe oublié" with the login typed so far, as the sheets of activated accounts link it. */
    private static String forgottenLink(String typed) {
        return typed.isBlank() ? "mot-de-passe"
                : "mot-de-passe?identifiant=" + URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8);
    }

    /**
     * What happened, exactly: a wrong code after which the next attempt waits says how long; a wait says how long is
     * left; the code that locked the account says it is locked now, after how many.
     */
    private String refused(AccountActivation.Result<Holder> result) {
        Refusal why = Objects.requireNonNull(result.refusal());
        Duration wait = result.retryIn();
        return switch (why) {
            case WRONG -> wait == null ? getTranslation("activation.refused.WRONG")
                    : getTranslation("activation.refused.WRONG.wait", duration(wait));
            case THROTTLED -> getTranslation("activation.refused.THROTTLED",
                    duration(wait == null ? Duration.ofSeconds(1) : wait));
            case LOGIN_LOCKED -> getTranslation("activation.refused.LOGIN_LOCKED", settings.lockAfter());
            default -> getTranslation("activation.refused." + why);
        };
    }

    /** "30 secondes", "1 seconde", "2 minutes": rounded up, never less than what is left. */
    private String duration(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 120 ? getTranslation("activation.wait.seconds", seconds)
                : getTranslation("activation.wait.minutes", (seconds + 59) / 60);
    }

    private void checkCredentials() {
        AccountActivation.Result<Holder> checked = activation.check(login.getValue(), code.getValue(), address);
        if (checked.refusal() != null) {
            refusal.setText(refused(checked));
            return;
        }
        refusal.setText("");
        showPasswordChoice(checked.value());
    }

    /** Step 2: the password, an address, the charter; a parent's children. */
    private void showPasswordChoice(Holder holder) {
        School school = schools.find(holder.schoolUai()).orElseThrow();
        EmailField email = new EmailField(getTranslation("activation.email"));
        email.setHelperText(getTranslation("activation.email.help"));
        email.setWidthFull();
        if (holder.email() != null) {
            email.setValue(holder.email()); // the school's: the holder confirms or corrects it
        }
        Checkbox accepted = new Checkbox(getTranslation("activation.charter.accept"));
        Details charterText = new Details(getTranslation("activation.charter"), new Paragraph(charter));
        Map<Long, Checkbox> notMine = new HashMap<>();
        Button activate = new Button(getTranslation("activation.activate"));
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.setWidthFull();
        activate.setEnabled(false);
        activate.setDisableOnClick(true); // one activation, however many taps

        PasswordChoice password = new PasswordChoice(getTranslation("activation.password"),
                typed -> activation.measure(holder, typed));
        Runnable update = () -> activate.setEnabled(password.accepted() && accepted.getValue());
        password.addChangeListener(update);
        accepted.addValueChangeListener(e -> update.run());

        activate.addClickListener(e -> {
            if (email.isInvalid()) {
                refusal.setText(getTranslation("activation.email.invalid"));
                activate.setEnabled(true);
                return;
            }
            Set<Long> reported = notMine.entrySet().stream().filter(entry -> entry.getValue().getValue())
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            AccountActivation.Result<Holder> done = activation.activate(login.getValue(), code.getValue(),
                    password.value(), email.getValue(), accepted.getValue(), reported, address);
            if (done.refusal() != null) {
                refusal.setText(refused(done));
                activate.setEnabled(true);
                return;
            }
            showActivated(holder, school, holder.children().stream().filter(child -> reported.contains(child.id()))
                    .map(child -> WrittenName.of(child.firstName(), child.lastName())).toList());
        });

        page.removeAll();
        page.add(new H1(getTranslation("activation.title")),
                new H2(getTranslation("activation.hello", holder.firstName())),
                new Paragraph(getTranslation("activation.account", holder.login(), school.name())));
        if (!holder.children().isEmpty()) {
            page.add(new Paragraph(getTranslation("activation.children")));
            for (Holder.Child child : holder.children()) {
                Checkbox box = new Checkbox(getTranslation("activation.not-guardian",
                        WrittenName.of(child.firstName(), child.lastName())));
                notMine.put(child.id(), box);
                page.add(new Div(box));
            }
        }
        page.add(password, email, charterText, accepted, refusal, activate);
    }

    /** Step 3: done, the children reported as not theirs acknowledged, and where to sign in now. */
    private void showActivated(Holder holder, School school, List<String> reported) {
        page.removeAll();
        Paragraph done = new Paragraph(getTranslation("activation.done", holder.login()));
        done.setId("activation-done");
        page.add(new H1(getTranslation("activation.done.title")), done);
        if (!reported.isEmpty()) {
            page.add(new Paragraph(getTranslation("activation.reported", String.join(", ", reported))));
        }
        @Nullable String ent = school.entUrl();
        if (ent != null) {
            page.add(new Anchor(ent, getTranslation("activation.ent", ent)));
        }
    }
}
