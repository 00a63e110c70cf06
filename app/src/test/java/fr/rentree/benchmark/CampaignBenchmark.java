package fr.rentree.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignPlan;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.DeliveryStatus;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.OutcomeLog;
import fr.rentree.campaign.service.CampaignService;
import fr.rentree.demo.district.DemoSchool;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.mailing.service.AccountMails;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.process.service.InboxService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.sheets.service.HolderPages;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the campaign issue, on the real stack, printed (run with {@code ./rentree benchmark-campaign}):
 * e-mails per second with a delivery row committed per e-mail against the same e-mails sent raw over one JavaMail
 * connection to the same GreenMail, the time from "Envoyer" to the last e-mail accepted, and the selection's count
 * and first page of "Vérifier" on a directory of about a million accounts.
 */
@RentreeIntegrationTest
class CampaignBenchmark {

    @Autowired
    CampaignService campaigns;
    @Autowired
    InboxService inbox;
    @Autowired
    RecipientService recipients;
    @Autowired
    SchoolService schools;
    @Autowired
    AccountMails accountMails;
    @Autowired
    HolderPages pages;
    @Autowired
    MailService mail;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    private final List<String> figures = new ArrayList<>();

    @Test
    void figures() throws IOException {
        fixtures.emptyDirectory();
        mails();
        selection(Long.getLong("benchmark.accounts", 1_000_000));
        System.out.println();
        System.out.println("=== Rentrée campaign benchmark ===");
        figures.forEach(System.out::println);
        Files.write(Path.of("target", "campaign-benchmark.txt"), figures);
    }

    /** 2,000-odd parents with an address, by e-mail: with tracking through the campaign, then raw. */
    private void mails() {
        var school = fixtures.schoolWithDirector("Collège du banc d'essai des courriels");
        String uai = school.school().uai();
        fixtures.importGenerated(new DemoSchool(uai, school.school().name(), DemoSchool.Kind.COLLEGE, 2_700),
                folder.resolve("mails"));
        String director = school.director();
        RecipientSelection parents = new RecipientSelection(uai, Set.of(Profile.PARENT), Set.of(),
                ActivationFilter.ALL, EmailFilter.WITH_EMAIL, LocalAdminFilter.ALL, null, null, false);
        Campaign campaign = fixtures.as(director, () -> campaigns.launch(uai, new CampaignPlan("Banc d'essai",
                LocalDate.now().plusWeeks(6), 90, Duration.ofDays(7)), false));
        fixtures.as(director, () -> campaigns.submitSelection(inbox.inbox(0, 1).getFirst().id(), parents));
        String task = fixtures.as(director, () -> inbox.inbox(0, 1).getFirst().id());

        // GreenMail makes a mailbox at the first e-mail to an address: a first raw pass makes them all, so that
        // no measured run pays for it; then raw, tracked and raw again, so that the JIT's warming favours neither
        raw(uai, parents);
        List<Instant> before = raw(uai, parents);

        Instant start = Instant.now();
        int count = fixtures.as(director, () -> campaigns.validate(task, new Distribution(
                DistributionOrder.ALPHABETICAL, ParentPlacement.WITH_YOUNGEST_CHILD, SheetLayout.ONE_PER_PAGE,
                DistributionMode.EMAIL))).mails();
        while (sent(campaign) < count) {
            pause(); // seldom: a count every 20 ms took a tenth of a core from the sending it measures
        }
        List<Instant> done = jdbc.sql("""
                        select d.done_at from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? order by d.done_at""")
                .param(campaign.id()).query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
        long untilLast = Duration.between(start, done.getLast()).toMillis();
        double tracked = perSecond(count, done.getFirst(), done.getLast());
        List<Instant> after = raw(uai, parents);
        double raw = (perSecond(before.size(), before.getFirst(), before.getLast())
                + perSecond(after.size(), after.getFirst(), after.getLast())) / 2;

        // what one outcome costs alone: the rows made pending again, then written one by one as the sending does
        List<Long> ids = jdbc.sql("""
                        select d.id from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ?""").param(campaign.id()).query(Long.class).list();
        jdbc.sql("""
                update delivery d join campaign_round r on r.id = d.round_id set d.status = 'PENDING'
                where r.campaign_id = ?""").param(campaign.id()).update();
        long writes = System.nanoTime();
        try (OutcomeLog outcomes = deliveries.outcomes()) {
            ids.forEach(id -> outcomes.record(id, DeliveryStatus.SENT, null, "<bench>", Instant.now()));
        }
        double perWrite = (System.nanoTime() - writes) / 1e6 / ids.size();

        figure("e-mails of the round (parents with an address, 2,700-pupil collège)", count + " e-mails");
        figure("from confirming \"Envoyer\" to the last e-mail accepted", untilLast + " ms");
        figure("e-mails/s with a delivery row committed per e-mail", String.format("%.0f/s", tracked));
        figure("e-mails/s raw (same e-mails, one connection, no row; before and after)", String.format(
                "%.0f/s and %.0f/s", perSecond(before.size(), before.getFirst(), before.getLast()),
                perSecond(after.size(), after.getFirst(), after.getLast())));
        figure("tracked / raw, mean of the two (goal >= 0.9)", String.format("%.2f", tracked / raw));
        figure("one outcome written alone (update + commit, mean of " + ids.size() + ")",
                String.format("%.2f ms", perWrite));
    }

    /**
     * The same e-mails without any row: read and composed as the campaign does, 200 at a time, each batch over one
     * connection. Returns when the server accepted each.
     */
    private List<Instant> raw(String uai, RecipientSelection parents) {
        School where = schools.find(uai).orElseThrow();
        List<Placement> placements = recipients.placements(new RecipientQuery(parents, DistributionOrder.ALPHABETICAL,
                ParentPlacement.WITH_YOUNGEST_CHILD));
        List<Instant> accepted = new ArrayList<>();
        for (int from = 0; from < placements.size(); from += 200) {
            List<OutgoingMail> batch = recipients.recipients(uai, placements.subList(from,
                            Math.min(placements.size(), from + 200))).stream()
                    .map(holder -> accountMails.compose(holder, holder.email(), where, pages.ent(where),
                            pages.page(holder), false, "<raw-" + holder.accountId() + "@rentree.localhost>"))
                    .toList();
            try (MailService.Connection smtp = mail.connect()) {
                for (OutgoingMail outgoing : batch) {
                    smtp.send(outgoing);
                    accepted.add(Instant.now());
                }
            }
        }
        return accepted;
    }

    /**
     * A 3,000-pupil collège imported through the importer, then copied school after school (rows copied in SQL,
     * logins suffixed) until the directory holds about {@code target} accounts; the figures are the collège's.
     */
    private void selection(long target) {
        var school = fixtures.schoolWithDirector("Collège du banc d'essai de la sélection");
        String uai = school.school().uai();
        fixtures.importGenerated(new DemoSchool(uai, school.school().name(), DemoSchool.Kind.COLLEGE, 3_000),
                folder.resolve("selection"));
        long start = System.nanoTime();
        int copies = 0;
        for (long accounts = count(); accounts < target; accounts = count()) {
            copy(uai, ++copies);
        }
        jdbc.sql("analyze table account, account_class, parent_link, school_class").query(row -> {
        });
        figure("directory filled by copies of the collège", count() + " accounts, " + copies + " copies, "
                + (System.nanoTime() - start) / 1_000_000_000 + " s");

        List<String> classes = recipients.classes(uai);
        List<RecipientSelection> selections = new ArrayList<>();
        for (Set<Profile> profiles : List.of(Set.<Profile>of(), Set.of(Profile.PARENT), Set.of(Profile.STUDENT,
                Profile.PARENT))) {
            for (Set<String> someClasses : List.of(Set.<String>of(), Set.of(classes.getFirst()),
                    Set.copyOf(classes.subList(0, Math.min(5, classes.size()))))) {
                for (ActivationFilter activation : ActivationFilter.values()) {
                    for (EmailFilter email : EmailFilter.values()) {
                        selections.add(new RecipientSelection(uai, profiles, someClasses, activation, email,
                                LocalAdminFilter.ALL, null, null, false));
                    }
                }
            }
        }
        String director = school.director();
        figure("selection count (" + selections.size() + " filter combinations x 5, p50 / p95 / max; goal p95 < 50)",
                timings(selections, selection -> () -> fixtures.as(director, () -> campaigns.tally(selection))));
        figure("first page of \"Vérifier\", 50 rows (same, p50 / p95 / max; goal p95 < 50)",
                timings(selections, selection -> () -> fixtures.as(director,
                        () -> campaigns.selected(selection, 0, 50))));
    }

    private void copy(String uai, int copy) {
        String copyUai = Uai.of(9_500_000 + copy);
        schools.createIfAbsent(new School(copyUai, "Copie " + copy, SchoolKind.COLLEGE, Fixtures.DISTRICT, null,
                null));
        long accounts = 10_000_000L * copy;
        long classes = 1_000_000L * copy;
        jdbc.sql("""
                        insert into school_class (id, school_uai, school_year, code, label)
                        select id + ?, ?, school_year, code, label from school_class where school_uai = ?""")
                .params(classes, copyUai, uai).update();
        jdbc.sql("""
                        insert into account (id, school_uai, profile, origin, source_id, login, login_base, last_name,
                               first_name, birth_date, national_id, email, local_admin, created_at, state, state_since,
                               activation_code, activated_at)
                        select id + ?, ?, profile, origin, source_id, concat(login, '-', ?), concat(login_base, '-', ?),
                               last_name, first_name, birth_date, national_id, email, local_admin, created_at, state,
                               state_since, activation_code, activated_at
                        from account where school_uai = ?""")
                .params(accounts, copyUai, copy, copy, uai).update();
        jdbc.sql("""
                        insert into account_class (account_id, class_id, head_teacher)
                        select ac.account_id + ?, ac.class_id + ?, ac.head_teacher
                        from account_class ac join account a on a.id = ac.account_id where a.school_uai = ?""")
                .params(accounts, classes, uai).update();
        jdbc.sql("""
                        insert into parent_link (parent_id, child_id, legal_level, relationship)
                        select pl.parent_id + ?, pl.child_id + ?, pl.legal_level, pl.relationship
                        from parent_link pl join account a on a.id = pl.parent_id where a.school_uai = ?""")
                .params(accounts, accounts, uai).update();
    }

    private long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    private int sent(Campaign campaign) {
        return jdbc.sql("""
                        select count(*) from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.status <> 'PENDING'""")
                .param(campaign.id()).query(Integer.class).single();
    }

    private static double perSecond(int count, Instant first, Instant last) {
        return (count - 1) * 1000.0 / Math.max(1, Duration.between(first, last).toMillis());
    }

    private static <T> String timings(List<T> keys, java.util.function.Function<T, Supplier<?>> work) {
        keys.forEach(key -> work.apply(key).get()); // warm-up
        List<Long> micros = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            for (T key : keys) {
                long start = System.nanoTime();
                work.apply(key).get();
                micros.add((System.nanoTime() - start) / 1000);
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f ms / %.1f ms / %.1f ms", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.95)] / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void figure(String what, String value) {
        String line = String.format("%-80s %s", what, value);
        figures.add(line);
        System.out.println(line);
    }
}
