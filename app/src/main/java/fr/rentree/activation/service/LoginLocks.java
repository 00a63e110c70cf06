package fr.rentree.activation.service;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.service.HolderAccounts;
import fr.rentree.security.service.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unlocking a login that too many wrong codes locked (the accounts list shows which are). Only a director of the
 * account's school may unlock it.
 */
@Service
public class LoginLocks {

    private final GuessingGuard guard;
    private final HolderAccounts holders;
    private final CurrentUser currentUser;
    private final AuditLog journal;

    LoginLocks(GuessingGuard guard, HolderAccounts holders, CurrentUser currentUser, AuditLog journal) {
        this.guard = guard;
        this.holders = holders;
        this.currentUser = currentUser;
        this.journal = journal;
    }

    /** Unlocks the login of an account of the school; its count of failures starts again from nothing. */
    @Transactional
    public void unlock(String schoolUai, String login) {
        currentUser.requireDirectorOf(schoolUai);
        if (holders.find(login).filter(holder -> holder.schoolUai().equals(schoolUai)).isEmpty()) {
            throw new IllegalArgumentException("No account " + login + " in school " + schoolUai);
        }
        guard.succeeded(login);
        holders.markLocked(login, false);
        journal.record(schoolUai, AuditAction.UNLOCK, login);
    }
}
