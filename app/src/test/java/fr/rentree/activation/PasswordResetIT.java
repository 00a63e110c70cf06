package fr.rentree.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.activation.service.AccountActivation;
import fr.rentree.activation.service.PasswordReset;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** "Mot de passe oublié" through the real SMTP server (GreenMail): the link, its one use, its end. */
@RentreeIntegrationTest
class PasswordResetIT {

    private static final String NEW_PASSWORD = "Tournesol-Bleu-2027?";

    @LocalServerPort
    int port;
    @Autowired
    PasswordReset reset;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    AccountActivation activation;
    @Autowired
    DirectoryService directory;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    String address;
    String school;
    String director;

    @BeforeEach
    void zoeActivatedHerAccountWithHerAddress() {
        fixtures.emptyDirectory();
        jdbc.sql("delete from holder_guard").update();
        var created = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder);
        school = created.school().uai();
        director = created.director();
        address = "zoe." + System.nanoTime() + "@exemple.fr"; // hers alone in the test mailbox
        long zoe = jdbc.sql("select id from account where login = 'zoe.martin-dupont'").query(Long.class).single();
        String code = directory.activationCode(zoe).orElseThrow().value();
        activation.activate("zoe.martin-dupont", code, "Cartable-Vert-2026!", address, true, Set.of(), "192.0.2.1");
    }

    @Test
    void a_link_arrives_works_once_and_a_newer_one_voids_it() {
        assertThat(reset.request("zoe.martin-dupont", "192.0.2.1", Locale.FRENCH)).isEmpty();
        String first = token(await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 1)
                .getFirst());
        assertThat(reset.holder(first)).isPresent();

        // asked again, by address this time: a new link, and the first stops working
        reset.request(address, "192.0.2.1", Locale.FRENCH);
        List<SentMail> mails = await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 2);
        SentMail mail = mails.stream().filter(m -> !token(m).equals(first)).findFirst().orElseThrow();
        assertThat(mail.subject()).isEqualTo("Votre mot de passe ENT\u00a0– Collège Rosa-Parks");
        assertThat(mail.body()).contains("zoe.martin-dupont", "60\u00a0minutes", "L’équipe du collège Rosa-Parks");
        String second = token(mail);
        assertThat(reset.holder(first)).isEmpty();

        assertThat(reset.reset(second, NEW_PASSWORD)).isTrue();
        assertThat(passwords.matches(NEW_PASSWORD, jdbc.sql(
                "select password_hash from account where login = 'zoe.martin-dupont'").query(String.class).single()))
                .isTrue();
        assertThat(reset.holder(second)).isEmpty(); // used up
        assertThat(reset.reset(second, "Autre-Chose-Encore-42!")).isFalse();
    }

    @Test
    void the_answer_does_not_wait_for_the_mail_server_and_the_link_leaves_once_it_answers() throws Exception {
        int port = smtp.getPort();
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread accepting = null;
        try (ServerSocket silent = new ServerSocket(0)) { // takes connections and never answers, as a stuck server
            accepting = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            smtp.setPort(silent.getLocalPort());
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> reset.request("zoe.martin-dupont", "192.0.2.1", Locale.FRENCH)))
                    .as("answered before any mail left").isEmpty();
            assertThat(jdbc.sql("select status from reset_mail r join account a on a.id = r.account_id"
                    + " where a.login = 'zoe.martin-dupont'").query(String.class).list())
                    .as("queued, tracked").hasSize(1).allMatch(status -> !status.equals("SENT"));
        } finally {
            smtp.setPort(port);
            if (accepting != null) {
                accepting.join(); // the server socket is closed: no connection is taken after this
            }
            for (Socket socket : held) {
                socket.close(); // the sender waiting for a greeting is told the server is gone
            }
        }
        // the sender's next turn, once the server answers, sends it
        List<SentMail> mails = await().atMost(Duration.ofSeconds(20)).until(() -> {
            reset.sendQueued();
            return mailsTo(address);
        }, m -> m.size() == 1);
        assertThat(reset.holder(token(mails.getFirst()))).isPresent();
        assertThat(jdbc.sql("select status from reset_mail r join account a on a.id = r.account_id"
                + " where a.login = 'zoe.martin-dupont'").query(String.class).list()).containsExactly("SENT");
    }

    @Test
    void the_answer_is_the_same_for_no_account_and_nothing_leaves_then() {
        int before = mailbox.sentMails().size();
        assertThat(reset.request("personne.inconnue", "192.0.2.1", Locale.FRENCH)).isEmpty();
        assertThat(reset.request("noel.boeuf", "192.0.2.1", Locale.FRENCH)).isEmpty(); // not activated yet
        assertThat(mailbox.sentMails()).hasSize(before);
    }

    @Test
    void a_link_past_its_hour_opens_nothing_and_an_address_asking_too_often_is_stopped() {
        reset.request("zoe.martin-dupont", "192.0.2.1", Locale.FRENCH);
        String token = token(await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 1)
                .getFirst());
        jdbc.sql("update password_reset set expires_at = ?").param(Timestamp.from(Instant.now().minusSeconds(1)))
                .update();
        assertThat(reset.holder(token)).isEmpty();

        for (int request = 1; request <= 30; request++) {
            assertThat(reset.request("personne" + request, "203.0.113.9", Locale.FRENCH)).isEmpty();
        }
        assertThat(reset.request("zoe.martin-dupont", "203.0.113.9", Locale.FRENCH))
                .contains(Refusal.ADDRESS_LOCKED);
    }

    @Test
    void on_a_phone_the_holder_asks_reads_the_mail_and_chooses_a_new_password() {
        try (Browser phone = Browser.phone()) {
            phone.open("http://localhost:" + port + "/mot-de-passe?identifiant=zoe.martin-dupont");
            phone.awaitText("h1", "Mot de passe oublié");
            phone.awaitText("vaadin-button", "Envoyer le lien").click();
            phone.awaitText("p", "Si un compte activé correspond à « zoe.martin-dupont »");
            phone.screenshot("reset-phone-1");
            String token = token(await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address),
                    m -> m.size() == 1).getFirst());

            phone.open("http://localhost:" + port + "/mot-de-passe?jeton=" + token);
            phone.awaitText("p", "zoe.martin-dupont");
            phone.type("vaadin-password-field input", NEW_PASSWORD);
            phone.type("vaadin-password-field:nth-of-type(2) input", NEW_PASSWORD);
            phone.awaitText("li", "✓ Les deux saisies sont identiques");
            phone.screenshot("reset-phone-2");
            phone.awaitText("vaadin-button", "Enregistrer le mot de passe").click();
            phone.awaitText("h1", "Mot de passe changé");
            phone.screenshot("reset-phone-3");

            phone.open("http://localhost:" + port + "/mot-de-passe?jeton=" + token);
            phone.awaitText("p", "Ce lien ne fonctionne plus");
        }
    }

    @Test
    void a_director_sends_the_link_only_when_the_account_and_the_school_have_an_address() {
        String to = fixtures.as(director, () -> reset.sendFor(school, "zoe.martin-dupont", Locale.FRENCH));

        assertThat(to).isEqualTo(address);
        String token = token(await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 1)
                .getFirst());
        assertThat(reset.holder(token)).isPresent();
        // refused, saying why: an account not activated, a school without its address; anyone else: not theirs
        assertThatThrownBy(() -> fixtures.as(director, () -> reset.sendFor(school, "noel.boeuf", Locale.FRENCH)))
                .isInstanceOfSatisfying(PasswordReset.ResetRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo("NOT_ACTIVATED"));
        jdbc.sql("update school set contact_email = null where uai = ?").param(school).update();
        assertThatThrownBy(() -> fixtures.as(director, () -> reset.sendFor(school, "zoe.martin-dupont",
                Locale.FRENCH))).isInstanceOfSatisfying(PasswordReset.ResetRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo("NO_SCHOOL_EMAIL"));
        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> reset.sendFor(school, "zoe.martin-dupont",
                Locale.FRENCH))).isInstanceOf(AccessDeniedException.class);
        assertThat(mailsTo(address)).hasSize(1);
    }

    private List<SentMail> mailsTo(String to) {
        return mailbox.sentMails().stream().filter(mail -> mail.to().contains(to)).toList();
    }

    private static String token(SentMail mail) {
        Matcher link = Pattern.compile("mot-de-passe\\?jeton=([A-Za-z0-9_-]+)").matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();
        return link.group(1);
    }

}
