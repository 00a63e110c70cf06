package fr.rentree.activation.service;

import fr.rentree.directory.service.HolderAccounts;
import fr.rentree.security.service.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The logins that too many wrong codes locked, as the school sees them: which, and unlocking one. Only a director of
 * the account's school may unlock it.
 */
@Service
public class LoginLocks {

    private final JdbcClient jdbc;
    private final GuessingGuard guard;
    private final HolderAccounts holders;
    private final CurrentUser currentUser;

    LoginLocks(JdbcClient jdbc, GuessingGuard guard, HolderAccounts holders, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.holders = holders;
        this.currentUser = currentUser;
    }

    public boolean locked(String login) {
        return jdbc.sql("select count(*) from holder_guard where kind = 'LOGIN' and guard_key = ?"
                        + " and locked_until is not null")
                .param(GuessingGuard.key(login)).query(Integer.class).single() > 0;
    }

    /** Unlocks the login of an account of the school; its count of failures starts again from nothing. */
    public void unlock(String schoolUai, String login) {
        currentUser.requireDirectorOf(schoolUai);
        if (holders.find(login).filter(holder -> holder.schoolUai().equals(schoolUai)).isEmpty()) {
            throw new IllegalArgumentException("No account " + login + " in school " + schoolUai);
        }
        guard.succeeded(login);
    }
}
