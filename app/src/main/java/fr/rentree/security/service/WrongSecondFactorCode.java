package fr.rentree.security.service;

import org.springframework.security.authentication.BadCredentialsException;

/** A second-factor code that is not the app's current one, or one already used: counted like a wrong password. */
public class WrongSecondFactorCode extends BadCredentialsException {

    WrongSecondFactorCode() {
        super("Wrong or already used second-factor code");
    }
}
