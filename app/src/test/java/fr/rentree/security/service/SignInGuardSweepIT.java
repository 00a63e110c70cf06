package fr.rentree.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hourly sweep forgets the counts nobody added to for a day, unless they still lock something. */
@RentreeIntegrationTest
class SignInGuardSweepIT {

    @Autowired
    SignInGuard guard;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void counts_quiet_for_a_day_are_forgotten_unless_still_locked_while_recent_ones_stay() {
        Instant now = clock.instant();
        count("USERNAME", "balayage.ancien", now.minus(Duration.ofDays(2)), null);
        count("USERNAME", "balayage.verrouille", now.minus(Duration.ofDays(2)), now.plus(Duration.ofMinutes(5)));
        count("USERNAME", "balayage.recent", now.minus(Duration.ofHours(1)), null);
        count("ADDRESS", "192.0.2.77", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));

        guard.forgetQuiet();

        assertThat(jdbc.sql("select guard_key from sign_in_guard where guard_key like 'balayage.%' or guard_key = ?")
                .param("192.0.2.77").query(String.class).list())
                .containsExactlyInAnyOrder("balayage.verrouille", "balayage.recent");
    }

    private void count(String kind, String key, Instant lastFailure, Instant lockedUntil) {
        jdbc.sql("insert into sign_in_guard (kind, guard_key, failures, last_failure_at, locked_until) values (?, ?, 7, ?, ?)")
                .params(kind, key, Timestamp.from(lastFailure), lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .update();
    }
}
