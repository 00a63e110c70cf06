package fr.rentree.security.service;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in turned away before its password was read: too many failures of this username or from this address. It
 * says no more, whatever the reason, so that the login page cannot tell whether the username exists.
 */
public class SignInRefused extends LockedException {

    SignInRefused() {
        super("Too many failed sign-ins: refused for now");
    }
}
