package fr.rentree.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import fr.rentree.devservices.DevMailbox;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.mailing.service.SendOutcome;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Spring Mail to a real SMTP server (GreenMail), French text intact: sender, subject and body, decoded. */
@RentreeIntegrationTest
class MailServiceIT {

    @Autowired
    MailService mail;
    @Autowired
    DevMailbox mailbox;

    @Test
    void a_mail_sent_through_spring_mail_arrives_with_its_accents() {
        SendOutcome outcome;
        try (MailService.Connection smtp = mail.connect()) {
            outcome = smtp.send(new OutgoingMail("parent.helene@example.fr", "Vos identifiants ENT — École Jules-Ferry",
                    "Bonjour,\nvoici le code d’activation de Zoé : K7PX3MQA.\nÀ bientôt, l’équipe de l’école.", null,
                    Map.of(), null));
        }
        assertThat(outcome.accepted()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mailbox.sentMails())
                .filteredOn(m -> m.to().equals("parent.helene@example.fr"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Vos identifiants ENT — École Jules-Ferry");
                    assertThat(m.body()).contains("code d’activation de Zoé : K7PX3MQA", "À bientôt");
                    // decoded from the header: Spring Boot reads application.properties as ISO-8859-1, and a UTF-8
                    // "Rentrée" there reached every family as "RentrÃ©e"
                    assertThat(m.from()).isEqualTo("Rentrée <ne-pas-repondre@rentree.localhost>");
                }));
    }
}
