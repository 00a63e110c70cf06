package fr.rentree.sheets.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.ui.AccountAction;
import fr.rentree.sheets.service.SheetService;
import org.springframework.stereotype.Component;

/**
 * "Imprimer sa fiche" on an account of the accounts list: the PDF of that one sheet, written when the director
 * downloads it (nothing waits on disk) and recorded like any print.
 */
@Component
class AccountSheetLink implements AccountAction {

    private final SheetService sheets;

    AccountSheetLink(SheetService sheets) {
        this.sheets = sheets;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> on(String schoolUai, AccountRow account, Runnable changed) {
        if (account.state() != AccountState.ACTIVE) {
            return Optional.empty();
        }
        Locale locale = UI.getCurrent().getLocale();
        DownloadHandler pdf = event -> {
            event.setFileName("fiche-" + account.login() + ".pdf");
            event.setContentType("application/pdf");
            sheets.printAccount(schoolUai, account.id(), locale, event.getOutputStream());
        };
        Anchor link = new Anchor(pdf, AttachmentType.DOWNLOAD, "");
        // an icon named by its tooltip, as "Modifier": with every action in words the column hid others (issue 22 B9)
        Button button = new Button(VaadinIcon.PRINT.create());
        button.setTooltipText(link.getTranslation("account.print-sheet"));
        button.setAriaLabel(link.getTranslation("account.print-sheet"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        link.add(button);
        link.addClassName("print-sheet");
        return Optional.of(link);
    }
}
