package fr.rentree.activation.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.rentree.activation.service.LoginLocks;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.ui.AccountAction;

/** "Débloquer" on an account of the accounts list whose login too many wrong codes locked. */
@org.springframework.stereotype.Component
class UnlockButton implements AccountAction {

    private final LoginLocks locks;

    UnlockButton(LoginLocks locks) {
        this.locks = locks;
    }

    @Override
    public Optional<Component> on(String schoolUai, AccountRow account, Runnable changed) {
        if (!account.locked()) {
            return Optional.empty();
        }
        Button unlock = new Button(VaadinIcon.UNLOCK.create());
        unlock.setText(unlock.getTranslation("account.unlock"));
        unlock.setTooltipText(unlock.getTranslation("account.unlock.help"));
        unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        unlock.addClassName("unlock");
        unlock.addClickListener(e -> {
            locks.unlock(schoolUai, account.login());
            Notifications.success(unlock.getTranslation("account.unlock.done", account.login()));
            changed.run(); // its state said "Bloqué" until the list was read again
        });
        return Optional.of(unlock);
    }
}
