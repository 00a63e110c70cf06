package fr.rentree.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.CampaignState;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A director signs in and runs a campaign in a real Chromium: launch, select, verify, confirm the e-mails and the
 * PDF, hand out the sheets, stop it; and retries a step that failed.
 */
@RentreeIntegrationTest
class DirectorInboxBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    DirectoryService directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;
    @Autowired
    ProcessService processes;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    JdbcClient jdbc;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName()); // what the page showed at the end
        List<String> refused = browser.contentSecurityPolicyViolations();
        browser.close();
        assertThat(refused).as("what the Content Security Policy refused").isEmpty();
    }

    @Test
    void empty_fields_and_a_wrong_password_are_refused_in_french() {
        browser.open("http://localhost:" + port + "/login");
        browser.await(By.cssSelector("vaadin-login-form vaadin-button")).click();
        browser.awaitDeepText("vaadin-login-form", "Saisissez votre identifiant.");
        browser.awaitDeepText("vaadin-login-form", "Saisissez votre mot de passe.");
        browser.screenshot("login-empty");

        browser.signIn("personne", "mauvais");

        browser.awaitDeepText("vaadin-login-form", "Identifiant ou mot de passe incorrect");
        assertThat(browser.currentUrl()).endsWith("/login?error");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.await(By.cssSelector(
                "vaadin-text-field[name='username'] input")).getDomProperty("value"), "personne"::equals);
        assertThat(browser.await(By.cssSelector("vaadin-password-field[name='password'] input"))
                .getDomProperty("value")).as("the password is typed anew").isEmpty();
        browser.screenshot("login-error");
    }

    @Test
    void a_director_launches_a_campaign_selects_verifies_sends_and_hands_out_the_sheets(@TempDir Path folder) {
        var school = fixtures.schoolWithAccounts("Collège Pasteur", folder);

        browser.open("http://localhost:" + port + "/campagnes");
        browser.awaitDeepText("vaadin-login-form", "Connexion");
        browser.screenshot("login");
        browser.signIn(school.director(), Fixtures.PASSWORD);

        // launch: the defaults are sensible, one click
        browser.awaitText("h2", "Campagnes");
        browser.screenshot("campaign-launch");
        // the deadline's calendar speaks French
        LocalDate deadline = LocalDate.now().plusWeeks(6);
        browser.await(By.cssSelector("vaadin-date-picker input")).click();
        browser.awaitDeepText("vaadin-date-picker-overlay", deadline.getMonth().getDisplayName(
                TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + deadline.getYear());
        browser.awaitDeepText("vaadin-date-picker-overlay", "Aujourd’hui");
        assertThat(browser.deepText("vaadin-date-picker-overlay")).as("the week starts on Monday")
                .containsSubsequence("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.");
        browser.screenshot("campaign-deadline-calendar");
        browser.await(By.cssSelector("vaadin-date-picker input")).sendKeys(Keys.ESCAPE);
        browser.await(By.id("campaign-launch")).click();
        browser.awaitDeepText("vaadin-notification-card", "Campagne lancée pour le collège Pasteur");
        Campaign campaign = campaigns.find(fixtures.as(school.director(), () -> campaigns.myCampaigns())
                .getFirst().id()).orElseThrow();
        assertThat(campaign.name()).startsWith("Rentrée 20");
        assertThat(campaign.targetPercent()).isEqualTo(90);

        // step 1: every filter of the seeds, counted live
        browser.awaitText("vaadin-side-nav-item", "Mes tâches").click();
        browser.awaitText("vaadin-grid-cell-content", "Sélectionner les destinataires");
        browser.awaitText("vaadin-button", "Ouvrir").click();
        browser.awaitText("span", "8 comptes sélectionnés, dont 4 sans adresse électronique.");
        browser.awaitText("vaadin-checkbox", "Enseignant").click(); // teachers too
        browser.awaitText("span", "10 comptes sélectionnés, dont 6 sans adresse électronique.");
        browser.screenshot("select-recipients");
        browser.awaitText("vaadin-button", "Valider la sélection").click();
        browser.awaitDeepText("vaadin-notification-card", "c’est fait");

        // steps 2 and 3: the list with its codes, then the exact numbers before anything leaves
        browser.awaitText("vaadin-grid-cell-content", "Vérifier la liste et choisir l’envoi");
        browser.awaitText("vaadin-button", "Ouvrir").click();
        browser.awaitText("p", "10 comptes sélectionnés, dont 6 sans adresse électronique.");
        browser.awaitText("vaadin-grid-cell-content", "anne-sophie.boeuf");
        browser.screenshot("verify-recipients");
        browser.await(By.id("verify-validate")).click();
        browser.awaitText("span", "4 courriels seront envoyés et 6 fiches seront à imprimer.");
        browser.screenshot("verify-confirmation");
        // the button says all it starts: e-mails and a PDF (it said "Envoyer" only)
        browser.awaitText("vaadin-button", "Envoyer et générer le PDF").click();

        // the PDF is generated in the background, then the hand-out waits in the inbox
        browser.awaitText("vaadin-grid-cell-content", "Distribuer les fiches");
        browser.awaitText("vaadin-button", "Ouvrir").click();
        browser.awaitText("p", "Le PDF des 6 fiches est prêt.");
        byte[] pdf = browser.download(browser.await(By.id("hand-out-download")));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        browser.awaitText("vaadin-checkbox", "Classe 6A (2 fiches) remise").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from handed_out_pile p join campaign_round r on r.id = p.round_id
                where r.campaign_id = ? and p.pile_name = '6A'""").param(campaign.id()).query(Integer.class)
                .single() == 1);
        browser.screenshot("hand-out");
        browser.await(By.id("hand-out-finish")).click();
        browser.awaitText("p", "Aucune tâche en attente");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.sentMails().stream()
                .filter(m -> m.subject().contains("Collège Pasteur")).count() == 4);

        // the campaign waits a cadence: its page draws the diagram with the current step and the round's counts
        browser.awaitText("vaadin-side-nav-item", "Campagnes").click();
        // the wait says until when (it did not)
        browser.awaitText("vaadin-grid-cell-content", "En attente jusqu’au prochain point d’étape, le "
                + LocalDate.now().plusWeeks(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.screenshot("campaigns");
        browser.awaitText("a", campaign.name()).click();
        browser.await(By.cssSelector("#campaign-diagram[data-drawn] g[data-element-id=WaitCadence].step-current"));
        browser.await(By.cssSelector("#campaign-diagram g[data-element-id=SendMails].step-done"));
        browser.await(By.cssSelector("#campaign-diagram .bjs-powered-by")); // bpmn.io's watermark stays
        browser.awaitText("li", "✓ Distribution des fiches — le");
        browser.awaitText("li", "● En attente jusqu’au prochain point d’étape, le ");
        browser.awaitText("vaadin-grid-cell-content", "4 sur 4");
        browser.awaitText("vaadin-grid-cell-content", "6 dans le PDF");
        browser.awaitText("p", "0\u00a0% des comptes distribués sont activés (0 sur 10");
        browser.screenshot("campaign-page-bottom");
        browser.scrollTo("#campaign-page > h2");
        browser.screenshot("campaign-page");

        // a cadence later, 3 of 10 activated: the page shows the count on its chart and the reminder round
        List<Long> accounts = jdbc.sql("select id from account where school_uai = ? order by id")
                .param(school.school().uai()).query(Long.class).list();
        directory.recordActivations(accounts.subList(0, 3));
        fixtures.fireTimer(campaign.processInstanceId());
        browser.awaitText("vaadin-grid-cell-content", "Relance 1"); // the page refreshes itself
        browser.await(By.cssSelector("#campaign-chart[data-drawn] canvas"));
        browser.awaitText("p", "30\u00a0% des comptes distribués sont activés (3 sur 10");
        browser.screenshot("campaign-page-chart");
        browser.scrollTo("#campaign-diagram");
        browser.await(By.cssSelector("#campaign-diagram g[data-element-id=HandOutSheets].step-current"));
        browser.awaitText("li", "● Distribution des fiches — en cours");
        browser.awaitGone("li", "Distribution terminée — en cours");
        browser.scrollTo("#campaign-page > h2");
        browser.screenshot("campaign-page-reminder");

        // stopping it asks first
        browser.await(By.id("campaign-cancel")).click();
        browser.awaitDeepText("vaadin-confirm-dialog-overlay", "plus aucune tâche, aucun envoi ni aucune relance");
        browser.await(By.cssSelector("vaadin-button[slot=confirm-button]")).click();
        browser.awaitDeepText("vaadin-notification-card", "La campagne est arrêtée.");
        browser.awaitText("p", "Arrêtée");
        browser.awaitText("li", "Campagne arrêtée");
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.CANCELLED);
        browser.screenshot("campaign-page-stopped");

        // an e-mail as the family reads it, in the dev-only page
        browser.awaitText("vaadin-side-nav-item", "Courriels envoyés").click();
        browser.awaitText("vaadin-grid-cell-content", "anne-sophie.boeuf@exemple.fr").click();
        browser.awaitText("pre", "Code d’activation");
        browser.screenshot("sent-mails");
    }

    @Test
    void a_step_that_failed_on_every_retry_shows_as_an_incident_that_the_director_retries(@TempDir Path folder)
            throws IOException {
        var school = fixtures.schoolWithAccounts("Collège Jules-Ferry", folder);
        String director = school.director();
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(school.school().uai(),
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        fixtures.as(director, () -> campaigns.submitSelection(inbox.inbox(0, 1).getFirst().id(),
                RecipientSelection.defaults(school.school().uai())));
        int smtpPort = smtp.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort()); // the SMTP server is down while the e-mails are tried
        }
        try {
            fixtures.as(director, () -> campaigns.validate(inbox.inbox(0, 1).getFirst().id(), new Distribution(
                    DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD, SheetLayout.ONE_PER_PAGE,
                    DistributionMode.EMAIL)));
            await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.as(director,
                    () -> campaigns.overview()).stream().anyMatch(o -> o.campaign().id().equals(campaign.id())
                    && !o.incidents().isEmpty()));
        } finally {
            smtp.setPort(smtpPort);
        }

        browser.open("http://localhost:" + port + "/campagnes");
        browser.signIn(director, Fixtures.PASSWORD);
        browser.awaitText("span", "Incident");
        browser.awaitText("vaadin-grid-cell-content", "Envoi des courriels");
        browser.screenshot("campaign-incident");

        // its page says what failed and what retrying does; the step shows red on the diagram
        browser.awaitText("a", campaign.name()).click();
        browser.awaitText("span", "L’étape «\u00a0Envoi des courriels\u00a0» a échoué à chaque essai");
        browser.awaitText("p", "Aucun courriel déjà parti ne sera renvoyé");
        browser.await(By.cssSelector("#campaign-diagram[data-drawn] g[data-element-id=SendMails].step-failing"));
        browser.awaitText("li", "✗ Envoi des courriels — en échec");
        browser.scrollTo("#campaign-page > h2");
        browser.screenshot("campaign-page-incident");
        browser.await(By.id("campaign-retry")).click();

        browser.awaitDeepText("vaadin-notification-card", "L’étape en échec est relancée.");
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.as(director,
                () -> processes.currentSteps(campaign.processInstanceId())).stream()
                .anyMatch(step -> step.id().equals("WaitCadence")));
        browser.awaitText("li", "● En attente jusqu’au prochain point d’étape, le ");
        browser.awaitGone("span", "a échoué à chaque essai");
        browser.awaitText("vaadin-grid-cell-content", "4 sur 4");
        browser.screenshot("campaign-page-retried");
        browser.open("http://localhost:" + port + "/campagnes");
        browser.awaitText("vaadin-grid-cell-content", "En attente jusqu’au prochain point d’étape");
        browser.awaitGone("span", "Incident");
    }
}
