package fr.rentree.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.siecle.SiecleSamples;
import fr.rentree.siecle.service.SiecleImportService;
import fr.rentree.sheets.domain.SheetPrintRepository;
import fr.rentree.sheets.domain.SheetRequest;
import fr.rentree.sheets.service.AccountMail;
import fr.rentree.sheets.service.SheetFiles;
import fr.rentree.sheets.service.SheetService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.Typography;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Sheets of a real imported school, read from MariaDB in pages and sorted for distribution. */
@RentreeIntegrationTest
class SheetServiceIT {

    private static final Set<Profile> EVERYONE = Set.of();

    @Autowired
    SheetService sheets;
    @Autowired
    RecipientService recipients;
    @Autowired
    DirectoryService directory;
    @Autowired
    SiecleImportService imports;
    @Autowired
    SheetPrintRepository prints;
    @Autowired
    SheetFiles files;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    AccountMail accountMail;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    String uai;
    String director;

    @BeforeEach
    void aCollegeImportedFromItsExports() {
        fixtures.emptyDirectory();
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Lucie-Aubrac");
        uai = school.school().uai();
        director = school.director();
        SiecleSamples samples = new SiecleSamples(folder, uai, SchoolYear.of(LocalDate.now(clock)).startYear());
        imports.apply(imports.analyse(uai, List.of(samples.all())), "directeur");
    }

    @Test
    void by_class_each_pile_holds_its_pupils_then_their_parents_the_staff_last_each_family_once() {
        RecipientQuery query = query(EVERYONE, Set.of(), ActivationFilter.ALL, DistributionOrder.BY_CLASS,
                ParentPlacement.WITH_YOUNGEST_CHILD);

        // Noël (6A) is younger than his sister Anne-Sophie (5B): their parents' sheets go to 6A, once; the piles in
        // school order, 6e before 5e
        assertThat(logins(query)).containsExactly(
                "6A: noel.boeuf", "6A: zoe.martin-dupont", "6A: helene.boeuf", "6A: jerome.boeuf",
                "6A: claire.martin",
                "5B: anne-sophie.boeuf",
                "WITHOUT_CLASS: moussa.ndiaye", "WITHOUT_CLASS: ibrahima.ndiaye",
                "TEACHER: jean-baptiste.dalmeida", "TEACHER: beatrice.durand",
                "STAFF: francois.leroy");
        assertThat(sheets.count(query)).isEqualTo(11);
    }

    @Test
    void parents_can_get_a_sheet_in_the_class_of_each_child() {
        RecipientQuery query = query(Set.of(Profile.STUDENT, Profile.PARENT), Set.of(), ActivationFilter.ALL,
                DistributionOrder.BY_CLASS, ParentPlacement.IN_EACH_CHILD_CLASS);

        assertThat(logins(query)).containsExactly(
                "6A: noel.boeuf", "6A: zoe.martin-dupont", "6A: helene.boeuf", "6A: jerome.boeuf",
                "6A: claire.martin",
                "5B: anne-sophie.boeuf", "5B: helene.boeuf", "5B: jerome.boeuf",
                "WITHOUT_CLASS: moussa.ndiaye", "WITHOUT_CLASS: ibrahima.ndiaye");
        assertThat(sheets.count(query)).isEqualTo(10);
    }

    @Test
    void a_class_filter_keeps_the_class_pupils_and_their_parents_placed_in_that_class() {
        RecipientQuery query = query(EVERYONE, Set.of("5B"), ActivationFilter.ALL, DistributionOrder.BY_CLASS,
                ParentPlacement.WITH_YOUNGEST_CHILD);

        assertThat(logins(query)).containsExactly("5B: anne-sophie.boeuf", "5B: helene.boeuf",
                "5B: jerome.boeuf", "TEACHER: jean-baptiste.dalmeida", "TEACHER: beatrice.durand");
    }

    @Test
    void alphabetical_and_profile_orders() {
        assertThat(logins(query(Set.of(Profile.STUDENT, Profile.TEACHER), Set.of(), ActivationFilter.ALL,
                DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD))).containsExactly(
                "ALL: anne-sophie.boeuf", "ALL: noel.boeuf", "ALL: jean-baptiste.dalmeida", "ALL: beatrice.durand",
                "ALL: zoe.martin-dupont", "ALL: moussa.ndiaye"); // D'ALMEIDA sorts as DALMEIDA
        assertThat(logins(query(Set.of(Profile.STUDENT, Profile.TEACHER), Set.of(), ActivationFilter.ALL,
                DistributionOrder.BY_PROFILE, ParentPlacement.WITH_YOUNGEST_CHILD))).containsExactly(
                "STUDENT: anne-sophie.boeuf", "STUDENT: noel.boeuf", "STUDENT: zoe.martin-dupont",
                "STUDENT: moussa.ndiaye", "TEACHER: jean-baptiste.dalmeida", "TEACHER: beatrice.durand");
    }

    @Test
    void the_pdf_has_a_separator_per_pile_the_codes_of_the_accounts_and_the_reset_steps_for_activated_ones()
            throws IOException {
        long zoe = accountId("zoe.martin-dupont");
        directory.recordActivations(List.of(zoe));
        String noelCode = directory.activationCode(accountId("noel.boeuf")).orElseThrow().value();
        RecipientQuery query = query(Set.of(Profile.STUDENT, Profile.PARENT), Set.of(), ActivationFilter.ALL,
                DistributionOrder.BY_CLASS, ParentPlacement.WITH_YOUNGEST_CHILD);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> progress = new ArrayList<>();

        int printed = sheets.print(new SheetRequest(query, SheetLayout.ONE_PER_PAGE), Locale.FRENCH, pdf,
                progress::add, "directeur");

        assertThat(printed).isEqualTo(8);
        assertThat(progress).hasSize(8).endsWith(8);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(8 + 3); // 6A, 5B, without a class
            assertThat(page(document, 1)).contains("Classe 6A",
                    "5 fiches · Professeur principal : Béatrice DURAND");
            assertThat(page(document, 7)).contains("Classe 5B", "1 fiche");
            assertThat(page(document, 2)).contains("Noël BŒUF", "Élève · Classe : 6A", "noel.boeuf", noelCode,
                    "https://ent.test.fr", "Vos identifiants ENT");
            assertThat(page(document, 3)).contains("Zoé MARTIN-DUPONT", "Mot de passe perdu ?",
                    "Compte déjà activé").doesNotContain("Code d’activation");
            assertThat(page(document, 5)).contains("jerome.boeuf", "Parent",
                    "Pour : Anne-Sophie BŒUF (5B), Noël BŒUF (6A)");
            assertThat(page(document, 9)).contains("Élèves et parents sans classe", "2 fiches");
        }
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(uai)).singleElement().satisfies(print -> {
            assertThat(print.printedBy()).isEqualTo("directeur");
            assertThat(print.sheets()).isEqualTo(8);
            assertThat(print.layout()).isEqualTo("ONE_PER_PAGE");
            assertThat(print.selection()).contains("order=BY_CLASS", "activation=ALL");
        });
    }

    @Test
    void not_activated_keeps_the_accounts_still_to_activate_and_a_preview_shows_two_pages_journaled_not_printed()
            throws IOException {
        directory.recordActivations(List.of(accountId("zoe.martin-dupont")));
        RecipientQuery query = query(Set.of(Profile.STUDENT), Set.of(), ActivationFilter.NOT_ACTIVATED,
                DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD);

        assertThat(logins(query)).containsExactly("ALL: anne-sophie.boeuf", "ALL: noel.boeuf",
                "ALL: moussa.ndiaye");
        List<byte[]> pages = sheets.previewPages(new SheetRequest(query, SheetLayout.ONE_PER_PAGE), Locale.FRENCH);

        assertThat(pages).hasSize(2); // three sheets, of which two previewed
        var image = ImageIO.read(new ByteArrayInputStream(pages.getFirst()));
        assertThat(image.getWidth()).isBetween(780, 800); // an A4 page at screen resolution
        assertThat(image.getHeight()).isBetween(1110, 1130);
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(uai)).isEmpty();
        // but who looked at codes is in the journal
        assertThat(jdbc.sql("select subject from audit_event where school_uai = ? and action = 'PREVIEW'").param(uai)
                .query(String.class).list()).containsExactly("2");
    }

    @Test
    void a_school_larger_than_a_page_of_reads_prints_every_account_once_though_an_import_lands_meanwhile(
            @TempDir Path exports) throws IOException {
        fixtures.emptyDirectory();
        fixtures.importGenerated(new DemoSchool(uai, "Collège du Parc", DemoSchool.Kind.COLLEGE, 900), exports);
        RecipientQuery query = query(EVERYONE, Set.of(), ActivationFilter.ALL, DistributionOrder.BY_CLASS,
                ParentPlacement.WITH_YOUNGEST_CHILD);
        List<String> before = jdbc.sql("select login from account where school_uai = ?").param(uai)
                .query(String.class).list();
        assertThat(before.size()).isGreaterThan(2 * RecipientService.PAGE); // several pages of database reads
        Path file = folder.resolve("fiches.pdf");
        // this year's exports, imported once the first page of sheets is written: every pupil of the school is
        // replaced, new accounts appear among the names printed and to come
        SiecleSamples newExports = new SiecleSamples(folder, uai, SchoolYear.of(LocalDate.now(clock)).startYear());
        AtomicBoolean imported = new AtomicBoolean();
        IntConsumer importOnce = written -> {
            if (written > RecipientService.PAGE && !imported.getAndSet(true)) {
                // every pupil replaced, on purpose: a mass pré-suppression, confirmed by the school's director (on
                // the renderer's thread, as a colleague's import would land from another request)
                fixtures.as(director, () -> imports.apply(imports.analyse(uai, List.of(newExports.all())),
                        "directeur", true));
            }
        };

        int printed;
        try (var out = Files.newOutputStream(file)) {
            printed = sheets.print(new SheetRequest(query, SheetLayout.TWO_PER_PAGE), Locale.FRENCH, out,
                    importOnce, "directeur");
        }

        assertThat(imported).isTrue();
        assertThat(jdbc.sql("select count(*) from account where school_uai = :uai and login not in (:before)")
                .param("uai", uai).param("before", before).query(Integer.class).single()).isPositive();
        assertThat(printed).isEqualTo(before.size());
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            Matcher logins = Pattern.compile("(?m)^([a-z0-9.-]+\\.[a-z0-9-]+)$").matcher(text);
            List<String> printedLogins = new ArrayList<>();
            while (logins.find()) {
                printedLogins.add(logins.group(1));
            }
            assertThat(printedLogins).containsExactlyInAnyOrderElementsOf(before); // none skipped, none twice
        }
    }

    @Test
    void a_sheet_printed_after_its_code_expired_carries_a_new_code_that_works() throws IOException {
        long zoe = accountId("zoe.martin-dupont");
        String old = directory.activationCode(zoe).orElseThrow().value();
        jdbc.sql("update account set code_issued_at = ? where id = ?")
                .params(Timestamp.valueOf(LocalDateTime.now().minusMonths(4)), zoe).update();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixtures.as(director, () -> sheets.printAccount(uai, zoe, Locale.FRENCH, out));

        String renewed = directory.activationCode(zoe).orElseThrow().value();
        assertThat(renewed).isNotEqualTo(old);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(page(pdf, 1)).contains(renewed).doesNotContain(old);
        }
        assertThat(jdbc.sql("select code_issued_at > ? from account where id = ?")
                .params(Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)), zoe).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void one_account_s_code_by_e_mail_goes_to_its_address_and_to_no_one_else_s_request() {
        long claire = accountId("claire.martin");
        String code = directory.activationCode(claire).orElseThrow().value();

        String to = fixtures.as(director, () -> accountMail.send(uai, claire));

        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.sentMails().stream()
                .anyMatch(mail -> mail.to().contains(to) && mail.body().contains(code)
                        && mail.body().contains("claire.martin")));
        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> accountMail.send(uai, claire)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(director, () -> accountMail.send(uai, accountId("zoe.martin-dupont"))))
                .isInstanceOf(IllegalArgumentException.class); // no address
    }

    @Test
    void a_print_in_the_background_leaves_a_file_until_discarded_and_a_failed_one_leaves_nothing() throws Exception {
        RecipientQuery query = query(Set.of(Profile.STUDENT), Set.of(), ActivationFilter.ALL,
                DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD);

        SheetService.PrintedSheets printed = sheets.printLater(new SheetRequest(query, SheetLayout.ONE_PER_PAGE),
                Locale.FRENCH, n -> { }, "directeur").get(30, TimeUnit.SECONDS);

        assertThat(printed.sheets()).isEqualTo(4);
        try (PDDocument document = Loader.loadPDF(printed.file().toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);
        }
        sheets.discard(printed.file());
        assertThat(printed.file()).doesNotExist();

        long before = files.waiting();
        RecipientQuery elsewhere = new RecipientQuery(selection("0000000A", Set.of(), Set.of(),
                ActivationFilter.ALL, false), DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD);
        assertThatThrownBy(() -> sheets.printLater(new SheetRequest(elsewhere, SheetLayout.ONE_PER_PAGE),
                Locale.FRENCH, n -> { }, "directeur").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(files.waiting()).isEqualTo(before);
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(uai)).hasSize(1); // the first print only
    }

    @Test
    void one_account_s_sheet_is_one_page_with_its_current_code_recorded_and_refused_to_anyone_else()
            throws IOException {
        long zoe = accountId("zoe.martin-dupont");
        String code = directory.regenerateActivationCode(zoe).orElseThrow().value();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixtures.as(director, () -> sheets.printAccount(uai, zoe, Locale.FRENCH, out));

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1); // no separator page
            assertThat(page(pdf, 1)).contains("zoe.martin-dupont", code).doesNotContain("noel.boeuf");
        }
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(uai)).singleElement().satisfies(print -> {
            assertThat(print.printedBy()).isEqualTo(director);
            assertThat(print.selection()).isEqualTo("account=zoe.martin-dupont");
            assertThat(print.sheets()).isEqualTo(1);
        });

        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        String districtStaff = fixtures.districtOfficer(Set.of(uai));
        for (String intruder : List.of(elsewhere, districtStaff)) {
            assertThatThrownBy(() -> fixtures.as(intruder,
                    () -> sheets.printAccount(uai, zoe, Locale.FRENCH, new ByteArrayOutputStream())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        String otherUai = fixtures.schoolWithAccounts("Collège Victor-Hugo", folder).school().uai();
        long theirs = jdbc.sql("select min(id) from account where school_uai = ?").param(otherUai)
                .query(Long.class).single();
        assertThatThrownBy(() -> fixtures.as(director, // another school's account, its id typed in by hand
                () -> sheets.printAccount(uai, theirs, Locale.FRENCH, new ByteArrayOutputStream())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(prints.findBySchoolUaiOrderByPrintedAtDesc(uai)).hasSize(1);
    }

    @Test
    void every_combination_of_the_selection_counts_what_the_pdf_holds() throws IOException {
        directory.recordActivations(List.of(accountId("zoe.martin-dupont"), accountId("claire.martin")));
        List<String> logins = jdbc.sql("select login from account where school_uai = ?").param(uai)
                .query(String.class).list();
        List<String> failures = new ArrayList<>();
        int combinations = 0;
        for (Set<Profile> profiles : List.of(EVERYONE, Set.of(Profile.STUDENT, Profile.PARENT))) {
            for (Set<String> classes : List.of(Set.<String>of(), Set.of("6A"), Set.of("6A", "5B"))) {
                for (ActivationFilter activation : ActivationFilter.values()) {
                    for (boolean preDeletion : List.of(false, true)) {
                        for (DistributionOrder order : DistributionOrder.values()) {
                            for (ParentPlacement parents : ParentPlacement.values()) {
                                combinations++;
                                RecipientQuery query = new RecipientQuery(selection(uai, profiles,
                                        classes, activation, preDeletion), order, parents);
                                String what = profiles + " " + classes + " " + activation + " pré-suppression="
                                        + preDeletion + " " + order + " " + parents;
                                try {
                                    int count = sheets.count(query);
                                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                                    int printed = sheets.print(new SheetRequest(query, SheetLayout.EIGHT_PER_PAGE),
                                            Locale.FRENCH, pdf, read -> { }, "directeur");
                                    int inPdf = sheetsIn(pdf.toByteArray(), logins);
                                    if (count != printed || count != inPdf || count != logins(query).size()) {
                                        failures.add(what + ": count " + count + ", printed " + printed
                                                + ", in the PDF " + inPdf);
                                    }
                                } catch (RuntimeException e) {
                                    failures.add(what + ": " + e);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(2 * 3 * 3 * 2 * 3 * 2);
        assertThat(failures).isEmpty();
    }

    @Test
    void every_combination_of_the_email_admin_and_date_filters_keeps_exactly_the_matching_accounts() {
        // some variety: two addresses removed, one local administrator, one account created later
        jdbc.sql("update account set email = null where login in ('helene.boeuf', 'noel.boeuf')").update();
        jdbc.sql("update account set local_admin = true where login = 'beatrice.durand'").update();
        LocalDate day = LocalDate.now(clock).plusDays(3);
        jdbc.sql("update account set created_at = ? where login = 'claire.martin'").param(day.atTime(9, 0)).update();
        List<Map<String, Object>> accounts = jdbc.sql("""
                select login, email, local_admin, created_at from account
                where school_uai = ? and state = 'ACTIVE'""").param(uai).query().listOfRows();
        List<String> failures = new ArrayList<>();
        int combinations = 0;
        for (EmailFilter email : EmailFilter.values()) {
            for (LocalAdminFilter admins : LocalAdminFilter.values()) {
                for (LocalDate since : Arrays.asList(null, day)) {
                    for (LocalDate before : Arrays.asList(null, day)) {
                        combinations++;
                        RecipientSelection selection = new RecipientSelection(uai, Set.of(), Set.of(),
                                ActivationFilter.ALL, email, admins, since, before, false);
                        List<String> expected = accounts.stream().filter(a -> switch (email) {
                            case ALL -> true;
                            case WITH_EMAIL -> a.get("email") != null;
                            case WITHOUT_EMAIL -> a.get("email") == null;
                        }).filter(a -> switch (admins) {
                            case ALL -> true;
                            case ONLY -> Boolean.TRUE.equals(a.get("local_admin"));
                            case EXCLUDED -> !Boolean.TRUE.equals(a.get("local_admin"));
                        }).filter(a -> since == null || !created(a).isBefore(since.atStartOfDay()))
                                .filter(a -> before == null || created(a).isBefore(before.atStartOfDay()))
                                .map(a -> (String) a.get("login")).sorted().toList();
                        RecipientQuery query = new RecipientQuery(selection, DistributionOrder.ALPHABETICAL,
                                ParentPlacement.WITH_YOUNGEST_CHILD);
                        List<String> found = logins(query).stream().map(l -> l.substring(l.indexOf(' ') + 1))
                                .sorted().toList();
                        var tally = recipients.tally(selection);
                        long withoutEmail = accounts.stream().filter(a -> expected.contains(a.get("login"))
                                && a.get("email") == null).count();
                        if (!found.equals(expected) || tally.accounts() != expected.size()
                                || tally.withoutEmail() != withoutEmail) {
                            failures.add(email + " " + admins + " since " + since + " before " + before + ": found "
                                    + found + ", tally " + tally + ", expected " + expected);
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(3 * 3 * 2 * 2);
        assertThat(failures).isEmpty();
    }

    private static LocalDateTime created(Map<String, Object> account) {
        Object value = account.get("created_at");
        return value instanceof LocalDateTime time ? time : ((Timestamp) value).toLocalDateTime();
    }

    /** The sheets of a PDF: each shows its holder's login once, as text. */
    private static int sheetsIn(byte[] pdf, List<String> logins) throws IOException {
        if (pdf.length == 0) {
            return 0;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            int sheets = 0;
            for (String login : logins) {
                Matcher found = Pattern.compile("(?<![\\w.-])" + Pattern.quote(login) + "(?![\\w.-])").matcher(text);
                while (found.find()) {
                    sheets++;
                }
            }
            return sheets;
        }
    }

    private RecipientQuery query(Set<Profile> profiles, Set<String> classes, ActivationFilter activation,
            DistributionOrder order, ParentPlacement parents) {
        return new RecipientQuery(selection(uai, profiles, classes, activation, false), order, parents);
    }

    private static RecipientSelection selection(String uai, Set<Profile> profiles, Set<String> classes,
            ActivationFilter activation, boolean preDeletion) {
        return new RecipientSelection(uai, profiles, classes, activation, EmailFilter.ALL, LocalAdminFilter.ALL, null,
                null, preDeletion);
    }

    /** "pile: login" of every recipient, in order, their details read in pages of three to cross page boundaries. */
    private List<String> logins(RecipientQuery query) {
        List<Placement> placements = recipients.placements(query);
        List<String> logins = new ArrayList<>();
        for (int from = 0; from < placements.size(); from += 3) {
            recipients.recipients(uai, placements.subList(from, Math.min(from + 3, placements.size())))
                    .forEach(r -> logins.add((r.pile().name() == null ? r.pile().kind() : r.pile().name()) + ": "
                            + r.login()));
        }
        return logins;
    }

    private long accountId(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }

    private static String page(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return Typography.plain(stripper.getText(document));
    }
}
