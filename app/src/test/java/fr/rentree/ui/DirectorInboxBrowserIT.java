package fr.rentree.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.SelectionCriteria;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.process.service.InboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A director signs in, completes the first step of a campaign from "Mes tâches" and stops the campaign from
 * "Campagnes", in a real Chromium.
 */
@RentreeIntegrationTest
class DirectorInboxBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;
    @Autowired
    JavaMailSenderImpl smtp;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName()); // what the page showed at the end
        browser.close();
    }

    @Test
    void a_wrong_password_is_refused_in_french() {
        browser.open("http://localhost:" + port + "/login");
        browser.signIn("personne", "mauvais");

        browser.awaitDeepText("vaadin-login-form", "Identifiant ou mot de passe incorrect");
        assertThat(browser.currentUrl()).endsWith("/login?error");
        browser.screenshot("login-error");
    }

    @Test
    void a_director_completes_the_selection_step_from_the_inbox() {
        var school = fixtures.schoolWithDirector("École élémentaire Pasteur");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));
        assertThat(fixtures.as(school.director(), () -> inbox.inboxSize())).isEqualTo(1);

        browser.open("http://localhost:" + port + "/");
        browser.awaitDeepText("vaadin-login-form", "Connexion");
        browser.screenshot("login");
        browser.signIn(school.director(), Fixtures.PASSWORD);

        browser.awaitText("h2", "Mes tâches");
        browser.awaitText("p", "Une tâche vous attend.");
        browser.awaitText("vaadin-grid-cell-content", "Sélectionner les destinataires");
        browser.awaitText("vaadin-grid-cell-content", "École élémentaire Pasteur");
        browser.screenshot("inbox");

        browser.awaitText("vaadin-button", "Ouvrir").click();
        browser.awaitText("vaadin-checkbox", "Parent");
        browser.awaitText("vaadin-checkbox", "Élève").click(); // untick pupils: parents only
        browser.screenshot("select-recipients");
        browser.awaitText("vaadin-button", "Valider la sélection").click();

        browser.awaitDeepText("vaadin-notification-card", "« Sélectionner les destinataires » : c'est fait");
        browser.awaitText("p", "Aucune tâche en attente");
        browser.screenshot("inbox-done");
        Campaign done = campaigns.find(campaign.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(CampaignState.RUNNING);
        assertThat(done.selection().orElseThrow().profiles()).isEqualTo(Set.of(Profile.PARENT));

        // once the confirmation step has run, the campaign waits for its progress check
        await().atMost(Duration.ofSeconds(30))
                .until(() -> campaigns.find(campaign.id()).orElseThrow().selectionConfirmedAt() != null);
        browser.awaitText("vaadin-side-nav-item", "Campagnes").click();
        browser.awaitText("vaadin-grid-cell-content", "En attente jusqu'au point d'étape");
        browser.awaitText("vaadin-grid-cell-content", "Parent");
        browser.screenshot("campaigns");

        // stopping the campaign asks first, then the process ends at once
        browser.awaitText("vaadin-button", "Arrêter").click();
        browser.awaitText("vaadin-button", "Arrêter la campagne");
        browser.screenshot("campaign-cancel-confirmation");
        browser.awaitText("vaadin-button", "Arrêter la campagne").click();
        browser.awaitText("vaadin-grid-cell-content", "Arrêtée");
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.CANCELLED);
        browser.screenshot("campaign-cancelled");

        // the confirmation e-mail, read in the dev-only page
        browser.awaitText("vaadin-side-nav-item", "Courriels envoyés").click();
        browser.awaitText("vaadin-grid-cell-content", "Rentrée : sélection enregistrée pour École élémentaire Pasteur")
                .click();
        browser.awaitText("pre", "Profils : Parent");
        browser.screenshot("sent-mails");
    }

    @Test
    void a_step_that_failed_on_every_retry_shows_as_an_incident_that_the_director_retries() throws IOException {
        var school = fixtures.schoolWithDirector("École Jules-Ferry");
        Campaign campaign = fixtures.as(school.director(), () -> campaigns.launch(school.school().uai()));
        String task = fixtures.as(school.director(), () -> inbox.inbox(0, 1)).getFirst().id();
        int smtpPort = smtp.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort()); // the SMTP server is down while the confirmation is tried
        }
        try {
            fixtures.as(school.director(), () -> campaigns.submitSelection(task,
                    new SelectionCriteria(EnumSet.of(Profile.PARENT), ActivationFilter.NOT_ACTIVATED)));
            await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(school.director(),
                    () -> campaigns.overview()).stream().anyMatch(o -> o.campaign().id().equals(campaign.id())
                    && !o.incidents().isEmpty()));
        } finally {
            smtp.setPort(smtpPort);
        }

        browser.open("http://localhost:" + port + "/campagnes");
        browser.signIn(school.director(), Fixtures.PASSWORD);
        browser.awaitText("span", "Incident");
        browser.awaitText("vaadin-grid-cell-content", "Confirmation de la sélection à l'école");
        browser.screenshot("campaign-incident");
        browser.awaitText("vaadin-button", "Réessayer").click();

        browser.awaitDeepText("vaadin-notification-card", "L'étape en échec est relancée.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> campaigns.find(campaign.id()).orElseThrow().selectionConfirmedAt() != null);
        browser.open("http://localhost:" + port + "/campagnes");
        browser.awaitText("vaadin-grid-cell-content", "En attente jusqu'au point d'étape");
        browser.awaitGone("span", "Incident");
        browser.screenshot("campaign-incident-retried");
    }
}
