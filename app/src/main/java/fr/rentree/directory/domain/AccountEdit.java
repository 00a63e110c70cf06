package fr.rentree.directory.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a director may change on an account (seed 004): its address, classes, head-teacher classes, "ID ENT" and
 * local-administrator flag. Names, birth date and profile come from the exports, or were given at creation.
 *
 * @param email  blank or null for none
 * @param entId  blank or null for none
 */
public record AccountEdit(@Nullable String email, Set<String> classes, Set<String> headOf, @Nullable String entId,
                          boolean localAdmin) {

    public AccountEdit {
        email = blankToNull(email);
        entId = blankToNull(entId);
        classes = Set.copyOf(classes);
        headOf = Set.copyOf(headOf);
    }

    /** What the editor shows first: the account as it is. */
    public static AccountEdit of(AccountDetails account) {
        return new AccountEdit(account.email(), account.classes(), account.headOf(), account.entId(),
                account.localAdmin());
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
