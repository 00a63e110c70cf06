package fr.rentree.security.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the back-office sign-in resists guessing ({@code rentree.security.sign-in.*}).
 *
 * @param throttleAfter   failures of a username after which its attempts are spaced out
 * @param throttleDelay   the wait imposed after the first of those failures; it doubles with each further one, up to
 *                        {@code lockDuration}
 * @param lockAfter       failures of a username that lock it; only a successful sign-in or a quiet {@code forgetAfter}
 *                        clears them, so once a lock ends, each new failure locks it again
 * @param lockDuration    how long a locked username stays refused, even with the right password
 * @param addressFailures failures from one client address, within {@code addressLock}, that lock the address
 * @param addressLock     how long an address stays locked, and the window its failures are counted in
 * @param forgetAfter     how long after its last failure the count of a username or address that is not locked is
 *                        forgotten: guessed usernames, real or not, would otherwise pile up for ever
 */
@ConfigurationProperties("rentree.security.sign-in")
public record SignInSettings(@DefaultValue("5") int throttleAfter,
                             @DefaultValue("PT30S") Duration throttleDelay,
                             @DefaultValue("10") int lockAfter,
                             @DefaultValue("PT15M") Duration lockDuration,
                             @DefaultValue("30") int addressFailures,
                             @DefaultValue("PT1H") Duration addressLock,
                             @DefaultValue("P1D") Duration forgetAfter) {

    /** The wait after the last of so many failures of a username: none before {@code throttleAfter}, then doubling. */
    Duration delayAfter(int failures) {
        if (failures < throttleAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - throttleAfter, 20); // 2^20 × any sensible delay is past any lock anyway
        Duration delay = throttleDelay.multipliedBy(1L << doublings);
        return delay.compareTo(lockDuration) > 0 ? lockDuration : delay;
    }
}
