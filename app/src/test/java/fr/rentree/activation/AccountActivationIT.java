package fr.rentree.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.ActivationSettings;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.OriginFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.support.AllAtOnce;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** "Activer mon compte" against the real database: the code, its expiry, and guessing slowed then locked. */
@RentreeIntegrationTest
class AccountActivationIT {

    private static final String GOOD_PASSWORD = "Cartable-Vert-2026!";

    @Autowired
    AccountActivation activation;
    @Autowired
    ActivationSettings settings;
    @Autowired
    DirectoryService directory;
    @Autowired
    StatisticsService statistics;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;
    @LocalServerPort
    int port;

    String uai;

    @BeforeEach
    void aCollegeWithItsAccounts() {
        fixtures.emptyDirectory();
        jdbc.sql("delete from holder_guard").update();
        jdbc.sql("delete from holder_attempt").update();
        uai = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder).school().uai();
    }

    @Test
    void the_right_code_activates_once_voids_the_code_and_counts_at_once() {
        String code = code("zoe.martin-dupont");
        long before = activated(Profile.STUDENT);

        var done = activation.activate(" Zoe.Martin-Dupont ", code.toLowerCase().substring(0, 4) + " "
                + code.substring(4), GOOD_PASSWORD, "zoe@exemple.fr", true, Set.of(), "192.0.2.1");

        assertThat(done.refusal()).isNull();
        assertThat(activated(Profile.STUDENT)).isEqualTo(before + 1);
        assertThat(directory.activationCode(id("zoe.martin-dupont"))).isEmpty();
        String hash = jdbc.sql("select password_hash from account where login = 'zoe.martin-dupont'")
                .query(String.class).single();
        assertThat(passwords.matches(GOOD_PASSWORD, hash)).isTrue();
        assertThat(jdbc.sql("select email from account where login = 'zoe.martin-dupont'").query(String.class)
                .single()).isEqualTo("zoe@exemple.fr");
        // the same code again (a second tab, a double tap): refused as any wrong code, nothing changes
        assertThat(activation.check("zoe.martin-dupont", code, "192.0.2.1").refusal()).isEqualTo(Refusal.WRONG);
        assertThat(activated(Profile.STUDENT)).isEqualTo(before + 1);
    }

    @Test
    void a_weak_password_or_no_charter_activates_nothing() {
        String code = code("zoe.martin-dupont");
        for (String weak : List.of("Zoe2026!", "zoe.martin-dupont2026", "azertyuiopqsdfgh")) {
            assertThat(activation.measure(activation.check("zoe.martin-dupont", code, "192.0.2.1").value(), weak)
                    .accepted()).as(weak).isFalse();
        }
        assertThatThrownBy(() -> activation.activate("zoe.martin-dupont", code, "Zoe2026!", null, true, Set.of(),
                "192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> activation.activate("zoe.martin-dupont", code, GOOD_PASSWORD, null, false, Set.of(),
                "192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.activationCode(id("zoe.martin-dupont"))).isPresent();
    }

    @Test
    void an_expired_code_says_so_and_a_new_code_works_again() {
        String code = code("zoe.martin-dupont");
        jdbc.sql("update account set code_issued_at = ? where login = 'zoe.martin-dupont'")
                .param(Timestamp.from(Instant.now().minus(100, ChronoUnit.DAYS))).update();

        assertThat(activation.check("zoe.martin-dupont", code, "192.0.2.1").refusal()).isEqualTo(Refusal.EXPIRED);

        String fresh = directory.regenerateActivationCode(id("zoe.martin-dupont")).orElseThrow().value();
        assertThat(activation.check("zoe.martin-dupont", fresh, "192.0.2.1").refusal()).isNull();
    }

    /** The page's words, a step off before: "une minute" for a wait of 30 s, "incorrect" for the code that locked. */
    @Test
    void the_page_says_how_long_to_wait_and_that_the_sixth_wrong_code_locked_the_account() throws Exception {
        try (Browser phone = Browser.phone()) {
            phone.open("http://localhost:" + port + "/activation?identifiant=zoe.martin-dupont");
            phone.awaitText("h1", "Activer mon compte");
            for (int attempt = 1; attempt <= 2; attempt++) {
                wrongCode(phone);
                phone.awaitText("p", "Identifiant ou code d’activation incorrect. Vérifiez-les");
            }
            wrongCode(phone);
            phone.awaitText("p", "Identifiant ou code d’activation incorrect. Trop d’essais à la suite : patientez"
                    + " 1 seconde avant le prochain.");
            wrongCode(phone);
            phone.awaitText("p", "Trop d’essais à la suite : patientez encore 1 seconde avant de réessayer.");
            for (int attempt = 4; attempt <= 5; attempt++) {
                Thread.sleep(1_500);
                wrongCode(phone);
                phone.awaitText("p", "Identifiant ou code d’activation incorrect. Trop d’essais à la suite");
            }
            Thread.sleep(1_500);
            wrongCode(phone);
            phone.awaitText("p", "Ce compte est maintenant bloqué pour un moment après 6 essais sans succès\u00a0:"
                    + " réessayez plus tard, ou demandez à l’établissement de le débloquer.");
            phone.screenshot("activation-locked");
        }
    }

    private static void wrongCode(Browser phone) {
        phone.type("vaadin-text-field:nth-of-type(2) input", "AAAAAAAA");
        phone.awaitText("vaadin-button", "Continuer").click();
        // the page answers before the next attempt
        phone.await(By.xpath("//p[@id='activation-refusal' and string-length(normalize-space(.)) > 0]"));
    }

    @Test
    void wrong_codes_slow_a_login_down_then_lock_it_even_to_the_right_code_and_every_refusal_is_recorded()
            throws InterruptedException {
        String code = code("zoe.martin-dupont");
        // a wrong login and a wrong code are refused alike
        assertThat(activation.check("personne.inconnue", code, "192.0.2.9").refusal()).isEqualTo(Refusal.WRONG);
        for (int attempt = 1; attempt <= 2; attempt++) {
            var wrong = activation.check("zoe.martin-dupont", "AAAAAAAA", "192.0.2.1");
            assertThat(wrong.refusal()).isEqualTo(Refusal.WRONG);
            assertThat(wrong.retryIn()).as("no wait yet").isNull();
        }
        // the third failure says so, and how long the next attempt must wait (one second in tests)
        var third = activation.check("zoe.martin-dupont", "AAAAAAAA", "192.0.2.1");
        assertThat(third.refusal()).isEqualTo(Refusal.WRONG);
        assertThat(third.retryIn()).isEqualTo(Duration.ofSeconds(1));
        // the next attempt waits, even with the right code, and is told how long is left
        var throttled = activation.check("zoe.martin-dupont", code, "192.0.2.1");
        assertThat(throttled.refusal()).isEqualTo(Refusal.THROTTLED);
        assertThat(throttled.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        for (int attempt = 4; attempt <= 5; attempt++) {
            Thread.sleep(1_100);
            assertThat(activation.check("zoe.martin-dupont", "AAAAAAAA", "192.0.2.2").refusal())
                    .isEqualTo(Refusal.WRONG);
        }
        Thread.sleep(1_100);
        // the sixth failure locks the login, and says so (it said "incorrect", as if one could try again)
        assertThat(activation.check("zoe.martin-dupont", "AAAAAAAA", "192.0.2.2").refusal())
                .isEqualTo(Refusal.LOGIN_LOCKED);
        // locked from any address, until the lock ends or the school unlocks it
        assertThat(activation.check("zoe.martin-dupont", code, "198.51.100.7").refusal())
                .isEqualTo(Refusal.LOGIN_LOCKED);
        assertThat(jdbc.sql("select outcome from holder_attempt where login = 'zoe.martin-dupont' order by id")
                .query(String.class).list())
                .containsExactly("WRONG", "WRONG", "WRONG", "THROTTLED", "WRONG", "WRONG", "WRONG", "LOGIN_LOCK",
                        "LOGIN_LOCKED");
        // the school sees the login locked in its accounts list
        AccountQuery locked = new AccountQuery(uai, "", Set.of(), Set.of(), ActivationFilter.ALL, OriginFilter.ALL,
                StateFilter.LOCKED);
        assertThat(directory.accounts(locked, 0, 10)).extracting(AccountRow::login).containsExactly("zoe.martin-dupont");
        // another login is not held back by this one
        assertThat(activation.check("noel.boeuf", code("noel.boeuf"), "198.51.100.7").refusal()).isNull();
    }

    @Test
    void a_locked_login_unlocks_by_itself_after_a_growing_lock_and_guesses_sent_at_once_get_one_try_each_time()
            throws Exception {
        String login = "zoe.martin-dupont";
        String code = code(login);
        // five failures already, the last a while ago: the sixth locks the login for the first lock (15 min)
        Instant before = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("insert into holder_guard (kind, guard_key, failures, last_failure_at) values ('LOGIN', ?, ?, ?)")
                .params(login, settings.lockAfter() - 1, Timestamp.from(before)).update();
        assertThat(activation.check(login, "AAAAAAAA", "192.0.2.21").refusal()).isEqualTo(Refusal.LOGIN_LOCKED);
        assertThat(lockLeft(login)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(activation.check(login, code, "192.0.2.22").refusal()).as("even the right code")
                .isEqualTo(Refusal.LOGIN_LOCKED);
        assertThat(lockedInTheList()).containsExactly(login);

        // a quarter of an hour later the lock is over, by itself
        passTime(login, Duration.ofMinutes(16));
        assertThat(lockedInTheList()).as("the school's list no longer shows it").isEmpty();

        // guesses sent all at once then: one is read, the others wait; it locks the login again, four times longer
        int wrongBefore = wrongCodes(login);
        AllAtOnce.run(20, n -> activation.check(login, "AAAAAAAA", "198.51.100." + (20 + n)));
        assertThat(wrongCodes(login) - wrongBefore).as("guesses evaluated out of 20 sent at once").isEqualTo(1);
        assertThat(lockLeft(login)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(lockedInTheList()).containsExactly(login);

        // after that one, the right code works (a family that waited is not held back)
        passTime(login, Duration.ofMinutes(61));
        assertThat(activation.check(login, code, "192.0.2.23").refusal()).isNull();
    }

    /** How long the login's lock still lasts. */
    private Duration lockLeft(String login) {
        return Duration.between(Instant.now(), jdbc.sql("""
                        select locked_until from holder_guard where kind = 'LOGIN' and guard_key = ?""")
                .param(login).query(Timestamp.class).single().toInstant());
    }

    /** Moves the login's lock and last failure this far back, as if that much time had passed. */
    private void passTime(String login, Duration elapsed) {
        long seconds = elapsed.toSeconds();
        jdbc.sql("""
                        update holder_guard set locked_until = locked_until - interval ? second,
                               last_failure_at = last_failure_at - interval ? second
                        where kind = 'LOGIN' and guard_key = ?""").params(seconds, seconds, login).update();
        jdbc.sql("update account set locked_until = locked_until - interval ? second where login = ?")
                .params(seconds, login).update();
    }

    private List<String> lockedInTheList() {
        return directory.accounts(new AccountQuery(uai, "", Set.of(), Set.of(), ActivationFilter.ALL,
                OriginFilter.ALL, StateFilter.LOCKED), 0, 10).stream().map(AccountRow::login).toList();
    }

    private int wrongCodes(String login) {
        return jdbc.sql("select count(*) from holder_attempt where login = ? and outcome = 'WRONG'")
                .param(login).query(Integer.class).single();
    }

    @Test
    void an_address_trying_many_logins_is_locked_for_an_hour() {
        List<String> logins = jdbc.sql("select login from account where school_uai = ? order by login").param(uai)
                .query(String.class).list();
        int failures = 0;
        while (failures < 30) {
            for (String login : logins) {
                if (failures < 30) {
                    // the thirtieth failure locks the address, and says so
                    assertThat(activation.check(login + failures, "AAAAAAAA", "203.0.113.5").refusal())
                            .isEqualTo(failures < 29 ? Refusal.WRONG : Refusal.ADDRESS_LOCKED);
                    failures++;
                }
            }
        }
        assertThat(activation.check("zoe.martin-dupont", code("zoe.martin-dupont"), "203.0.113.5").refusal())
                .isEqualTo(Refusal.ADDRESS_LOCKED);
        // the holder, from home, is not
        assertThat(activation.check("zoe.martin-dupont", code("zoe.martin-dupont"), "192.0.2.1").refusal()).isNull();
    }

    @Test
    void a_parent_reports_a_child_that_is_not_theirs_for_the_director() {
        var parent = activation.check("helene.boeuf", code("helene.boeuf"), "192.0.2.1").value();
        assertThat(parent.children()).extracting(child -> child.firstName()).contains("Noël", "Anne-Sophie");
        long noel = parent.children().stream().filter(child -> child.firstName().equals("Noël")).findFirst()
                .orElseThrow().id();

        activation.activate("helene.boeuf", code("helene.boeuf"), GOOD_PASSWORD, null, true, Set.of(noel, 999_999L),
                "192.0.2.1");

        assertThat(jdbc.sql("select child_id from guardian_report where parent_id = ?").param(parent.id())
                .query(Long.class).list()).containsExactly(noel); // a child not on the account is ignored
    }

    private String code(String login) {
        return directory.activationCode(id(login)).orElseThrow().value();
    }

    private long id(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }

    private long activated(Profile profile) {
        return statistics.ofSchool(uai).stream().filter(tally -> tally.profile() == profile)
                .mapToLong(ActivationTally::activated).sum();
    }
}
