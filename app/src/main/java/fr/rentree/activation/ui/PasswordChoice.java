package fr.rentree.activation.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.rentree.activation.domain.PasswordCheck;

/**
 * A password typed twice, with the rules it must pass shown and ticked as the holder types (read out to screen
 * readers as they change). The activation page and the lost-password page choose passwords with it.
 */
public class PasswordChoice extends Div {

    private final PasswordField password;
    private final PasswordField again;
    private final Function<String, PasswordCheck> rules;
    private final ListItem length = new ListItem();
    private final ListItem varied = new ListItem();
    private final ListItem guess = new ListItem();
    private final ListItem same = new ListItem();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean accepted;

    /** @param rules how a password measures up for the account */
    public PasswordChoice(String label, Function<String, PasswordCheck> rules) {
        this.rules = rules;
        password = new PasswordField(label);
        again = new PasswordField(getTranslation("activation.password.again"));
        for (PasswordField field : new PasswordField[] {password, again}) {
            field.setWidthFull();
            field.setValueChangeMode(ValueChangeMode.EAGER);
            field.addValueChangeListener(e -> {
                update();
                listeners.forEach(Runnable::run);
            });
        }
        UnorderedList list = new UnorderedList(length, varied, guess, same);
        list.setId("password-rules");
        list.getElement().setAttribute("aria-live", "polite");
        add(password, list, again);
        update();
    }

    /** Told each time a character is typed in either field. */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Whether the password passes every rule and was typed the same twice. */
    public boolean accepted() {
        return accepted;
    }

    public String value() {
        return password.getValue();
    }

    private void update() {
        PasswordCheck check = rules.apply(password.getValue());
        boolean typedTwice = !again.isEmpty() && again.getValue().equals(password.getValue());
        show(length, "activation.rule.length", check.longEnough());
        show(varied, "activation.rule.varied", check.varied());
        show(guess, "activation.rule.guess", check.hardToGuess());
        show(same, "activation.rule.same", typedTwice);
        accepted = check.accepted() && typedTwice;
    }

    private void show(ListItem rule, String key, boolean met) {
        rule.setText((met ? "✓ " : "✗ ") + getTranslation(key));
        rule.getStyle().set("color", met ? "var(--lumo-success-text-color)" : "var(--lumo-secondary-text-color)");
    }
}
