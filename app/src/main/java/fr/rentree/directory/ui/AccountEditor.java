package fr.rentree.directory.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.base.ui.Notifications;
import fr.rentree.directory.domain.AccountDetails;
import fr.rentree.directory.domain.AccountEdit;
import fr.rentree.directory.service.SchoolAccounts;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * "Modifier" an account (seed 004, "Edition de"): its address, classes, head-teacher classes, "ID ENT" and local
 * administrator flag. On an imported account the fields the next import rewrites say so.
 */
class AccountEditor extends Dialog {

    private final TextField email = new TextField();
    private final MultiSelectComboBox<String> classes = new MultiSelect<>();
    private final MultiSelectComboBox<String> headOf = new MultiSelect<>();
    private final TextField entId = new TextField();
    private final Checkbox localAdmin = new Checkbox();
    private final Binder<AccountEdit> binder = new Binder<>(AccountEdit.class);

    AccountEditor(SchoolAccounts accounts, AccountDetails account, List<String> schoolClasses, Runnable saved) {
        setHeaderTitle(getTranslation("account.edit.title", account.firstName() + " " + account.lastName(),
                account.login()));
        setId("account-editor");
        email.setLabel(getTranslation("account.email"));
        email.setWidthFull();
        classes.setLabel(getTranslation(account.mayHeadClasses() ? "account.edit.teaches" : "account.classes"));
        classes.setItems(schoolClasses);
        classes.setVisible(account.hasClasses());
        classes.setWidthFull();
        headOf.setLabel(getTranslation("account.edit.head-of"));
        headOf.setVisible(account.mayHeadClasses());
        headOf.setWidthFull();
        // a head teacher heads one of the classes they teach
        classes.addValueChangeListener(e -> {
            headOf.setItems(schoolClasses.stream().filter(e.getValue()::contains).toList());
            headOf.setValue(headOf.getValue().stream().filter(e.getValue()::contains)
                    .collect(Collectors.toSet()));
        });
        entId.setLabel(getTranslation("account.ent-id"));
        entId.setHelperText(getTranslation("account.ent-id.help"));
        entId.setWidthFull();
        localAdmin.setLabel(getTranslation("account.local-admin"));
        if (account.imported()) {
            String origin = getTranslation("account.origin." + account.origin());
            email.setHelperText(getTranslation("account.edit.overwritten", origin));
            classes.setHelperText(getTranslation("account.edit.overwritten", origin));
            headOf.setHelperText(getTranslation("account.edit.overwritten", origin));
        }

        binder.forField(email).withNullRepresentation("")
                .withValidator(AccountFieldRules.email(this))
                .bind("email");
        binder.forField(classes).bind("classes");
        binder.forField(headOf).bind("headOf");
        binder.forField(entId).withNullRepresentation("")
                .withValidator(AccountFieldRules.shortText(this))
                .bind("entId");
        binder.forField(localAdmin).bind("localAdmin");
        binder.readRecord(AccountEdit.of(account));

        email.setId("edit-email");
        classes.setId("edit-classes");
        headOf.setId("edit-head-of");
        entId.setId("edit-ent-id");
        localAdmin.setId("edit-local-admin");
        FormLayout form = new FormLayout(email, classes, headOf, entId, localAdmin);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("32em");
        add(form);
        if (account.imported()) {
            Paragraph leavers = new Paragraph(getTranslation("account.imported.leavers",
                    getTranslation("account.origin." + account.origin())));
            leavers.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "32em");
            add(leavers);
        }

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.edit(account.schoolUai(), account.id(), account.version(), binder.writeRecord());
                Notifications.success(getTranslation("account.edit.saved", account.login()));
                close();
                saved.run();
            } catch (ValidationException invalid) {
                e.getSource().setEnabled(true); // the fields say what is wrong; the director corrects and saves
            } catch (OptimisticLockingFailureException meanwhile) {
                Notifications.error(getTranslation("account.edit.changed-meanwhile", account.login()));
                close();
                saved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.setId("save-account");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
