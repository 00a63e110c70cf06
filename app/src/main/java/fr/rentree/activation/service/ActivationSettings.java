package fr.rentree.activation.service;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public pages' rules ({@code rentree.activation.*}).
 *
 * @param codeValidity     how long an activation code works after it is issued, as national services do (a sheet
 *                         or e-mail made after that carries a new one); set in {@code application.properties}
 * @param charter          the charter a holder accepts before activating, as the school or académie words it
 * @param throttleAfter    failures on a login after which attempts are spaced out
 * @param throttleDelay    the wait then imposed between two attempts on that login
 * @param lockAfter        failures on a login that lock it, for {@code firstLock}; each failure after a lock ended
 *                         locks it again, {@code lockGrowth} times longer, {@code longestLock} at most (the school
 *                         may unlock it sooner): guessing stays out of reach, a prank costs families minutes
 * @param addressFailures  failures from one client address, within {@code addressLock}, that lock the address
 * @param addressLock      how long an address stays locked, and the window its failures are counted in
 * @param resetLinkValidity how long a "Mot de passe oublié" link works
 * @param firstLock        how long a login stays locked the first time
 * @param lockGrowth       how many times longer each next lock is
 * @param longestLock      the longest a lock lasts
 */
@ConfigurationProperties("rentree.activation")
public record ActivationSettings(Period codeValidity,
                                 @DefaultValue("") String charter,
                                 @DefaultValue("3") int throttleAfter,
                                 @DefaultValue("PT30S") Duration throttleDelay,
                                 @DefaultValue("6") int lockAfter,
                                 @DefaultValue("30") int addressFailures,
                                 @DefaultValue("PT1H") Duration addressLock,
                                 @DefaultValue("PT1H") Duration resetLinkValidity,
                                 @DefaultValue("PT15M") Duration firstLock,
                                 @DefaultValue("4") int lockGrowth,
                                 @DefaultValue("P1D") Duration longestLock) {

    /** How long a lock set at this many failures on a login lasts: 15 min, 1 h, 4 h, 16 h, then a day by default. */
    public Duration lockFor(int failures) {
        Duration lock = firstLock;
        for (int n = lockAfter; n < failures && lock.compareTo(longestLock) < 0; n++) {
            lock = lock.multipliedBy(lockGrowth);
        }
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
