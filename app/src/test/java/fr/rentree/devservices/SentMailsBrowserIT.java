package fr.rentree.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Courriels envoyés": a director reads the mails written for their schools only (the {@code X-Rentree-School}
 * header), district staff none; and a long list scrolls. The grid showed every row at once, and Vaadin refuses to
 * send more than ten pages in one go: the page failed with "Une erreur inattendue" (seen in CI after the crash test's
 * 2,099 e-mails).
 */
@RentreeIntegrationTest
class SentMailsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MailService mail;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    SentMails sentMails;

    @Test
    void thousands_of_e_mails_are_listed_without_an_error() {
        var school = fixtures.schoolWithDirector("Collège Albert-Camus");
        String uai = school.school().uai();
        int before = mailbox.sentMails().size();
        try (MailService.Connection smtp = mail.connect()) {
            for (int i = 0; i < 1_000; i++) {
                smtp.send(new OutgoingMail("famille" + i + "@exemple.fr", "Votre compte ENT – Collège n° " + i,
                        "Bonjour", null, Map.of(), null, uai));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.sentMails().size() >= before + 1_000);

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/dev/courriels");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h2", "Courriels envoyés");
            browser.awaitText("vaadin-grid-cell-content", "@exemple.fr");
            browser.driver().executeScript("document.querySelector('vaadin-grid').scrollToIndex(900)");
            browser.awaitText("vaadin-grid-cell-content", "Collège n°");
            browser.screenshot("sent-mails-thousands");
            assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).isEmpty();
        }
    }

    @Test
    void each_director_reads_the_mails_of_their_own_schools_and_district_staff_none() {
        var pasteur = fixtures.schoolWithDirector("Collège Louis-Pasteur");
        var curie = fixtures.schoolWithDirector("Collège Marie-Curie");
        String officer = fixtures.districtOfficer(Set.of(pasteur.school().uai(), curie.school().uai()));
        try (MailService.Connection smtp = mail.connect()) {
            smtp.send(new OutgoingMail("famille.pasteur@exemple.fr", "Votre compte ENT – Collège Louis-Pasteur",
                    "Votre code : PASTEUR1", null, Map.of(), null, pasteur.school().uai()));
            smtp.send(new OutgoingMail("famille.curie@exemple.fr", "Votre compte ENT – Collège Marie-Curie",
                    "Votre code : CURIE222", null, Map.of(), null, curie.school().uai()));
            smtp.send(new OutgoingMail("personne@exemple.fr", "Un courriel d'aucun établissement", "Bonjour", null,
                    Map.of(), null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.sentMails().stream()
                .anyMatch(sent -> sent.to().contains("personne@exemple.fr")));

        // the service, as each user's screen calls it
        assertThat(fixtures.as(pasteur.director(), sentMails::mine)).extracting(SentMail::to)
                .containsExactly("famille.pasteur@exemple.fr");
        assertThat(fixtures.as(curie.director(), sentMails::mine)).extracting(SentMail::to)
                .containsExactly("famille.curie@exemple.fr");
        assertThat(fixtures.as(officer, sentMails::mine)).isEmpty();

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/dev/courriels");
            browser.signIn(pasteur.director(), Fixtures.PASSWORD);
            browser.awaitText("vaadin-grid-cell-content", "famille.pasteur@exemple.fr");
            browser.screenshot("sent-mails-own-school");
            // who the family sees the mail from, decoded as their mail reader shows it
            assertThat(browser.deepText("vaadin-grid")).contains("Expéditeur",
                    "Rentrée <ne-pas-repondre@rentree.localhost>");
            assertThat(browser.deepText("vaadin-grid")).doesNotContain("famille.curie@exemple.fr",
                    "personne@exemple.fr");
        }
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/dev/courriels");
            browser.signIn(officer, Fixtures.PASSWORD);
            browser.awaitText("h2", "Page introuvable");
            assertThat(browser.driver().getPageSource()).doesNotContain("famille.pasteur@exemple.fr",
                    "famille.curie@exemple.fr");
            assertThat(browser.driver().findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Courriels"
                    + " envoyés')]"))).isEmpty();
        }
    }
}
