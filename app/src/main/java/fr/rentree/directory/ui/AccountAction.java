package fr.rentree.directory.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import fr.rentree.directory.domain.AccountRow;

/**
 * What another feature offers a director on one account of the accounts list, such as printing its sheet. Features
 * that build on the directory implement it, so the directory needs none of them.
 */
public interface AccountAction {

    /**
     * The action's button for this account of this school; empty when it does not apply to the account.
     *
     * @param changed to run once the action changed the account, so that the list shows its row anew at once
     */
    Optional<Component> on(String schoolUai, AccountRow account, Runnable changed);
}
