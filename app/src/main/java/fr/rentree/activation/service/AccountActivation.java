package fr.rentree.activation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import fr.rentree.activation.domain.PasswordCheck;
import fr.rentree.activation.domain.PasswordOwner;
import fr.rentree.activation.domain.Refusal;
import fr.rentree.directory.domain.Holder;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.HolderAccounts;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.service.SchoolService;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * "Activer mon compte": a holder proves the account is theirs with the login and the activation code of their sheet
 * or e-mail, then chooses a password. Guessing is slowed then locked ({@link GuessingGuard}); codes are compared in
 * constant time; a refusal never says whether the login or the code was wrong.
 */
@Service
@EnableConfigurationProperties(ActivationSettings.class)
public class AccountActivation {

    private final HolderAccounts holders;
    private final GuessingGuard guard;
    private final PasswordRules rules;
    private final PasswordEncoder passwords;
    private final ActivationSettings settings;
    private final SchoolService schools;
    private final Clock clock;

    AccountActivation(HolderAccounts holders, GuessingGuard guard, PasswordRules rules, PasswordEncoder passwords,
            ActivationSettings settings, SchoolService schools, Clock clock) {
        this.schools = schools;
        this.holders = holders;
        this.guard = guard;
        this.rules = rules;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account these credentials open, or why they are refused. A refusal counts against the login and address,
     * and says what it led to: the failure that locks the login (or the address) says locked, not wrong; one after
     * which attempts are spaced out says how long the next must wait ({@link Result#retryIn()}), as a refusal for
     * waiting says how long is left.
     */
    public Result<Holder> check(String login, String code, String address) {
        // counted before the code is read: codes sent all at once wait on each other here
        GuessingGuard.Reserved reserved = guard.reserve(login, address);
        if (reserved.attempt() == null) {
            Refusal refused = reserved.refused().orElseThrow();
            return new Result<>(null, refused, refused == Refusal.THROTTLED ? guard.retryIn(login).orElse(null) : null);
        }
        Optional<Holder> holder = holders.find(login.strip());
        Refusal refusal = holder.isPresent() ? verdict(holder.get(), code) : Refusal.WRONG;
        if (refusal != null) {
            Optional<Refusal> locked = guard.failed(login, reserved.attempt(), refusal);
            return locked.isPresent() ? Result.refused(locked.get())
                    // spaced out from this failure on: the next attempt waits the whole delay
                    : new Result<>(null, refusal, guard.retryIn(login).map(left -> settings.throttleDelay())
                            .orElse(null));
        }
        guard.released(reserved.attempt());
        return Result.of(holder.get());
    }

    /** How a password measures up for this holder, as the page shows it while they type. */
    public PasswordCheck measure(Holder holder, String password) {
        return rules.check(password, owner(holder));
    }

    /**
     * Activates the account: the credentials are checked again, the password must pass the rules and the charter be
     * accepted. The code is void from then on and the school's statistics count the account at once.
     *
     * @param email        an address the holder gave or confirmed; null to keep the school's
     * @param notMyChildren children named on a parent's account that the parent says are not theirs
     */
    public Result<Holder> activate(String login, String code, String password, @Nullable String email,
            boolean charterAccepted, Set<Long> notMyChildren, String address) {
        Result<Holder> checked = check(login, code, address);
        if (checked.refusal() != null) {
            return checked;
        }
        Holder holder = checked.value();
        if (!charterAccepted || !measure(holder, password).accepted()) {
            throw new IllegalArgumentException("The page lets no one activate without the charter and the rules");
        }
        if (!holders.activate(holder, passwords.encode(password), email == null || email.isBlank() ? null
                : email.strip())) {
            return Result.refused(Refusal.WRONG); // activated meanwhile, in another tab
        }
        if (!notMyChildren.isEmpty()) {
            holders.reportNotGuardian(holder, notMyChildren);
        }
        guard.succeeded(login);
        return checked;
    }

    private @Nullable Refusal verdict(Holder holder, String typed) {
        if (holder.code() == null) {
            return Refusal.WRONG;
        }
        byte[] expected = holder.code().value().getBytes(StandardCharsets.US_ASCII);
        byte[] given = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) { // in constant time: no timing tells a right prefix
            return Refusal.WRONG;
        }
        if (holder.codeIssuedAt() != null && holder.codeIssuedAt().atZone(ZoneId.systemDefault())
                .plus(settings.codeValidity()).toInstant().isBefore(clock.instant())) {
            return Refusal.EXPIRED;
        }
        return null;
    }

    /** The words a guesser who knows the family and the school tries first; a young pupil's lower bar. */
    private PasswordOwner owner(Holder holder) {
        List<String> names = new ArrayList<>(List.of(holder.login(), holder.firstName(), holder.lastName()));
        holder.children().forEach(child -> names.addAll(List.of(child.firstName(), child.lastName())));
        Optional<School> school = schools.find(holder.schoolUai());
        List<String> places = school.stream().flatMap(s -> Stream.of(s.name(), s.commune()))
                .filter(Objects::nonNull).toList();
        boolean youngPupil = holder.profile() == Profile.STUDENT
                && school.map(s -> s.kind() == SchoolKind.ECOLE).orElse(false);
        return new PasswordOwner(names, places, youngPupil);
    }

    /** A value, or why there is none. */
    public record Result<T>(@Nullable T value, @Nullable Refusal refusal, @Nullable Duration retryIn) {

        static <T> Result<T> of(T value) {
            return new Result<>(value, null, null);
        }

        static <T> Result<T> refused(Refusal refusal) {
            return new Result<>(null, refusal, null);
        }
    }
}
