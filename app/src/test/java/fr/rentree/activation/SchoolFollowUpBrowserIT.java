package fr.rentree.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.LoginLocks;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.GuardianReports;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the public pages leave for the school, in "Mon établissement": a parent's report that a pupil is not theirs,
 * marked handled; a login locked by wrong codes, unlocked. Refused, in the services, to anyone but its directors.
 */
@RentreeIntegrationTest
class SchoolFollowUpBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountActivation activation;
    @Autowired
    GuardianReports reports;
    @Autowired
    LoginLocks locks;
    @Autowired
    DirectoryService directory;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void a_director_handles_a_family_report_and_unlocks_a_locked_login() throws InterruptedException {
        fixtures.emptyDirectory();
        jdbc.sql("delete from holder_guard").update();
        var school = fixtures.schoolWithAccounts("Collège Germaine-Tillion", folder);
        String uai = school.school().uai();
        long noel = id("noel.boeuf");
        activation.activate("helene.boeuf", code("helene.boeuf"), "Cartable-Vert-2026!", null, true, Set.of(noel),
                "192.0.2.1");
        for (int attempt = 1; attempt <= 6; attempt++) { // wrong codes, spaced out past the throttle, lock the login
            activation.check("zoe.martin-dupont", "AAAAAAAA", "192.0.2.1");
            Thread.sleep(attempt >= 3 ? 1_100 : 0);
        }
        assertThat(activation.check("zoe.martin-dupont", code("zoe.martin-dupont"), "192.0.2.1").refusal())
                .isEqualTo(Refusal.LOGIN_LOCKED);

        // nobody but the school's directors reads the reports or unlocks a login
        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        String districtStaff = fixtures.districtOfficer(Set.of(uai));
        for (String intruder : Set.of(elsewhere, districtStaff)) {
            assertThatThrownBy(() -> fixtures.as(intruder, () -> reports.open(uai)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(intruder, () -> locks.unlock(uai, "zoe.martin-dupont")))
                    .isInstanceOf(AccessDeniedException.class);
        }

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h3", "Un signalement d’une famille");
            browser.awaitText("vaadin-grid-cell-content", "BŒUF Hélène (helene.boeuf)");
            browser.awaitText("vaadin-grid-cell-content", "BŒUF Noël");
            browser.screenshot("school-family-report");
            // counted in the statistics, and shown on the parent's account
            browser.awaitDeepText("#report-statistics", "1 à traiter, 0 traité.");
            browser.awaitDeepText("#accounts", "Activé · signalement à traiter");
            browser.awaitText("vaadin-button", "Marquer comme traité").click();
            browser.awaitGone("h3", "Un signalement d’une famille");
            browser.awaitDeepText("#report-statistics", "0 à traiter, 1 traité.");
            assertThat(browser.deepText("#accounts")).doesNotContain("signalement à traiter");
            assertThat(fixtures.as(school.director(), () -> reports.open(uai))).isEmpty();

            browser.await(By.cssSelector("vaadin-button.unlock")).click();
            browser.awaitDeepText("vaadin-notification-card", "Le compte zoe.martin-dupont est débloqué.");
            browser.screenshot("school-unlocked");

            // Hélène activated her account: the director sends her a link for a new password, once confirmed
            browser.await(By.cssSelector("vaadin-button.reset-password")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "Envoyer à helene.boeuf un lien");
            browser.screenshot("school-reset-confirm");
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
            browser.awaitDeepText("vaadin-notification-card", "Lien envoyé à");

            // an account not activated, with an address: its login and current code by e-mail, once confirmed
            browser.await(By.cssSelector("vaadin-button.mail-sheet")).click();
            browser.awaitDeepText("vaadin-confirm-dialog-overlay", "son identifiant et son code d’activation actuel");
            browser.screenshot("school-mail-confirm");
            Matcher asked = Pattern.compile("Envoyer à (\\S+), à l’adresse (\\S+),")
                    .matcher(browser.deepText("vaadin-confirm-dialog-overlay"));
            assertThat(asked.find()).isTrue();
            browser.await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']")).click();
            browser.awaitDeepText("vaadin-notification-card", "Courriel envoyé à " + asked.group(2));
            String code = code(asked.group(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.sentMails().stream().anyMatch(mail ->
                    mail.to().contains(asked.group(2)) && mail.body().contains(code)));
        }
        assertThat(jdbc.sql("select locked_at is null from account where login = 'zoe.martin-dupont'")
                .query(Boolean.class).single()).isTrue();
        assertThat(activation.check("zoe.martin-dupont", code("zoe.martin-dupont"), "192.0.2.1").refusal()).isNull();
    }

    private long id(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }

    private String code(String login) {
        return directory.activationCode(id(login)).orElseThrow().value();
    }
}
