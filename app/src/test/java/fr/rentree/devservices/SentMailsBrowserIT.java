package fr.rentree.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

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
 * "Courriels envoyés" after a campaign of thousands of e-mails. The grid showed every row at once, and Vaadin refuses
 * to send more than ten pages in one go: the page failed with "Une erreur inattendue" (seen in CI after the crash
 * test's 2,099 e-mails). Now a long list scrolls.
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

    @Test
    void thousands_of_e_mails_are_listed_without_an_error() {
        int before = mailbox.sentMails().size();
        try (MailService.Connection smtp = mail.connect()) {
            for (int i = 0; i < 1_000; i++) {
                smtp.send(new OutgoingMail("famille" + i + "@exemple.fr", "Votre compte ENT – Collège n° " + i,
                        "Bonjour", null, Map.of(), null));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.sentMails().size() >= before + 1_000);
        String director = fixtures.schoolWithDirector("Collège Albert-Camus").director();

        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/dev/courriels");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("h2", "Courriels envoyés");
            browser.awaitText("vaadin-grid-cell-content", "@exemple.fr");
            browser.driver().executeScript("document.querySelector('vaadin-grid').scrollToIndex(900)");
            browser.awaitText("vaadin-grid-cell-content", "Collège n°");
            browser.screenshot("sent-mails-thousands");
            assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).isEmpty();
        }
    }
}
