package fr.rentree.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.demo.district.SiecleExport;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.siecle.SiecleSamples;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.service.SiecleImportService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Schools and directors of their own for each test, so tests never see each other's tasks. */
public class Fixtures {

    public static final String PASSWORD = "mot-de-passe-de-test";
    public static final String DISTRICT = "DSDEN de test";

    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final AtomicInteger sequence = new AtomicInteger();

    private final SiecleImportService imports;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ManagementService management;
    private final ProcessEngine engine;

    Fixtures(SchoolService schools, BackOfficeUserService users, SiecleImportService imports, JdbcClient jdbc,
            CurrentUser currentUser, Clock clock, ManagementService management, ProcessEngine engine) {
        this.management = management;
        this.engine = engine;
        this.schools = schools;
        this.users = users;
        this.imports = imports;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Calls services as this back-office user, as their screens would. */
    public <T> T as(String username, Supplier<T> work) {
        return currentUser.runAs(username, work);
    }

    public void as(String username, Runnable work) {
        currentUser.runAs(username, () -> {
            work.run();
            return null;
        });
    }

    /** Runs a call with nobody signed in (no authentication at all), as a thread that forgot to say who it is. */
    public <T> T asNobody(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Jobs wait until the returned handle is closed: this JVM's job executor stops taking them meanwhile. */
    public AutoCloseable pauseJobs() {
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();
        return jobs::start;
    }

    /**
     * The campaign's cadence is a week: makes its waiting timer fall due now, once the process waits there. Returns
     * when the job executor may run it.
     */
    public void fireTimer(String processInstanceId) {
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(processInstanceId).activityId("WaitCadence").singleResult(), job -> job != null);
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        management.setJobDuedate(timer.getId(), Date.from(Instant.now()));
    }

    /**
     * Imports the generated SIECLE / STS-web exports of a demo school (its UAI already a school) through the real
     * importer, exports written in {@code folder}.
     */
    public void importGenerated(DemoSchool school, Path folder) {
        int year = SchoolYear.of(LocalDate.now(clock)).startYear();
        try {
            List<ExportFile> files = new SiecleExport(2026, year, LocalDate.of(year, 9, 1)).write(school, folder, 0)
                    .stream().map(path -> new ExportFile(path.getFileName().toString(), path)).toList();
            imports.apply(imports.analyse(school.uai(), files), "fixtures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every account, class and import, for tests that check the exact logins an import makes. */
    public void emptyDirectory() {
        for (String table : List.of("password_reset", "guardian_report", "parent_link", "account_class", "account",
                "school_class", "directory_import")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** A new school (with a valid UAI and a contact address) and its director, whose username is returned. */
    public SchoolAndDirector schoolWithDirector(String schoolName) {
        String uai = Uai.of(940_000 + sequence.incrementAndGet());
        School school = schools.createIfAbsent(new School(uai, schoolName, SchoolKind.COLLEGE, DISTRICT,
                "ce." + uai.toLowerCase() + "@ac-test.fr", "https://ent.test.fr"));
        String director = "directeur." + uai.toLowerCase();
        users.createIfAbsent(director, PASSWORD, "Directeur " + uai, Role.DIRECTOR, Set.of(uai));
        return new SchoolAndDirector(school, director);
    }

    /**
     * A new school with its director and the eleven accounts of the sample exports (pupils, parents with and without
     * an address, teachers, staff), imported for this school year.
     */
    public SchoolAndDirector schoolWithAccounts(String schoolName, Path folder) {
        SchoolAndDirector school = schoolWithDirector(schoolName);
        SiecleSamples samples = new SiecleSamples(folder, school.school().uai(),
                SchoolYear.of(LocalDate.now(clock)).startYear());
        imports.apply(imports.analyse(school.school().uai(), List.of(samples.all())), "fixtures");
        return school;
    }

    /** The director of this school (made the first time), as district campaigns' tests need one; their username. */
    public String directorOf(String uai) {
        String username = "directeur." + uai.toLowerCase(Locale.ROOT);
        users.createIfAbsent(username, PASSWORD, "Directeur " + uai, Role.DIRECTOR, Set.of(uai));
        return username;
    }

    /** A new administrator; returns their username. */
    public String admin() {
        String username = "admin." + sequence.incrementAndGet();
        users.createIfAbsent(username, PASSWORD, "Administratrice " + username, Role.ADMIN, Set.of());
        return username;
    }

    /** A district officer following the given schools; returns their username. */
    public String districtOfficer(Set<String> uais) {
        String username = "dsden." + sequence.incrementAndGet();
        users.createIfAbsent(username, PASSWORD, "Conseillère " + username, Role.DISTRICT_STAFF, uais);
        return username;
    }

    /** Disables a back-office user, as an administrator would. */
    public void disable(String username) {
        jdbc.sql("update back_office_user set enabled = false where username = ?").param(username).update();
    }

    public record SchoolAndDirector(School school, String director) {
    }
}
