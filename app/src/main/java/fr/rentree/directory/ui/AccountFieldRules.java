package fr.rentree.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.Validator;
import fr.rentree.base.EmailAddress;
import fr.rentree.directory.domain.AccountDetails;

/**
 * The checks the account dialogs make as the director types, with their French messages: the same the service makes
 * again ({@code SchoolAccounts}). A field left empty reaches them as null.
 */
final class AccountFieldRules {

    private AccountFieldRules() {
    }

    /** An address, or nothing. */
    static Validator<String> email(Component form) {
        return Validator.from(value -> value == null || value.isBlank() || EmailAddress.isValid(value.strip()),
                form.getTranslation("account.email.invalid"));
    }

    /** A name, a subject, an "ID ENT": as long as its column holds, or nothing. */
    static Validator<String> shortText(Component form) {
        return Validator.from(value -> value == null || value.strip().length() <= AccountDetails.MAX_TEXT,
                form.getTranslation("account.too-long", AccountDetails.MAX_TEXT));
    }
}
