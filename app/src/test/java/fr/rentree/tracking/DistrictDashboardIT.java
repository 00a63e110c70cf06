package fr.rentree.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.process.service.InboxService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DashboardTotals;
import fr.rentree.tracking.domain.Phase;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import fr.rentree.tracking.service.DistrictDashboard;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district dashboard against its database: every combination of its filters and every order it offers give the
 * lines an independent reading of all lines gives; the totals are the sums; the CSV holds the same, with no cell a
 * spreadsheet would run.
 */
@RentreeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictDashboardIT {

    private static final String DISTRICT = "Circonscription du tableau de bord";
    private static final List<String> NAMES = List.of("Anatole France", "Berthe Morisot", "Camille Claudel",
            "=HYPERLINK(\"http://evil.test\")", "Edgar Degas", "Frida Kahlo", "Georges Brassens", "Henri Matisse",
            "Irene Joliot-Curie", "Jean Jaures", "Louise Michel", "Marie Curie");

    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    DistrictCampaignService districtCampaigns;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SchoolService schools;
    @Autowired
    ManagementService management;
    @Autowired
    InboxService inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    private String officer;
    private DistrictCampaign campaign;

    /** Twelve schools of three kinds and two communes, with accounts, at different steps, one late, one stopped. */
    @BeforeAll
    void aDistrictUnderWay() {
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String uai = Uai.of(9_240_000 + i);
            schools.createIfAbsent(new School(uai, NAMES.get(i), SchoolKind.values()[i % 3], DISTRICT,
                    i % 2 == 0 ? "Bondy" : "Pantin", null, null));
            uais.add(uai);
            // accounts per profile: the rates go from 0 % to well over the target, each school its own
            for (String profile : List.of("STUDENT", "PARENT", "TEACHER", "STAFF")) {
                jdbc.sql("insert into account_tally (school_uai, profile, activated, not_activated)"
                                + " values (?, ?, ?, ?)")
                        .params(uai, profile, i * 3 + profile.length(), 40 - i * 3).update();
            }
        }
        officer = fixtures.districtOfficer(Set.copyOf(uais));
        campaign = fixtures.as(officer, () -> districtCampaigns.launch(DISTRICT, new DistrictPlan(new CampaignPlan(
                "Rentrée", LocalDate.now().plusWeeks(4), 50, Duration.ofDays(7)), Duration.ofDays(3)), uais));
        await().atMost(Duration.ofSeconds(60)).until(() -> all().stream().allMatch(line -> line.phase() == Phase.SELECT
                && line.waitingSince() != null));

        // one school moves on to the verification, one is stopped by its director, one is late
        List<SchoolLine> lines = all();
        String verifying = lines.get(1).schoolUai();
        String director = fixtures.directorOf(verifying);
        String task = fixtures.as(director, () -> inbox.inbox(0, 10)).getFirst().id();
        fixtures.as(director, () -> campaigns.submitSelection(task, RecipientSelection.defaults(verifying)));
        SchoolLine stopped = lines.get(2);
        fixtures.as(fixtures.directorOf(stopped.schoolUai()), () -> campaigns.cancel(stopped.campaignId()));
        String pid = campaigns.find(lines.get(4).campaignId()).orElseThrow().processInstanceId();
        Job timer = management.createJobQuery().processInstanceId(pid).activityId("SelectLate").singleResult();
        management.setJobDuedate(timer.getId(), new Date());
        await().atMost(Duration.ofSeconds(30)).until(() -> all().stream().filter(SchoolLine::late).count() == 1
                && all().stream().map(SchoolLine::phase).toList().containsAll(List.of(Phase.VERIFY,
                Phase.CANCELLED)));
    }

    @Test
    void every_combination_of_filters_keeps_the_lines_an_independent_reading_keeps() {
        List<SchoolLine> everything = all();
        assertThat(everything).hasSize(NAMES.size());
        int combinations = 0;
        for (Set<SchoolKind> kinds : List.of(Set.<SchoolKind>of(), Set.of(SchoolKind.ECOLE),
                Set.of(SchoolKind.COLLEGE, SchoolKind.LYCEE))) {
            for (Phase phase : new Phase[] {null, Phase.SELECT, Phase.VERIFY, Phase.CANCELLED, Phase.FINISHED}) {
                for (boolean late : new boolean[] {false, true}) {
                    for (boolean under : new boolean[] {false, true}) {
                        for (String text : List.of("", "bondy", "curie", "=HYP", "924000")) {
                            for (boolean incident : new boolean[] {false, true}) {
                                DashboardFilter filter = new DashboardFilter(kinds, phase, late, under, incident, text);
                                List<String> expected = everything.stream().filter(keeps(filter))
                                        .map(SchoolLine::schoolUai).toList();
                                List<String> found = fixtures.as(officer, () -> dashboard.page(campaign.id(), filter,
                                        DashboardOrder.BY_SCHOOL, 0, 100)).stream().map(SchoolLine::schoolUai).toList();
                                assertThat(found).as("%s", filter).isEqualTo(expected);
                                assertThat(fixtures.as(officer, () -> dashboard.count(campaign.id(), filter)))
                                        .as("count of %s", filter).isEqualTo(expected.size());
                                combinations++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(600);
        // the filters do keep something: each on its own keeps some schools and leaves others
        assertThat(everything.stream().filter(keeps(new DashboardFilter(Set.of(), null, false, true, false, ""))))
                .hasSizeBetween(1, NAMES.size() - 1);
    }

    @Test
    void every_order_both_ways_is_the_order_an_independent_sort_gives_and_pages_follow_it() {
        List<SchoolLine> everything = all();
        for (DashboardOrder.Column column : DashboardOrder.Column.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<SchoolLine> comparator = comparator(column);
                comparator = (descending ? comparator.reversed() : comparator)
                        .thenComparing(SchoolLine::schoolUai); // the launch order, which follows the UAIs
                List<String> expected = everything.stream().sorted(comparator).map(SchoolLine::schoolUai).toList();
                DashboardOrder order = new DashboardOrder(column, descending);
                List<String> found = fixtures.as(officer, () -> dashboard.page(campaign.id(), DashboardFilter.ALL,
                        order, 0, 100)).stream().map(SchoolLine::schoolUai).toList();
                assertThat(found).as("%s", order).isEqualTo(expected);
                List<String> paged = new ArrayList<>();
                for (int offset = 0; offset < expected.size(); offset += 5) {
                    int from = offset;
                    paged.addAll(fixtures.as(officer, () -> dashboard.page(campaign.id(), DashboardFilter.ALL, order,
                            from, 5)).stream().map(SchoolLine::schoolUai).toList());
                }
                assertThat(paged).as("pages of %s", order).isEqualTo(expected);
            }
        }
    }

    @Test
    void the_totals_are_the_sums_of_the_lines() {
        List<SchoolLine> everything = all();
        DashboardTotals totals = fixtures.as(officer, () -> dashboard.totals(campaign.id()));
        assertThat(totals.schools()).isEqualTo(NAMES.size());
        assertThat(totals.late()).isEqualTo(1);
        assertThat(totals.byPhase()).containsEntry(Phase.SELECT, NAMES.size() - 2).containsEntry(Phase.VERIFY, 1)
                .containsEntry(Phase.CANCELLED, 1).doesNotContainKey(Phase.FINISHED);
        assertThat(totals.rate()).isEqualTo(everything.stream().map(SchoolLine::all).reduce(Rate.NONE, Rate::plus));
        // the first school: 7 + 6 + 7 + 5 activated (pupils, parents, teachers, staff), 40 not activated in each
        SchoolLine first = everything.stream().filter(line -> line.schoolName().equals(NAMES.getFirst())).findFirst()
                .orElseThrow();
        assertThat(first.all()).isEqualTo(new Rate(25, 25 + 4 * 40));
        assertThat(first.parents()).isEqualTo(new Rate(6, 46));
        assertThat(totals.byProfile()).containsEntry(Profile.PARENT, everything.stream().map(SchoolLine::parents)
                .reduce(Rate.NONE, Rate::plus)).containsEntry(Profile.STAFF, everything.stream()
                .map(SchoolLine::staff).reduce(Rate.NONE, Rate::plus));
    }

    @Test
    void the_csv_holds_the_filtered_lines_and_no_cell_a_spreadsheet_would_run() throws IOException {
        StringWriter out = new StringWriter();
        DashboardFilter pantin = new DashboardFilter(Set.of(), null, false, false, false, "pantin");
        fixtures.as(officer, () -> dashboard.exportCsv(campaign.id(), pantin, DashboardOrder.BY_SCHOOL, out,
                Locale.FRENCH));
        String csv = out.toString();
        assertThat(csv).startsWith("\ufeffÉtablissement;UAI;");
        List<CSVRecord> records = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
        List<SchoolLine> expected = all().stream().filter(line -> line.commune().equals("Pantin")).toList();
        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            SchoolLine line = expected.get(i);
            CSVRecord record = records.get(i);
            assertThat(record.get("UAI")).isEqualTo(line.schoolUai());
            assertThat(record.get("Étape")).isEqualTo(Map.of(Phase.SELECT, "Sélection des destinataires",
                    Phase.VERIFY, "Vérification de la liste", Phase.CANCELLED, "Arrêtée").get(line.phase()));
            assertThat(record.get("Taux d’activation (%)")).isEqualTo(line.all().percent().map(String::valueOf)
                    .orElse(""));
            assertThat(record.get("Comptes")).isEqualTo(String.valueOf(line.all().accounts()));
            assertThat(record.get("En retard")).isEqualTo(line.late() ? "oui" : "non");
            assertThat(record.get("Élèves (%)")).isEqualTo(line.students().percent().map(String::valueOf)
                    .orElse(""));
        }
        assertThat(records).extracting(record -> record.get("Établissement"))
                .contains("'=HYPERLINK(\"http://evil.test\")").allSatisfy(name ->
                        assertThat(name).doesNotStartWith("="));
    }

    /** What the filter keeps, read independently of the SQL. */
    private Predicate<SchoolLine> keeps(DashboardFilter filter) {
        int target = campaign.targetPercent();
        String text = filter.text().toLowerCase(Locale.ROOT);
        return line -> (filter.kinds().isEmpty() || filter.kinds().contains(line.kind()))
                && (filter.phase() == null || filter.phase() == line.phase())
                && (!filter.lateOnly() || line.late())
                && (!filter.underTarget() || line.all().activated() * 100 < (long) target * line.all().accounts())
                && (!filter.withIncident() || line.incidents() > 0)
                && (text.isEmpty() || line.schoolName().toLowerCase(Locale.ROOT).contains(text)
                        || line.schoolUai().toLowerCase(Locale.ROOT).contains(text)
                        || (line.commune() != null && line.commune().toLowerCase(Locale.ROOT).contains(text)));
    }

    private static Comparator<SchoolLine> comparator(DashboardOrder.Column column) {
        return switch (column) {
            case SCHOOL -> Comparator.comparing(SchoolLine::schoolName);
            case KIND -> Comparator.comparing(SchoolLine::kind);
            case PHASE -> Comparator.comparing(SchoolLine::phase);
            case WAITING -> Comparator.comparing(SchoolLine::waitingSince,
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            case RATE -> Comparator.comparingDouble(line -> line.all().accounts() == 0 ? -1
                    : (double) line.all().activated() / line.all().accounts());
        };
    }

    private List<SchoolLine> all() {
        return fixtures.as(officer, () -> dashboard.page(campaign.id(), DashboardFilter.ALL, DashboardOrder.BY_SCHOOL,
                0, 100));
    }
}
