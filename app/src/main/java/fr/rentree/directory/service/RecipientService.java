package fr.rentree.directory.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ClassOrder;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.SelectedAccount;
import fr.rentree.directory.domain.SelectionTally;
import fr.rentree.security.service.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The accounts a publipostage selects, in the order they are handed out, read a page at a time. A parent sorted
 * by class may be listed once per child's class, so a query counts sheets, not accounts.
 */
@Service
public class RecipientService {

    /** Placements whose recipients are read at a time: 500 recipients are a few hundred kilobytes. */
    public static final int PAGE = 500;

    /** Profiles in the order piles and sheets follow. */
    private static final String PROFILE_RANK = "'STUDENT', 'PARENT', 'TEACHER', 'STAFF', 'GUEST'";

    private final JdbcClient jdbc;
    private final ActivationCodes codes;
    private final Clock clock;
    private final Period codeValidity;
    private final CurrentUser currentUser;

    /** @param codeValidity how long a code works after it is issued ({@code rentree.activation.code-validity}) */
    RecipientService(JdbcClient jdbc, ActivationCodes codes, Clock clock,
            @Value("${rentree.activation.code-validity}") Period codeValidity, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
        this.codeValidity = codeValidity;
        this.currentUser = currentUser;
    }

    /** The class codes of the school this year, in order. */
    /** The school's classes this year, in school order (CP before CE1, 6e before 5e). */
    public List<String> classes(String uai) {
        currentUser.requireDirectorOrSystem(uai);
        List<String> classes = new ArrayList<>(jdbc.sql(
                        "select code from school_class where school_uai = ? and school_year = ?")
                .params(uai, year()).query(String.class).list());
        classes.sort(ClassOrder.INSTANCE);
        return classes;
    }

    public int count(RecipientQuery query) {
        currentUser.requireDirectorOrSystem(query.selection().schoolUai());
        return jdbc.sql("select count(*) from (" + placed(query) + ") p")
                .paramSource(parameters(query.selection())).query(Integer.class).single();
    }

    /**
     * Every sheet of the query in distribution order, read in one statement: a print or a campaign round then works
     * through this list, so an import landing meanwhile neither skips nor repeats anyone.
     */
    public List<Placement> placements(RecipientQuery query) {
        currentUser.requireDirectorOrSystem(query.selection().schoolUai());
        List<Placement> placements = jdbc.sql("""
                        select p.pile_kind, p.pile_name, a.id, a.email
                        from (%s) p join account a on a.id = p.id
                        order by %s, %s a.last_name, a.first_name, a.login, a.id"""
                        .formatted(placed(query), pileOrder(),
                                // in a class, the pupils first, then their parents
                                query.order() == DistributionOrder.BY_CLASS ? "field(a.profile, " + PROFILE_RANK + ")," : ""))
                .paramSource(parameters(query.selection()))
                .query((row, n) -> new Placement(row.getLong("id"), pile(row), row.getString("email")))
                .list();
        // the class piles in school order; SQL ordered the rest (a stable sort keeps it)
        List<Placement> inOrder = new ArrayList<>(placements);
        inOrder.sort(Comparator.comparing(Placement::pile, (a, b) -> a.kind() == Pile.Kind.CLASS
                && b.kind() == Pile.Kind.CLASS ? ClassOrder.INSTANCE.compare(a.name(), b.name()) : 0));
        return inOrder;
    }

    /**
     * What the sheets or e-mails of these placements tell, in their order, as the accounts stand now (an account
     * activated since the list was read comes without a code); activation codes in clear. Accounts of another school
     * are left out. Read a page of placements at a time ({@link #PAGE}).
     */
    public List<Recipient> recipients(String uai, List<Placement> placements) {
        currentUser.requireDirectorOrSystem(uai);
        if (placements.isEmpty()) {
            return List.of();
        }
        List<Long> ids = placements.stream().map(Placement::accountId).distinct().toList();
        Map<Long, Row> rows = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.profile, a.first_name, a.last_name, a.login, a.email, a.activation_code,
                               a.code_issued_at
                        from account a where a.id in (:ids) and a.school_uai = :uai""")
                .param("ids", ids).param("uai", uai)
                .query(Row::of)
                .list().forEach(row -> rows.put(row.id(), row));
        Map<Long, String> classes = classes(ids);
        Map<Long, List<Recipient.Child>> children = children(rows.values().stream()
                .filter(row -> row.profile() == Profile.PARENT).map(Row::id).toList());
        return placements.stream().filter(placement -> rows.containsKey(placement.accountId())).map(placement -> {
            Row row = rows.get(placement.accountId());
            return new Recipient(row.id(), placement.pile(), row.profile(), row.firstName(), row.lastName(),
                    row.login(), row.email(), classes.get(row.id()), children.getOrDefault(row.id(), List.of()),
                    row.sealedCode() == null ? null : current(row));
        }).toList();
    }

    /**
     * The account's code, or a new one when it has expired: a new sheet or e-mail never carries a code that no
     * longer works. (The old one stays void; the swap only happens if nobody changed the code meanwhile.)
     */
    private ActivationCode current(Row row) {
        Instant now = clock.instant();
        if (row.codeIssuedAt() == null || !row.codeIssuedAt().atZone(clock.getZone()).plus(codeValidity).toInstant()
                .isBefore(now)) {
            return codes.open(row.sealedCode(), row.login());
        }
        ActivationCode fresh = codes.generate();
        int renewed = jdbc.sql("""
                        update account set activation_code = ?, code_issued_at = ?, version = version + 1
                        where id = ? and activation_code = ?""")
                .params(codes.seal(fresh, row.login()), Timestamp.from(now), row.id(), row.sealedCode()).update();
        return renewed == 1 ? fresh : codes.open(row.sealedCode(), row.login());
    }

    /**
     * One account of the school as its sheet or e-mail tells it, in no pile (a lost sheet, a new code); empty when the
     * school has no such account.
     */
    public Optional<Recipient> recipient(String uai, long accountId) {
        return recipients(uai, List.of(new Placement(accountId, new Pile(Pile.Kind.ALL, null), null))).stream()
                .findFirst();
    }

    /** How many accounts the selection holds, and how many have no e-mail address. */
    public SelectionTally tally(RecipientSelection selection) {
        currentUser.requireDirectorOrSystem(selection.schoolUai());
        return jdbc.sql("select count(*), coalesce(sum(a.email is null), 0) from account a where " + where(selection))
                .paramSource(parameters(selection))
                .query((row, n) -> new SelectionTally(row.getInt(1), row.getInt(2))).single();
    }

    /** Accounts {@code offset} to {@code offset + limit} of the selection by name, as the director verifies them. */
    public List<SelectedAccount> selected(RecipientSelection selection, int offset, int limit) {
        currentUser.requireDirectorOrSystem(selection.schoolUai());
        return jdbc.sql("""
                        select a.id, a.last_name, a.first_name, a.profile, a.login, a.activation_code, a.email,
                               a.created_at,
                               (select group_concat(c.code order by c.code separator ', ')
                                from account_class ac join school_class c on c.id = ac.class_id
                                where ac.account_id = a.id and c.school_year = :year) as classes
                        from account a where %s
                        order by a.last_name, a.first_name, a.id limit :limit offset :offset"""
                        .formatted(where(selection)))
                .paramSource(parameters(selection).addValue("limit", limit).addValue("offset", offset))
                .query((row, n) -> {
                    byte[] sealed = row.getBytes("activation_code");
                    String login = row.getString("login");
                    return new SelectedAccount(row.getLong("id"), row.getString("last_name"),
                            row.getString("first_name"), Profile.valueOf(row.getString("profile")), login,
                            sealed == null ? null : codes.open(sealed, login), row.getString("email"),
                            ClassOrder.sorted(row.getString("classes")), row.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    /** The head teachers (professeurs principaux) of each class this year, by class code. */
    public Map<String, List<String>> headTeachers(String uai) {
        currentUser.requireDirectorOrSystem(uai);
        Map<String, List<String>> teachers = new HashMap<>();
        jdbc.sql("""
                        select c.code, a.first_name, a.last_name
                        from account_class ac join school_class c on c.id = ac.class_id
                        join account a on a.id = ac.account_id
                        where c.school_uai = ? and c.school_year = ? and ac.head_teacher and a.state = 'ACTIVE'
                        order by c.code, a.last_name, a.first_name""")
                .params(uai, year())
                .query((row, n) -> teachers.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                        .add(row.getString(2) + " " + row.getString(3)))
                .list();
        return teachers;
    }

    private Map<Long, String> classes(List<Long> accounts) {
        Map<Long, String> classes = new HashMap<>();
        if (accounts.isEmpty()) {
            return classes;
        }
        jdbc.sql("""
                        select ac.account_id, group_concat(c.code order by c.code separator ', ')
                        from account_class ac join school_class c on c.id = ac.class_id
                        where ac.account_id in (:accounts) and c.school_year = :year
                        group by ac.account_id""")
                .param("accounts", accounts).param("year", year())
                .query((row, n) -> classes.put(row.getLong(1), ClassOrder.sorted(row.getString(2))))
                .list();
        return classes;
    }

    private Map<Long, List<Recipient.Child>> children(List<Long> parents) {
        Map<Long, List<Recipient.Child>> children = new HashMap<>();
        if (parents.isEmpty()) {
            return children;
        }
        jdbc.sql("""
                        select pl.parent_id, ch.first_name, ch.last_name,
                               (select min(c.code) from account_class ac join school_class c on c.id = ac.class_id
                                where ac.account_id = ch.id and c.school_year = :year) as class_code
                        from parent_link pl join account ch on ch.id = pl.child_id and ch.state = 'ACTIVE'
                        where pl.parent_id in (:parents)
                        order by pl.parent_id, ch.first_name, ch.last_name""")
                .param("parents", parents).param("year", year())
                .query((row, n) -> children.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new Recipient.Child(row.getString(2), row.getString(3), row.getString(4))))
                .list();
        return children;
    }

    /** One row per sheet: the account and the pile it goes in. */
    private static String placed(RecipientQuery query) {
        String where = where(query.selection());
        return switch (query.order()) {
            case ALPHABETICAL -> "select a.id, 'ALL' as pile_kind, null as pile_name from account a where " + where;
            case BY_PROFILE ->
                    "select a.id, 'PROFILE' as pile_kind, a.profile as pile_name from account a where " + where;
            case BY_CLASS -> byClass(query, where);
        };
    }

    private static String byClass(RecipientQuery query, String where) {
        String inSelectedClasses = query.selection().classes().isEmpty() ? "" : " and c.code in (:classes)";
        String parents = query.parents() == ParentPlacement.WITH_YOUNGEST_CHILD ? """
                select a.id, a.profile,
                       (select c.code from parent_link pl
                        join account ch on ch.id = pl.child_id and ch.state = 'ACTIVE'
                        join account_class ac on ac.account_id = ch.id
                        join school_class c on c.id = ac.class_id and c.school_year = :year
                        where pl.parent_id = a.id%s
                        order by ch.birth_date is null, ch.birth_date desc, c.code limit 1) as class_code
                from account a where %s and a.profile = 'PARENT'""".formatted(inSelectedClasses, where) : """
                select distinct a.id, a.profile, c.code as class_code
                from account a left join (parent_link pl
                    join account ch on ch.id = pl.child_id and ch.state = 'ACTIVE'
                    join account_class ac on ac.account_id = ch.id
                    join school_class c on c.id = ac.class_id and c.school_year = :year%s)
                  on pl.parent_id = a.id
                where %s and a.profile = 'PARENT'""".formatted(inSelectedClasses, where);
        return """
                select id,
                       case when profile not in ('STUDENT', 'PARENT') then 'PROFILE'
                            when class_code is null then 'WITHOUT_CLASS' else 'CLASS' end as pile_kind,
                       case when profile in ('STUDENT', 'PARENT') then class_code else profile end as pile_name
                from (
                    select a.id, a.profile,
                           case when a.profile = 'STUDENT' then
                               (select min(c.code) from account_class ac join school_class c on c.id = ac.class_id
                                where ac.account_id = a.id and c.school_year = :year%s) end as class_code
                    from account a where %s and a.profile <> 'PARENT'
                    union all
                    %s
                ) placed""".formatted(inSelectedClasses, where, parents);
    }

    private static String pileOrder() {
        return "field(pile_kind, 'ALL', 'CLASS', 'WITHOUT_CLASS', 'PROFILE'), field(pile_name, " + PROFILE_RANK
                + "), pile_name";
    }

    /** The selection's conditions on account {@code a}, joined by {@code and}: no piece relies on its whitespace. */
    private static String where(RecipientSelection selection) {
        List<String> conditions = new ArrayList<>(List.of("a.school_uai = :uai", "a.state in (:states)"));
        if (!selection.profiles().isEmpty()) {
            conditions.add("a.profile in (:profiles)");
        }
        switch (selection.activation()) {
            case NOT_ACTIVATED -> conditions.add("a.activated_at is null");
            case ACTIVATED -> conditions.add("a.activated_at is not null");
            case ALL -> { }
        }
        switch (selection.email()) {
            case WITH_EMAIL -> conditions.add("a.email is not null");
            case WITHOUT_EMAIL -> conditions.add("a.email is null");
            case ALL -> { }
        }
        switch (selection.localAdmins()) {
            case ONLY -> conditions.add("a.local_admin");
            case EXCLUDED -> conditions.add("not a.local_admin");
            case ALL -> { }
        }
        if (selection.createdSince() != null) {
            conditions.add("a.created_at >= :createdSince");
        }
        if (selection.createdBefore() != null) {
            conditions.add("a.created_at < :createdBefore");
        }
        if (!selection.classes().isEmpty()) {
            conditions.add(AccountConditions.IN_CLASSES); // a parent belongs to the classes of the children
        }
        return String.join(" and ", conditions);
    }

    private MapSqlParameterSource parameters(RecipientSelection selection) {
        return new MapSqlParameterSource("uai", selection.schoolUai())
                .addValue("states", selection.withPreDeletion() ? List.of("ACTIVE", "PRE_DELETION") : List.of("ACTIVE"))
                .addValue("profiles", selection.profiles().stream().map(Profile::name).toList())
                .addValue("classes", List.copyOf(selection.classes()))
                .addValue("createdSince", selection.createdSince())
                .addValue("createdBefore", selection.createdBefore())
                .addValue("year", year());
    }

    private int year() {
        return SchoolYear.of(clock.instant().atZone(clock.getZone()).toLocalDate()).startYear();
    }

    private static Pile pile(ResultSet row) throws SQLException {
        return new Pile(Pile.Kind.valueOf(row.getString("pile_kind")), row.getString("pile_name"));
    }

    private record Row(long id, Profile profile, String firstName, String lastName, String login,
                       @Nullable String email, byte @Nullable [] sealedCode, @Nullable Instant codeIssuedAt) {

        static Row of(ResultSet row, int n) throws SQLException {
            Timestamp issued = row.getTimestamp("code_issued_at");
            return new Row(row.getLong("id"), Profile.valueOf(row.getString("profile")),
                    row.getString("first_name"), row.getString("last_name"), row.getString("login"),
                    row.getString("email"), row.getBytes("activation_code"),
                    issued == null ? null : issued.toInstant());
        }
    }
}
