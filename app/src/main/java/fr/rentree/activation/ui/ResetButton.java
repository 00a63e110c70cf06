package fr.rentree.activation.ui;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.rentree.activation.service.ActivationSettings;
import fr.rentree.activation.service.PasswordReset;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.ui.AccountAction;

/**
 * "Réinitialiser le mot de passe" on an activated account of the accounts list (seed 004): after a confirmation, the
 * holder receives a link to choose a new password. When it is not possible (no address, no school address) the
 * button says why rather than hide.
 */
@org.springframework.stereotype.Component
class ResetButton implements AccountAction {

    private final PasswordReset reset;
    private final ActivationSettings settings;
    private final Clock clock;

    ResetButton(PasswordReset reset, ActivationSettings settings, Clock clock) {
        this.reset = reset;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Component> on(String schoolUai, AccountRow account, Runnable changed) {
        if (account.state() != AccountState.ACTIVE || account.activatedAt() == null) {
            return Optional.empty();
        }
        Button button = new Button(VaadinIcon.KEY.create());
        button.setText(button.getTranslation("account.reset"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClassName("reset-password");
        button.addClickListener(click -> {
            if (account.email() == null) {
                Notifications.error(button.getTranslation("account.reset.NO_EMAIL", account.login()));
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(button.getTranslation("account.reset"),
                    button.getTranslation("account.reset.confirm", account.login(), account.email(),
                            settings.resetLinkValidity().toMinutes()),
                    button.getTranslation("account.reset.send"), ok -> send(button, schoolUai, account));
            confirm.setCancelable(true);
            confirm.setCancelText(button.getTranslation("action.cancel"));
            confirm.open();
        });
        return Optional.of(button);
    }

    private void send(Button button, String schoolUai, AccountRow account) {
        try {
            String to = reset.sendFor(schoolUai, account.login(), UI.getCurrent().getLocale());
            Notifications.success(button.getTranslation("account.reset.sent", to,
                    LocalTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm"))));
        } catch (PasswordReset.ResetRefused refused) {
            Notifications.error(button.getTranslation("account.reset." + refused.reason(), account.login()));
        }
    }
}
