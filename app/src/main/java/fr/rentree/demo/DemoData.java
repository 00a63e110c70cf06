package fr.rentree.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictPlan;
import fr.rentree.demo.DemoProgress.Step;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.demo.district.DemoDistrict;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.demo.district.SiecleExport;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo district of command 1 ({@code rentree.demo.enabled}): six schools of Seine-Saint-Denis whose SIECLE and
 * STS-web exports are generated, then imported through the real importer; a later export of the collège where a few
 * pupils left (so pré-suppression shows); part of the accounts activated; two directors, a district officer, and the
 * district's campaign over its six schools, three weeks under way ({@link DemoProgress}): claire.dubois's first step
 * waits in her inbox, the other schools stand further on, one late. Made once; a restart keeps what was done.
 */
@Component
@ConditionalOnProperty("rentree.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "rentree";
    static final String DISTRICT = "DSDEN de la Seine-Saint-Denis";
    private static final long SEED = 2026;
    private static final String ENT = "https://ent.demo.rentree.localhost";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    /** The directors of the three other schools, each of one. */
    private static final List<String> OTHER_DIRECTORS = List.of("lucie.moreau", "thomas.petit", "nadia.cherif");
    private static final List<String> OTHER_NAMES = List.of("Lucie Moreau", "Thomas Petit", "Nadia Chérif");

    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final DistrictCampaignService districtCampaigns;
    private final DistrictCampaigns followed;
    private final CurrentUser currentUser;
    private final SiecleImportService imports;
    private final DirectoryService directory;
    private final Clock clock;
    private final DemoProgress progress;

    DemoData(SchoolService schools, BackOfficeUserService users, DistrictCampaignService districtCampaigns,
             DistrictCampaigns followed, CurrentUser currentUser, SiecleImportService imports,
             DirectoryService directory, Clock clock, DemoProgress progress) {
        this.progress = progress;
        this.schools = schools;
        this.users = users;
        this.districtCampaigns = districtCampaigns;
        this.followed = followed;
        this.currentUser = currentUser;
        this.imports = imports;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        currentUser.asSystem(() -> { // the demo's data is Rentrée's own work, as an import command's would be
            try {
                prepare();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void prepare() throws IOException {
        List<DemoSchool> district = district();
        DemoSchool ecole = first(district, DemoSchool.Kind.ECOLE);
        DemoSchool college = first(district, DemoSchool.Kind.COLLEGE);
        DemoSchool lycee = first(district, DemoSchool.Kind.LYCEE);
        for (DemoSchool school : district) {
            schools.createIfAbsent(new School(school.uai(), school.name(), SchoolKind.valueOf(school.kind().name()),
                    DISTRICT, "ce." + school.uai().toLowerCase() + "@ac-creteil.example", ENT));
            if (directory.count(AccountQuery.all(school.uai(), StateFilter.ALL)) == 0) { // not imported yet
                importExports(school, school == college);
            }
        }
        users.createIfAbsent("claire.dubois", PASSWORD, "Claire Dubois", Role.DIRECTOR, Set.of(ecole.uai()));
        users.createIfAbsent("karim.benali", PASSWORD, "Karim Benali", Role.DIRECTOR,
                Set.of(college.uai(), lycee.uai()));
        List<DemoSchool> others = district.stream().filter(school -> !List.of(ecole, college, lycee).contains(school))
                .toList();
        for (int i = 0; i < others.size(); i++) {
            users.createIfAbsent(OTHER_DIRECTORS.get(i), PASSWORD, OTHER_NAMES.get(i), Role.DIRECTOR,
                    Set.of(others.get(i).uai()));
        }
        users.createIfAbsent("sophie.martin", PASSWORD, "Sophie Martin", Role.DISTRICT_STAFF,
                Set.copyOf(district.stream().map(DemoSchool::uai).toList()));
        users.createIfAbsent("alice.martin", PASSWORD, "Alice Martin", Role.ADMIN, Set.of());
        LocalDate today = LocalDate.now(clock);
        CampaignPlan plan = new CampaignPlan("Rentrée " + SchoolYear.of(today).startYear(), today.plusWeeks(6), 90,
                Duration.ofDays(7));
        // the district opens the rentrée of its six schools, three weeks ago: claire.dubois finds her school's first
        // step, the other schools stand further on, one of them late
        DistrictCampaign launched = currentUser.runAs("sophie.martin", () -> followed.mine().isEmpty()
                ? districtCampaigns.launch(DISTRICT, new DistrictPlan(plan, Duration.ofDays(7)),
                        district.stream().map(DemoSchool::uai).toList()) : null);
        if (launched != null) {
            progress.follow(launched, List.of(new DemoProgress.Stage(ecole.uai(), "claire.dubois", Step.SELECT),
                    new DemoProgress.Stage(college.uai(), "karim.benali", Step.HAND_OUT),
                    new DemoProgress.Stage(lycee.uai(), "karim.benali", Step.VERIFY),
                    new DemoProgress.Stage(others.get(0).uai(), OTHER_DIRECTORS.get(0), Step.HANDED_OUT),
                    new DemoProgress.Stage(others.get(1).uai(), OTHER_DIRECTORS.get(1), Step.LATE),
                    new DemoProgress.Stage(others.get(2).uai(), OTHER_DIRECTORS.get(2), Step.SELECT)));
        }
        LOG.info("Demo district ready: sign in as claire.dubois ({}), karim.benali ({}, {}), {}, sophie.martin"
                + " (district) or alice.martin (administrator), password '{}'", ecole.name(), college.name(),
                lycee.name(), String.join(", ", OTHER_DIRECTORS), PASSWORD);
    }

    /** Imports the school's exports; for one school, a second export a few weeks later, where some pupils left. */
    private void importExports(DemoSchool school, boolean withLeavers) throws IOException {
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolYear.of(today);
        SiecleExport exports = exports(year.startYear());
        Path folder = Files.createTempDirectory("rentree-demo-");
        try {
            importFiles(school, exports.write(school, folder.resolve("rentree"), 0));
            activateSome(school.uai());
            if (withLeavers) {
                importFiles(school, exports.write(school, folder.resolve("octobre"), 0.03));
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void importFiles(DemoSchool school, List<Path> paths) {
        List<ExportFile> files = paths.stream()
                .map(path -> new ExportFile(path.getFileName().toString(), path)).toList();
        ImportAnalysis analysis = imports.analyse(school.uai(), files);
        if (analysis.refused()) {
            throw new IllegalStateException("the demo exports of " + school.uai() + " were refused: "
                    + analysis.errors());
        }
        imports.apply(analysis, "demo");
    }

    /** As if the rentrée had started: most teachers, half the pupils and fewer parents have activated. */
    private void activateSome(String uai) {
        Random random = new Random(SEED ^ uai.hashCode());
        List<AccountRow> accounts = directory.accounts(AccountQuery.all(uai, StateFilter.IN_USE), 0, 100_000);
        List<Long> activated = new ArrayList<>();
        for (AccountRow account : accounts) {
            double share = switch (account.profile()) {
                case TEACHER -> 0.85;
                case STAFF -> 0.7;
                case STUDENT -> 0.5;
                default -> 0.35;
            };
            if (random.nextDouble() < share) {
                activated.add(account.id());
            }
        }
        directory.recordActivations(activated);
    }

    /** The demo's six schools, the same at every start. */
    static List<DemoSchool> district() {
        return new DemoDistrict(SEED).schools(6, "093");
    }

    /** The demo's exports of a school year, taken at its rentrée. */
    static SiecleExport exports(int schoolYear) {
        return new SiecleExport(SEED, schoolYear, LocalDate.of(schoolYear, 9, 1));
    }

    private static DemoSchool first(List<DemoSchool> district, DemoSchool.Kind kind) {
        return district.stream().filter(school -> school.kind() == kind).findFirst().orElseThrow();
    }
}
