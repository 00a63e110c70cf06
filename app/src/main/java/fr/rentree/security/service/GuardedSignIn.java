package fr.rentree.security.service;

import fr.rentree.base.guard.AttemptGuard;
import fr.rentree.security.domain.SignInOutcome;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The back-office sign-in: the {@link SignInGuard} counts the attempt first, before any user is looked up or any password
 * hashed, so that a locked username or address is refused even with the right password, and a username nobody has
 * is answered like one that exists; then the password is checked by Spring Security's own provider, and the outcome
 * is recorded. As the application's one {@link AuthenticationProvider} bean, Spring Security builds its
 * authentication manager on it (form login and any later way in alike).
 * <p>
 * When a second factor is required ({@link SecondFactorSettings}), a right password gives a {@link PendingSignIn}
 * only, which opens nothing but the code page; the username's count of failures stays until the code is accepted
 * ({@link SecondFactorService}).
 */
@Component
class GuardedSignIn implements AuthenticationProvider {

    private final SignInGuard guard;
    private final DaoAuthenticationProvider passwords;
    private final SecondFactorSettings secondFactor;

    GuardedSignIn(SignInGuard guard, BackOfficeUserService users, PasswordEncoder passwordEncoder,
            SecondFactorSettings secondFactor) {
        this.guard = guard;
        this.secondFactor = secondFactor;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName(); // what was typed; the password is never read here, nor logged
        String address = SignInGuard.addressOf(attempt);
        // counted before the password is read: guesses sent all at once wait on each other here
        AttemptGuard.Reservation reserved = guard.reserve(username, address).orElseThrow(SignInRefused::new);
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            if (secondFactor.enabled()) {
                guard.awaitingCode(username, reserved);
                return new PendingSignIn(signedIn.getName(), signedIn.getDetails());
            }
            guard.succeeded(username, reserved);
            return signedIn;
        } catch (BadCredentialsException | AccountStatusException e) {
            // a wrong username or password, or a disabled user: all count, and all get the same generic answer
            guard.failed(username, reserved, SignInOutcome.FAILURE);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
