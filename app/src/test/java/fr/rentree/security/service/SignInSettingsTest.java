package fr.rentree.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    private final SignInSettings defaults = new SignInSettings(5, Duration.ofSeconds(30), 10, Duration.ofMinutes(15),
            30, Duration.ofHours(1), Duration.ofDays(1));

    @Test
    void a_username_waits_nothing_before_five_failures_then_thirty_seconds_doubling_with_each_failure() {
        assertThat(defaults.delayAfter(0)).isZero();
        assertThat(defaults.delayAfter(4)).isZero();
        assertThat(defaults.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void the_wait_never_exceeds_a_lock() {
        assertThat(defaults.delayAfter(11)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
