package fr.rentree.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignState;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.SchoolLine;
import fr.rentree.tracking.service.DistrictDashboard;
import fr.rentree.tracking.service.DistrictReportService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A district campaign's final report on the real engine and MariaDB: written by its process however it ends (its
 * schools done, its deadline, stopped), kept once (a retry rewrites it), its PDF and CSV holding the district's and
 * each school's figures, readable by the district's staff and the administrators only.
 */
@RentreeIntegrationTest
class DistrictReportIT {

    private static final AtomicInteger SCHOOLS = new AtomicInteger(9_260_000);

    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    DistrictCampaigns reads;
    @Autowired
    CampaignService campaigns;
    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    DistrictReportService reports;
    @Autowired
    SchoolService schools;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_campaign_whose_schools_all_ended_reports_the_district_each_school_and_those_under_target()
            throws IOException {
        District district = district("Circonscription de Rosny", List.of("École Jaurès", "Collège Curie",
                "=Lycée Zola"));
        String jaures = district.uais().get(0);
        String curie = district.uais().get(1);
        String zola = district.uais().get(2);
        // Jaurès 18 of 24 (75 %), Curie 4 of 21 (19 %: under the target of 60 %), Zola no account at all
        tally(jaures, Map.of("STUDENT", new int[] {9, 10}, "PARENT", new int[] {6, 10}, "TEACHER", new int[] {2, 2},
                "STAFF", new int[] {1, 2}));
        tally(curie, Map.of("STUDENT", new int[] {2, 10}, "PARENT", new int[] {1, 10}, "STAFF", new int[] {1, 1}));
        DistrictCampaign launched = launchAndWait(district, "Rentrée R");
        assertThat(fixtures.as(district.officer(), () -> reports.writtenAt(launched.id()))).as("while it runs")
                .isEmpty();

        for (SchoolLine line : lines(district, launched)) {
            fixtures.as(fixtures.directorOf(line.schoolUai()), () -> campaigns.cancel(line.campaignId()));
        }
        awaitEnd(district, launched, DistrictCampaignState.FINISHED);

        String pdf = pdfText(district, launched);
        assertThat(pdf).contains("Rapport final · Circonscription de Rosny", "Rentrée R",
                "Terminée\u00a0: toutes les écoles ont fini leur campagne.",
                "Taux d’activation final\u00a0: 49\u00a0% (22 / 45) — objectif 60\u00a0%",
                "Élèves", "55\u00a0% (11 / 20)", "Parents", "35\u00a0% (7 / 20)", "Enseignants", "100\u00a0% (2 / 2)",
                "Personnels", "67\u00a0% (2 / 3)", "Les écoles (3)",
                "École Jaurès " + jaures + " École Arrêtée 75\u00a0% (18 / 24)",
                "Collège Curie " + curie + " Collège Arrêtée 19\u00a0% (4 / 21)",
                "=Lycée Zola " + zola + " Lycée Arrêtée –",
                "Les écoles sous l’objectif de 60\u00a0% (1)");
        assertThat(pdf.substring(pdf.indexOf("Les écoles sous l’objectif"))).contains("Collège Curie")
                .doesNotContain("École Jaurès", "Lycée Zola");

        String csv = csv(district, launched);
        assertThat(csv).startsWith("\ufeff");
        assertThat(csv.substring(1).lines().toList()).containsExactly(
                "Établissement;UAI;Type;Étape finale;Taux d’activation (%);Élèves (%);Parents (%);Enseignants (%);"
                        + "Personnels (%);Comptes;Comptes activés;Sous l’objectif",
                "'=Lycée Zola;" + zola + ";Lycée;Arrêtée;;;;;;0;0;non",
                "Collège Curie;" + curie + ";Collège;Arrêtée;19;20;10;;100;21;4;oui",
                "École Jaurès;" + jaures + ";École;Arrêtée;75;90;60;100;50;24;18;non",
                "Ensemble de la circonscription;;;;49;55;35;100;67;45;22;oui");
    }

    @Test
    void at_the_deadline_the_report_says_so_and_a_retry_rewrites_it_once() throws IOException {
        District district = district("Circonscription de Gagny", List.of("École Prévert", "Collège Hugo"));
        DistrictCampaign launched = launchAndWait(district, "Rentrée S");
        Job deadline = management.createJobQuery().processInstanceId(launched.processInstanceId()).timers()
                .singleResult();
        management.setJobDuedate(deadline.getId(), new Date());
        awaitEnd(district, launched, DistrictCampaignState.FINISHED);

        assertThat(pdfText(district, launched)).contains("Terminée à l’échéance\u00a0: les campagnes encore ouvertes"
                + " ont été closes.", "Les écoles (2)", "Collège Hugo", "École Prévert", "Terminée –",
                "Aucune école ne reste sous l’objectif de 60\u00a0%.");
        assertThat(csv(district, launched).lines().skip(1)).containsExactly(
                "Collège Hugo;" + district.uais().get(1) + ";Collège;Terminée;;;;;;0;0;non",
                "École Prévert;" + district.uais().get(0) + ";École;Terminée;;;;;;0;0;non",
                "Ensemble de la circonscription;;;;;;;;;0;0;non");

        // the engine runs the step again (a retry after a failure that came once the row was written): one report
        Instant first = fixtures.as(district.officer(), () -> reports.writtenAt(launched.id())).orElseThrow();
        reports.write(launched.id(), true);
        assertThat(jdbc.sql("select count(*) from district_report where district_campaign_id = ?")
                .param(launched.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(fixtures.as(district.officer(), () -> reports.writtenAt(launched.id()))).get()
                .isNotEqualTo(first);
        assertThat(pdfText(district, launched)).contains("Terminée à l’échéance");
    }

    @Test
    void a_stopped_campaign_reports_its_figures_at_the_stop() throws IOException {
        District district = district("Circonscription de Livry", List.of("École Camus"));
        DistrictCampaign launched = launchAndWait(district, "Rentrée T");
        fixtures.as(district.officer(), () -> districtCampaigns.stop(launched.id()));
        awaitEnd(district, launched, DistrictCampaignState.CANCELLED);

        assertThat(pdfText(district, launched)).contains("Arrêtée par la circonscription\u00a0: les chiffres au"
                + " moment de l’arrêt.", "École Camus");
    }

    @Test
    void a_report_that_cannot_be_written_leaves_an_incident_and_its_retry_writes_it_once() throws IOException {
        District district = district("Circonscription de Bagnolet", List.of("École Michelet"));
        DistrictCampaign launched = launchAndWait(district, "Rentrée V");
        // the database refuses this campaign's report (a fault injected for the test)
        jdbc.sql("drop trigger if exists district_report_it_refused").update();
        jdbc.sql("create trigger district_report_it_refused before insert on district_report for each row"
                + " if new.district_campaign_id = " + launched.id() + " then"
                + " signal sqlstate '45000' set message_text = 'refused for the test'; end if").update();
        try {
            SchoolLine school = lines(district, launched).getFirst();
            fixtures.as(fixtures.directorOf(school.schoolUai()), () -> campaigns.cancel(school.campaignId()));
            Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createIncidentQuery()
                    .processInstanceId(launched.processInstanceId()).singleResult(), found -> found != null);
            assertThat(incident.getActivityId()).isEqualTo("WriteFinalReport");
            assertThat(fixtures.as(district.officer(), () -> reports.writtenAt(launched.id()))).isEmpty();
        } finally {
            jdbc.sql("drop trigger district_report_it_refused").update();
        }

        // mended, the step is retried from the incident: the report is written, once, and the campaign ends
        Incident incident = runtime.createIncidentQuery().processInstanceId(launched.processInstanceId())
                .singleResult();
        management.setJobRetries(incident.getConfiguration(), 1);
        awaitEnd(district, launched, DistrictCampaignState.FINISHED);
        assertThat(jdbc.sql("select count(*) from district_report where district_campaign_id = ?")
                .param(launched.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(pdfText(district, launched)).contains("École Michelet");
    }

    @Test
    void only_the_district_staff_and_the_administrators_read_the_report_and_only_the_process_writes_it()
            throws IOException {
        District district = district("Circonscription de Clichy", List.of("École Sand"));
        District other = district("Circonscription de Montfermeil", List.of("École Colette"));
        DistrictCampaign launched = launchAndWait(district, "Rentrée U");
        fixtures.as(district.officer(), () -> districtCampaigns.stop(launched.id()));
        awaitEnd(district, launched, DistrictCampaignState.CANCELLED);
        String director = fixtures.directorOf(district.uais().getFirst());

        for (String stranger : List.of(other.officer(), director)) {
            assertThatThrownBy(() -> fixtures.as(stranger, () -> reports.pdf(launched.id())))
                    .as(stranger).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(stranger, () -> reports.csv(launched.id())))
                    .as(stranger).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(stranger, () -> reports.writtenAt(launched.id())))
                    .as(stranger).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> reports.pdf(launched.id())).as("nobody signed in")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(district.officer(), () -> reports.write(launched.id(), false)))
                .as("district staff do not write it").isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(fixtures.admin(), () -> reports.csv(launched.id()))).isPresent();
        assertThat(pdfText(district, launched)).contains("École Sand");
    }

    private String pdfText(District district, DistrictCampaign campaign) throws IOException {
        byte[] pdf = fixtures.as(district.officer(), () -> reports.pdf(campaign.id())).orElseThrow();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String csv(District district, DistrictCampaign campaign) {
        return new String(fixtures.as(district.officer(), () -> reports.csv(campaign.id())).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    /** Activated and all accounts per profile of the school. */
    private void tally(String uai, Map<String, int[]> profiles) {
        profiles.forEach((profile, counts) -> jdbc.sql("insert into account_tally (school_uai, profile, activated,"
                + " not_activated) values (?, ?, ?, ?)").params(uai, profile, counts[0], counts[1] - counts[0])
                .update());
    }

    private DistrictCampaign launchAndWait(District district, String name) {
        DistrictCampaign launched = fixtures.as(district.officer(), () -> districtCampaigns.launch(district.name(),
                new DistrictPlan(new CampaignPlan(name, LocalDate.now().plusWeeks(6), 60, Duration.ofDays(7)),
                        Duration.ofDays(5)), district.uais()));
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(district, launched).stream()
                .allMatch(line -> line.campaignId() != null
                        && campaigns.find(line.campaignId()).orElseThrow().processInstanceId() != null));
        // and its directors told: only the deadline's timer is left (a stop while the notices are sent races them)
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processInstanceId(launched.processInstanceId()).count() == 1);
        return launched;
    }

    /** Waits until the campaign's process has ended, in this state, and its report is written. */
    private void awaitEnd(District district, DistrictCampaign campaign, DistrictCampaignState state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(campaign.processInstanceId()).count() == 0);
        assertThat(fixtures.as(district.officer(), () -> reads.followed(campaign.id())).state()).isEqualTo(state);
        assertThat(fixtures.as(district.officer(), () -> reports.writtenAt(campaign.id()))).isPresent();
    }

    private List<SchoolLine> lines(District district, DistrictCampaign campaign) {
        return fixtures.as(district.officer(), () -> dashboard.page(campaign.id(), DashboardFilter.ALL,
                DashboardOrder.BY_SCHOOL, 0, 100));
    }

    /** A district of new schools of these names (écoles, collèges, lycées by name) and an officer who follows them. */
    private District district(String name, List<String> names) {
        List<String> uais = new ArrayList<>();
        for (String schoolName : names) {
            String uai = Uai.of(SCHOOLS.incrementAndGet());
            SchoolKind kind = schoolName.contains("Collège") ? SchoolKind.COLLEGE
                    : schoolName.contains("Lycée") ? SchoolKind.LYCEE : SchoolKind.ECOLE;
            schools.createIfAbsent(new School(uai, schoolName, kind, name, "ce." + uai.toLowerCase() + "@ac-test.fr",
                    "https://ent.test.fr"));
            uais.add(uai);
        }
        return new District(name, List.copyOf(uais), fixtures.districtOfficer(Set.copyOf(uais)));
    }

    private record District(String name, List<String> uais, String officer) {
    }
}
