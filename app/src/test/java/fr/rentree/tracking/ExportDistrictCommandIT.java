package fr.rentree.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.JarCommand;
import fr.rentree.support.JarCommand.Run;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.service.DistrictDashboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@code export-district} as the académie's reporting runs it: the packaged jar writes the dashboard's table of a
 * district's campaign as CSV, and refuses in French what it cannot do.
 */
@RentreeIntegrationTest
class ExportDistrictCommandIT {

    private static final String DISTRICT = "Circonscription d’Aubervilliers";

    @Autowired
    Environment environment;
    @Autowired
    SchoolService schools;
    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    @Test
    void the_newest_campaign_of_a_district_is_written_as_csv_and_what_cannot_be_is_refused_in_french()
            throws Exception {
        List<String> uais = List.of(Uai.of(9_250_001), Uai.of(9_250_002));
        for (String uai : uais) {
            schools.createIfAbsent(new School(uai, "École " + uai, SchoolKind.ECOLE, DISTRICT, "Aubervilliers", null,
                    null));
        }
        String officer = fixtures.districtOfficer(Set.copyOf(uais));
        DistrictCampaign campaign = fixtures.as(officer, () -> districtCampaigns.launch(DISTRICT, new DistrictPlan(
                new CampaignPlan("Rentrée", LocalDate.now().plusWeeks(4), 90, Duration.ofDays(7)),
                Duration.ofDays(5)), uais));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.as(officer, () -> dashboard.page(campaign.id(),
                DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, 0, 10)).stream()
                .allMatch(line -> line.campaignId() != null));
        // a UTF-8 locale: the JVM reads its arguments in the locale's charset (the README says so)
        JarCommand jar = new JarCommand(environment);

        Path file = folder.resolve("aubervilliers.csv");
        Run done = jar.run("export-district", "--district", DISTRICT, "--out", file.toString());
        assertThat(done.exitCode()).as(done.output()).isZero();
        assertThat(done.output()).contains("Campagne « Rentrée » de " + DISTRICT + " : 2 écoles dans "
                + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("\ufeffÉtablissement;UAI;Type;Commune;Étape;Jours à cette étape;"
                + "En retard;Campagne de l’école;Incidents;Taux d’activation (%);Évolution sur 7 jours (points);"
                + "Élèves (%);Parents (%);Enseignants (%);Personnels (%);Comptes;Comptes activés;Courriels envoyés;"
                + "Courriels refusés;Courriels revenus;Fiches imprimées;Fiches distribuées");
        assertThat(lines.get(1)).startsWith("École " + uais.get(0) + ";" + uais.get(0)
                + ";École;Aubervilliers;Sélection des destinataires;0;non;non;0;");
        assertThat(lines.get(1)).endsWith(";0;0;0;0;0");

        Run unknown = jar.run("export-district", "--district", "Nulle part", "--out", file.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("Aucune campagne de circonscription pour « Nulle part »");
        Run other = jar.run("export-district", "--district", DISTRICT, "--campaign", "999999", "--out",
                file.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.output()).contains("La campagne 999999 n’est pas une campagne de");
        Run usage = jar.run("export-district", "--district", DISTRICT);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage : java -jar rentree-app.jar export-district");
        Run unwritable = jar.run("export-district", "--district", DISTRICT, "--out",
                folder.resolve("absent/aubervilliers.csv").toString());
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.output()).contains("ne peut pas être écrit");
    }
}
