package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.Fixtures;
import fr.rentree.support.ForkedApplication;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The application killed ({@code kill -9}) while it sends 2,000 e-mails, then started again: every recipient gets
 * their e-mail, at most the one in flight at the kill twice (its Message-ID says which), and every delivery row says
 * what happened. The sending runs in forked JVMs on this test's MariaDB and GreenMail; this JVM's job executor is
 * stopped meanwhile, so only they send.
 */
@RentreeIntegrationTest
class MailCrashIT {

    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Environment environment;
    @Value("${rentree.activation-codes.key-file}")
    Path keyFile;
    @TempDir
    Path folder;

    @Test
    void a_kill_while_sending_loses_no_e_mail_and_sends_at_most_the_one_in_flight_twice() throws Exception {
        var school = fixtures.schoolWithDirector("Collège Simone-Veil");
        String uai = school.school().uai();
        fixtures.importGenerated(new DemoSchool(uai, "Collège Simone-Veil", DemoSchool.Kind.COLLEGE, 2_700), folder);
        String director = school.director();
        RecipientSelection withAddress = new RecipientSelection(uai, Set.of(Profile.PARENT), Set.of(),
                ActivationFilter.ALL, EmailFilter.WITH_EMAIL, LocalAdminFilter.ALL, null, null, false);
        Distribution byMail = new Distribution(DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD,
                SheetLayout.ONE_PER_PAGE, DistributionMode.EMAIL);

        try (AutoCloseable paused = fixtures.pauseJobs()) {
            Campaign campaign = fixtures.as(director, () -> campaigns.launch(uai, new CampaignPlan("Rentrée",
                    LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
            fixtures.as(director, () -> campaigns.submitSelection(inbox.inbox(0, 1).getFirst().id(), withAddress));
            int mails = fixtures.as(director, () -> campaigns.validate(inbox.inbox(0, 1).getFirst().id(), byMail))
                    .mails();
            assertThat(mails).as("the e-mails of the test").isBetween(2_000, 2_300);

            try (ForkedApplication first = ForkedApplication.start(settings(), folder.resolve("first.log"))) {
                await().atMost(Duration.ofMinutes(3)).until(() -> sent(campaign) >= 300 || !first.isAlive());
                first.kill();
            }
            int sentAtKill = sent(campaign);
            assertThat(sentAtKill).as("killed mid-sending").isBetween(300, mails - 1);

            try (ForkedApplication second = ForkedApplication.start(settings(), folder.resolve("second.log"))) {
                await().atMost(Duration.ofMinutes(3)).until(() -> sent(campaign) == mails);
            }

            List<String> sentIds = jdbc.sql("""
                            select d.message_id from delivery d join campaign_round r on r.id = d.round_id
                            where r.campaign_id = ? and d.status = 'SENT'""")
                    .param(campaign.id()).query(String.class).list();
            assertThat(sentIds).as("every row sent, each with its Message-ID").hasSize(mails).doesNotContainNull();
            Map<String, Long> received = mailbox.sentMails().stream()
                    .filter(mail -> mail.subject().contains("Collège Simone-Veil"))
                    .collect(Collectors.groupingBy(SentMail::messageId, Collectors.counting()));
            assertThat(received.keySet()).as("no recipient without an e-mail").containsAll(sentIds);
            assertThat(received.values().stream().filter(copies -> copies > 1).toList())
                    .as("at most the e-mail in flight at the kill arrived twice").hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(copies -> assertThat(copies).isEqualTo(2L));
            assertThat(received.values().stream().mapToLong(Long::longValue).sum())
                    .isBetween((long) mails, mails + 1L);
        }
    }

    /**
     * The forked application on this test's database and SMTP server; a killed instance's job is taken again 10 s
     * later, and the e-mails leave in slices of 2 s, well within that lock even on a loaded machine.
     */
    private Map<String, String> settings() {
        return Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("rentree.dev-services.enabled", "false"),
                Map.entry("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url")),
                Map.entry("spring.datasource.username", environment.getProperty("spring.datasource.username", "")),
                Map.entry("spring.datasource.password", environment.getProperty("spring.datasource.password", "")),
                Map.entry("spring.mail.host", smtp.getHost()),
                Map.entry("spring.mail.port", String.valueOf(smtp.getPort())),
                Map.entry("rentree.activation-codes.key-file", keyFile.toAbsolutePath().toString()),
                Map.entry("rentree.campaign.sheets-dir", folder.resolve("sheets").toString()),
                Map.entry("rentree.process.job-wait", "100"),
                Map.entry("rentree.process.job-max-wait", "1000"),
                Map.entry("rentree.process.job-lock", "10000"),
                Map.entry("rentree.campaign.mail-slice", "PT2S"),
                Map.entry("vaadin.launch-browser", "false"));
    }

    private int sent(Campaign campaign) {
        return jdbc.sql("""
                        select count(*) from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.status = 'SENT'""")
                .param(campaign.id()).query(Integer.class).single();
    }
}
