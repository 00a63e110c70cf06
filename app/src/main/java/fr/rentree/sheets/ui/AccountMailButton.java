package fr.rentree.sheets.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.ui.AccountAction;
import fr.rentree.sheets.service.AccountMail;
import org.springframework.mail.MailException;

/**
 * "Envoyer par courriel" on an account not yet activated that has an address: after a confirmation, the holder
 * receives what the sheet says (login, code, the activation page), as a campaign's e-mail.
 */
@org.springframework.stereotype.Component
class AccountMailButton implements AccountAction {

    private final AccountMail mail;

    AccountMailButton(AccountMail mail) {
        this.mail = mail;
    }

    @Override
    public Optional<Component> on(String schoolUai, AccountRow account, Runnable changed) {
        if (account.state() != AccountState.ACTIVE || account.activatedAt() != null || account.email() == null) {
            return Optional.empty();
        }
        Button button = new Button(VaadinIcon.ENVELOPE_O.create());
        // an icon named by its tooltip, as "Modifier": with every action in words the column hid others (issue 22 B9)
        button.setTooltipText(button.getTranslation("account.mail-sheet"));
        button.setAriaLabel(button.getTranslation("account.mail-sheet"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.addClassName("mail-sheet");
        button.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog(button.getTranslation("account.mail-sheet"),
                    button.getTranslation("account.mail-sheet.confirm", account.login(), account.email()),
                    button.getTranslation("account.mail-sheet.send"), ok -> {
                        try {
                            String to = mail.send(schoolUai, account.id());
                            Notifications.success(button.getTranslation("account.mail-sheet.sent", to));
                        } catch (MailException e) {
                            Notifications.error(button.getTranslation("account.mail-sheet.down"));
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(button.getTranslation("action.cancel"));
            confirm.open();
        });
        return Optional.of(button);
    }
}
