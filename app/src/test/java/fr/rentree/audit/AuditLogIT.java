package fr.rentree.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.domain.AuditEvent;
import fr.rentree.audit.domain.AuditQuery;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.domain.AccountEdit;
import fr.rentree.directory.domain.Civility;
import fr.rentree.directory.domain.CreatedAccount;
import fr.rentree.directory.domain.NewAccount;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.SchoolAccounts;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.service.SchoolService;
import fr.rentree.sheets.service.SheetService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The journal against the real database: the services record what directors do, in order, with who did it; a
 * school's directors read it, nobody else; nobody changes it; its filters and its CSV export.
 */
@RentreeIntegrationTest
class AuditLogIT {

    @Autowired
    AuditLog journal;
    @Autowired
    SchoolAccounts accounts;
    @Autowired
    DirectoryService directory;
    @Autowired
    SheetService sheets;
    @Autowired
    SchoolService schools;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    String uai;
    String director;

    @BeforeEach
    void aCollegeWithItsAccounts() {
        fixtures.emptyDirectory();
        Fixtures.SchoolAndDirector school = fixtures.schoolWithAccounts("Collège Olympe-de-Gouges", folder);
        uai = school.school().uai();
        director = school.director();
    }

    @Test
    void what_directors_do_is_recorded_in_their_schools_journal_newest_first() {
        CreatedAccount created = fixtures.as(director, () -> accounts.create(uai, new NewAccount(Profile.GUEST,
                Civility.MME, "Roux", "Agathe", LocalDate.of(1975, 3, 3), null, Set.of(), null)));
        int version = fixtures.as(director, () -> accounts.details(uai, created.id())).version();
        fixtures.as(director, () -> accounts.edit(uai, created.id(), version,
                new AccountEdit("agathe.roux@exemple.fr", Set.of(), Set.of(), "ENT-7", false)));
        fixtures.as(director, () -> directory.regenerateActivationCode(created.id()));
        fixtures.as(director, () -> sheets.printAccount(uai, created.id(), Locale.FRENCH, new ByteArrayOutputStream()));
        fixtures.as(director, () -> accounts.delete(uai, created.id()));

        List<AuditEvent> events = fixtures.as(director, () -> journal.events(AuditQuery.all(uai), 0, 100));

        assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.DELETE_ACCOUNT,
                AuditAction.PRINT, AuditAction.NEW_CODE, AuditAction.EDIT_ACCOUNT, AuditAction.CREATE_ACCOUNT,
                AuditAction.IMPORT);
        assertThat(events.subList(0, 5)).extracting(AuditEvent::actor).containsOnly(director);
        assertThat(events.subList(0, 5)).extracting(event -> event.details()[event.details().length - 1])
                .containsOnly("agathe.roux");
        assertThat(events.get(1).details()).containsExactly(1L, "agathe.roux"); // one sheet, hers
        assertThat(events.get(5).actor()).isEqualTo("fixtures");
        assertThat(events.get(5).details()).startsWith(11L, 0L, 0L, 0L); // created, updated, pré-suppression, back
        // another school's journal holds none of it
        String other = fixtures.schoolWithDirector("École Condorcet").school().uai();
        assertThat(jdbc.sql("select count(*) from audit_event where school_uai = ?").param(other)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_change_of_the_schools_settings_is_recorded_with_what_they_became() {
        fixtures.as(director, () -> schools.updateSettings(uai, new SchoolSettings("Collège Olympe-de-Gouges",
                "secretariat@olympe.exemple.fr", "https://ent.exemple.fr")));
        AuditEvent last = fixtures.as(director, () -> journal.events(AuditQuery.all(uai), 0, 1)).getFirst();
        assertThat(last.action()).isEqualTo(AuditAction.SCHOOL_SETTINGS);
        assertThat(last.actor()).isEqualTo(director);
        assertThat(last.details()).containsExactly("Collège Olympe-de-Gouges", "secretariat@olympe.exemple.fr",
                "https://ent.exemple.fr");
    }

    @Test
    void nobody_changes_or_removes_a_line() {
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'quelqu''un' where school_uai = ?")
                .param(uai).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where school_uai = ?").param(uai).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select actor from audit_event where school_uai = ?").param(uai).query(String.class)
                .list()).containsOnly("fixtures");
    }

    @Test
    void only_the_schools_directors_and_administrators_read_its_journal() {
        String elsewhere = fixtures.schoolWithDirector("École Jean-Zay").director();
        String districtStaff = fixtures.districtOfficer(Set.of(uai));
        AuditQuery all = AuditQuery.all(uai);
        List<Consumer<String>> reads = List.of(
                user -> fixtures.as(user, () -> journal.events(all, 0, 10)),
                user -> fixtures.as(user, () -> journal.count(all)),
                user -> fixtures.as(user, () -> journal.exportCsv(all, new StringWriter(), List.of("a", "b", "c", "d",
                        "e"), AuditAction::name, AuditEvent::subject, ZoneId.of("Europe/Paris"))));
        for (String intruder : List.of(elsewhere, districtStaff)) {
            for (Consumer<String> read : reads) {
                assertThatThrownBy(() -> read.accept(intruder)).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Test
    void every_combination_of_the_filters_keeps_exactly_the_matching_lines() {
        for (AuditAction action : List.of(AuditAction.PRINT, AuditAction.UNLOCK, AuditAction.PRINT)) {
            journal.recordAs("marie.curie", uai, action, "zoe.martin-dupont");
        }
        journal.recordAs("pierre.curie", uai, AuditAction.UNLOCK, "noel.boeuf");
        assertThat(fixtures.as(director, () -> journal.events(AuditQuery.all(uai), 0, 100))).hasSize(5);
        String admin = fixtures.admin();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        int combinations = 0;
        // the school's journal as its director reads it, and the whole journal as an administrator reads it
        for (String school : Arrays.asList(uai, null)) {
            String reader = school == null ? admin : director;
            for (Set<AuditAction> actions : List.of(Set.<AuditAction>of(),
                    Set.of(AuditAction.UNLOCK, AuditAction.IMPORT))) {
                for (String text : List.of("", "CURIE", "noel", uai)) {
                    for (LocalDate from : Arrays.asList(null, today, today.plusDays(1))) {
                        for (LocalDate to : Arrays.asList(null, today, today.minusDays(1))) {
                            AuditQuery query = new AuditQuery(school, actions, text, from, to);
                            List<Long> expected = new ArrayList<>();
                            // read again each time: the whole journal grows with other tests' background work
                            for (AuditEvent event : fixtures.as(reader, () -> journal.events(AuditQuery.all(school),
                                    0, 100_000))) {
                                LocalDate day = LocalDate.ofInstant(event.at(), ZoneId.systemDefault());
                                if ((actions.isEmpty() || actions.contains(event.action()))
                                        && (text.isEmpty() || (event.actor() + " " + event.subject() + " "
                                                + event.schoolUai()).toLowerCase().contains(text.toLowerCase()))
                                        && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                                    expected.add(event.id());
                                }
                            }
                            assertThat(fixtures.as(reader, () -> journal.events(query, 0, 100_000)))
                                    .as(query.toString()).extracting(AuditEvent::id)
                                    .containsExactlyElementsOf(expected);
                            assertThat(fixtures.as(reader, () -> journal.count(query))).isEqualTo(expected.size());
                            combinations++;
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(2 * 2 * 4 * 3 * 3);
    }

    @Test
    void the_csv_export_reads_in_a_french_spreadsheet_and_runs_no_formula() {
        journal.recordAs(director, uai, AuditAction.IMPORT, "=HYPERLINK(\"http://exemple.fr\")");
        StringWriter csv = new StringWriter();
        fixtures.as(director, () -> journal.exportCsv(new AuditQuery(uai, Set.of(AuditAction.IMPORT), director, null,
                null), csv, List.of("Date", "Par", "Adresse", "Établissement", "Action", "Détail"), action -> "Import",
                event -> event.details()[0].toString(), ZoneId.of("Europe/Paris")));
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("\ufeffDate;Par;Adresse;Établissement;Action;Détail");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d;" + director.replace(".", "\\.")
                + ";;" + uai + ";Import;\"'=HYPERLINK\\(\"\"http://exemple\\.fr\"\"\\)\"");
    }

    @Test
    void every_cell_of_the_csv_export_is_inert_the_address_and_actor_included() {
        // what a forged X-Forwarded-For or a crafted username once left in the journal, and tab or carriage-return
        // starts that a spreadsheet also reads as the start of a formula
        jdbc.sql("""
                        insert into audit_event (at, actor, address, school_uai, action, subject)
                        values (now(6), ?, ?, ?, 'IMPORT', 'x')""")
                .params("=HYPERLINK(\"http://evil.test/x\")", "+1-2", uai).update();
        StringWriter csv = new StringWriter();
        fixtures.as(director, () -> journal.exportCsv(new AuditQuery(uai, Set.of(AuditAction.IMPORT), "evil.test",
                null, null), csv, List.of("Date", "Par", "Adresse", "Établissement", "Action", "Détail"), action -> "@Import",
                event -> "\t=1+1", ZoneId.of("Europe/Paris")));
        List<String> cells;
        try (var parser = CSVParser.parse(csv.toString().substring(1), CSVFormat.Builder.create(CSVFormat.EXCEL)
                .setDelimiter(';').get())) {
            cells = parser.getRecords().get(1).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(cells.subList(1, 6)).containsExactly("'=HYPERLINK(\"http://evil.test/x\")", "'+1-2", uai,
                "'@Import", "'\t=1+1");
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    }
}
