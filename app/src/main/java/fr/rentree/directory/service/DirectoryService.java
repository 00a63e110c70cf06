package fr.rentree.directory.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.domain.AccountChange;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.ChildLink;
import fr.rentree.directory.domain.ClassOrder;
import fr.rentree.directory.domain.ImportedAccount;
import fr.rentree.directory.domain.Login;
import fr.rentree.directory.domain.Origin;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Roster;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.directory.domain.RosterEntry;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.security.service.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of accounts: what imports change, what screens list and count. Accounts are read and written
 * set-wise (a school at a time, thousands of rows), hence SQL through {@link JdbcClient} rather than one aggregate
 * at a time.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ActivationCodes codes;
    private final Logins logins;
    private final ActivationTallies tallies;
    private final Clock clock;
    private final AuditLog journal;
    private final CurrentUser currentUser;

    DirectoryService(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ActivationCodes codes, Logins logins,
                     ActivationTallies tallies, Clock clock, AuditLog journal, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.codes = codes;
        this.logins = logins;
        this.tallies = tallies;
        this.clock = clock;
        this.journal = journal;
        this.currentUser = currentUser;
    }

    /** The school's accounts that came from imports, with their classes of the given year and their children. */
    public List<ImportedAccount> importedAccounts(String uai, SchoolYear year) {
        Map<Long, Set<String>> classes = new HashMap<>();
        Map<Long, Set<String>> headOf = new HashMap<>();
        jdbc.sql("""
                        select ac.account_id, c.code, ac.head_teacher from account_class ac
                        join school_class c on c.id = ac.class_id
                        where c.school_uai = ? and c.school_year = ?""")
                .params(uai, year.startYear())
                .query(row -> {
                    long account = row.getLong(1);
                    classes.computeIfAbsent(account, id -> new HashSet<>()).add(row.getString(2));
                    if (row.getBoolean(3)) {
                        headOf.computeIfAbsent(account, id -> new HashSet<>()).add(row.getString(2));
                    }
                });
        Map<Long, Set<ChildLink>> children = new HashMap<>();
        jdbc.sql("""
                        select l.parent_id, child.source_id, l.legal_level, l.relationship from parent_link l
                        join account child on child.id = l.child_id
                        join account parent on parent.id = l.parent_id
                        where parent.school_uai = ? and parent.origin <> 'MANUAL'""")
                .param(uai)
                .query(row -> {
                    children.computeIfAbsent(row.getLong(1), id -> new HashSet<>())
                            .add(new ChildLink(row.getString(2), row.getInt(3), row.getString(4)));
                });
        return jdbc.sql("""
                        select id, login, state, source_id, origin, profile, last_name, first_name, birth_date,
                               national_id, email
                        from account where school_uai = ? and origin <> 'MANUAL'""")
                .param(uai)
                .query((row, n) -> {
                    long id = row.getLong("id");
                    RosterEntry entry = new RosterEntry(row.getString("source_id"),
                            Origin.valueOf(row.getString("origin")), Profile.valueOf(row.getString("profile")),
                            row.getString("last_name"), row.getString("first_name"),
                            row.getObject("birth_date", java.time.LocalDate.class), row.getString("national_id"),
                            row.getString("email"), classes.getOrDefault(id, Set.of()),
                            headOf.getOrDefault(id, Set.of()), children.getOrDefault(id, Set.of()));
                    return new ImportedAccount(id, row.getString("login"),
                            AccountState.valueOf(row.getString("state")), entry);
                })
                .list();
    }

    /** The export identifiers of the school's pupils still there: the children a guardians' file may name. */
    public Set<String> activePupils(String uai) {
        return new HashSet<>(jdbc.sql("""
                        select source_id from account
                        where school_uai = ? and profile = 'STUDENT' and origin = 'SIECLE' and state = 'ACTIVE'""")
                .param(uai).query(String.class).list());
    }

    public RosterChanges preview(Roster roster) {
        return RosterChanges.between(roster, importedAccounts(roster.schoolUai(), roster.year()));
    }

    /**
     * Moves the school's imported accounts to what the roster says, in one transaction. The changes are computed
     * again under a lock on the school, so two imports of one school (a double click) run one after the other and
     * the second finds nothing left to do.
     */
    @Transactional
    public RosterChanges apply(Roster roster, String importedBy, List<String> files) {
        String uai = roster.schoolUai();
        jdbc.sql("select uai from school where uai = ? for update").param(uai).query(String.class).single();
        RosterChanges changes = preview(roster);
        Instant now = clock.instant();
        Map<String, Long> classIds = ensureClasses(roster);
        insertAccounts(uai, changes.ofKind(ChangeKind.CREATE), now);
        updateAccounts(changes, now);
        Map<String, Long> ids = importedIds(uai);
        replaceClasses(changes, ids, classIds, roster.year());
        replaceChildren(changes, ids);
        jdbc.sql("""
                        insert into directory_import (school_uai, school_year, files, imported_by, imported_at,
                                                      created, updated, pre_deleted, restored)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(uai, roster.year().startYear(), abbreviate(String.join(", ", files), 1000), importedBy,
                        Timestamp.from(now), changes.count(ChangeKind.CREATE), changes.count(ChangeKind.UPDATE),
                        changes.count(ChangeKind.PRE_DELETE), changes.count(ChangeKind.RESTORE))
                .update();
        tallies.recount(Set.of(uai));
        return changes;
    }

    private Map<String, Long> ensureClasses(Roster roster) {
        Set<String> codes = new TreeSet<>();
        roster.entries().forEach(entry -> codes.addAll(entry.classes()));
        Map<String, Long> ids = classIds(roster);
        List<SqlParameterSource> missing = codes.stream().filter(code -> !ids.containsKey(code))
                .map(code -> (SqlParameterSource) new MapSqlParameterSource()
                        .addValue("uai", roster.schoolUai()).addValue("year", roster.year().startYear())
                        .addValue("code", code).addValue("label", roster.classLabels().get(code)))
                .toList();
        inChunks("insert into school_class (school_uai, school_year, code, label)"
                + " values (:uai, :year, :code, :label)", missing.toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> relabelled = roster.classLabels().entrySet().stream()
                .map(label -> (SqlParameterSource) new MapSqlParameterSource()
                        .addValue("uai", roster.schoolUai()).addValue("year", roster.year().startYear())
                        .addValue("code", label.getKey()).addValue("label", label.getValue()))
                .toList();
        inChunks("update school_class set label = :label where school_uai = :uai and school_year = :year"
                + " and code = :code and not (label <=> :label)", relabelled.toArray(SqlParameterSource[]::new));
        return missing.isEmpty() ? ids : classIds(roster);
    }

    private Map<String, Long> classIds(Roster roster) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from school_class where school_uai = ? and school_year = ?")
                .params(roster.schoolUai(), roster.year().startYear())
                .query(row -> {
                    ids.put(row.getString(1), row.getLong(2));
                });
        return ids;
    }

    private void insertAccounts(String uai, List<AccountChange> creations, Instant now) {
        List<String> bases = creations.stream()
                .map(change -> Login.base(change.entry().firstName(), change.entry().lastName())).toList();
        List<String> given = logins.allocate(bases);
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < creations.size(); i++) {
            String login = given.get(i);
            rows.add(entryParameters(creations.get(i).entry(), now)
                    .addValue("uai", uai).addValue("login", login).addValue("loginBase", bases.get(i))
                    .addValue("code", codes.seal(codes.generate(), login)));
        }
        inChunks("""
                insert into account (school_uai, profile, origin, source_id, login, login_base, last_name, first_name,
                                     birth_date, national_id, email, local_admin, created_at, state, state_since,
                                     activation_code, code_issued_at)
                values (:uai, :profile, :origin, :sourceId, :login, :loginBase, :lastName, :firstName, :birthDate,
                        :nationalId, :email, false, :now, 'ACTIVE', :now, :code, :now)""",
                rows.toArray(SqlParameterSource[]::new));
    }

    private void updateAccounts(RosterChanges changes, Instant now) {
        List<SqlParameterSource> updates = new ArrayList<>();
        for (AccountChange change : changes.changes()) {
            if (change.kind() == ChangeKind.UPDATE || change.kind() == ChangeKind.RESTORE) {
                updates.add(entryParameters(change.entry(), now).addValue("id", change.accountId())
                        .addValue("restore", change.kind() == ChangeKind.RESTORE));
            }
        }
        inChunks("""
                update account set source_id = :sourceId, profile = :profile, last_name = :lastName,
                                   first_name = :firstName, birth_date = :birthDate, national_id = :nationalId,
                                   email = :email,
                                   state_since = if(:restore, :now, state_since),
                                   state = if(:restore, 'ACTIVE', state),
                                   version = version + 1
                where id = :id""", updates.toArray(SqlParameterSource[]::new));
        SqlParameterSource[] departures = changes.ofKind(ChangeKind.PRE_DELETE).stream()
                .map(change -> new MapSqlParameterSource("id", change.accountId()).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        inChunks("update account set state = 'PRE_DELETION', state_since = :now, version = version + 1"
                + " where id = :id", departures);
    }

    private static MapSqlParameterSource entryParameters(RosterEntry entry, Instant now) {
        return new MapSqlParameterSource()
                .addValue("profile", entry.profile().name()).addValue("origin", entry.origin().name())
                .addValue("sourceId", entry.sourceId()).addValue("lastName", entry.lastName())
                .addValue("firstName", entry.firstName()).addValue("birthDate", entry.birthDate())
                .addValue("nationalId", entry.nationalId()).addValue("email", entry.email())
                .addValue("now", Timestamp.from(now));
    }

    private Map<String, Long> importedIds(String uai) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select source_id, id from account where school_uai = ? and origin <> 'MANUAL'").param(uai)
                .query(row -> {
                    ids.put(row.getString(1), row.getLong(2));
                });
        return ids;
    }

    private void replaceClasses(RosterChanges changes, Map<String, Long> ids, Map<String, Long> classIds,
                                SchoolYear year) {
        List<AccountChange> moved = changes.changes().stream()
                .filter(change -> change.kind() == ChangeKind.CREATE
                        || change.changedFields().contains("classes") || change.changedFields().contains("headOf"))
                .toList();
        List<SqlParameterSource> cleared = new ArrayList<>();
        List<SqlParameterSource> placed = new ArrayList<>();
        for (AccountChange change : moved) {
            long id = ids.get(change.entry().sourceId());
            cleared.add(new MapSqlParameterSource("id", id).addValue("year", year.startYear()));
            for (String code : change.entry().classes()) {
                placed.add(new MapSqlParameterSource("id", id).addValue("class", classIds.get(code))
                        .addValue("head", change.entry().headOf().contains(code)));
            }
        }
        inChunks("delete from account_class where account_id = :id and class_id in"
                + " (select c.id from school_class c where c.school_year = :year)",
                cleared.toArray(SqlParameterSource[]::new));
        inChunks("insert into account_class (account_id, class_id, head_teacher) values (:id, :class, :head)",
                placed.toArray(SqlParameterSource[]::new));
    }

    private void replaceChildren(RosterChanges changes, Map<String, Long> ids) {
        List<AccountChange> relinked = changes.changes().stream()
                .filter(change -> change.entry().profile() == Profile.PARENT)
                .filter(change -> change.kind() == ChangeKind.CREATE || change.changedFields().contains("children"))
                .toList();
        List<SqlParameterSource> cleared = new ArrayList<>();
        List<SqlParameterSource> linked = new ArrayList<>();
        for (AccountChange change : relinked) {
            long id = ids.get(change.entry().sourceId());
            cleared.add(new MapSqlParameterSource("id", id));
            for (ChildLink child : change.entry().children()) {
                Long childId = ids.get(child.childSourceId());
                if (childId != null) {
                    linked.add(new MapSqlParameterSource("parent", id).addValue("child", childId)
                            .addValue("level", child.legalLevel()).addValue("relationship", child.relationship()));
                }
            }
        }
        inChunks("delete from parent_link where parent_id = :id", cleared.toArray(SqlParameterSource[]::new));
        inChunks("insert into parent_link (parent_id, child_id, legal_level, relationship)"
                + " values (:parent, :child, :level, :relationship)", linked.toArray(SqlParameterSource[]::new));
    }

    /**
     * Runs a batch statement a thousand rows at a time: one batch of a whole district would outgrow the server's
     * largest packet.
     */
    private void inChunks(String sql, SqlParameterSource[] rows) {
        for (int from = 0; from < rows.length; from += CHUNK) {
            batch.batchUpdate(sql, Arrays.copyOfRange(rows, from, Math.min(rows.length, from + CHUNK)));
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // --- activation codes

    /** The activation code of an account not yet activated. */
    public Optional<ActivationCode> activationCode(long accountId) {
        return jdbc.sql("""
                        select login, activation_code, school_uai from account
                        where id = ? and activation_code is not null""")
                .param(accountId)
                .query((row, n) -> {
                    currentUser.requireDirectorOrSystem(row.getString(3));
                    return codes.open(row.getBytes(2), row.getString(1));
                })
                .optional();
    }

    /** A new code for an account not yet activated; the previous one stops working. */
    @Transactional
    public Optional<ActivationCode> regenerateActivationCode(long accountId) {
        record Holder(String login, String schoolUai) {
        }
        Optional<Holder> holder = jdbc.sql("""
                        select login, school_uai from account where id = ? and activated_at is null for update""")
                .param(accountId).query((row, n) -> new Holder(row.getString(1), row.getString(2))).optional();
        return holder.map(account -> {
            currentUser.requireDirectorOrSystem(account.schoolUai());
            ActivationCode code = codes.generate();
            jdbc.sql("update account set activation_code = ?, code_issued_at = ?, version = version + 1 where id = ?")
                    .params(codes.seal(code, account.login()), Timestamp.from(clock.instant()), accountId).update();
            journal.record(account.schoolUai(), AuditAction.NEW_CODE, account.login());
            return code;
        });
    }

    /** Records that the holders chose a password: their codes are void from now on. */
    @Transactional
    public void recordActivations(Collection<Long> accountIds) {
        SqlParameterSource[] rows = accountIds.stream()
                .map(id -> new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant())))
                .toArray(SqlParameterSource[]::new);
        inChunks("update account set activated_at = :now, activation_code = null, code_issued_at = null,"
                + " version = version + 1"
                + " where id = :id and activated_at is null", rows);
        Set<String> schools = new HashSet<>();
        List<Long> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            schools.addAll(jdbc.sql("select distinct school_uai from account where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).query(String.class).list());
        }
        tallies.recount(schools);
    }

    // --- lists

    public int count(AccountQuery query) {
        currentUser.requireDirectorOrSystem(query.schoolUai());
        return jdbc.sql("select count(*) from account a where " + where(query))
                .paramSource(parameters(query)).query(Integer.class).single();
    }

    public List<AccountRow> accounts(AccountQuery query, int offset, int limit) {
        currentUser.requireDirectorOrSystem(query.schoolUai());
        return rows(where(query) + " order by a.last_name, a.first_name, a.login limit :limit offset :offset",
                parameters(query).addValue("limit", limit).addValue("offset", offset));
    }

    /** One account of the school as a line of the list, whatever its state. */
    public Optional<AccountRow> account(String schoolUai, long accountId) {
        currentUser.requireDirectorOrSystem(schoolUai);
        return rows("a.school_uai = :uai and a.id = :id", new MapSqlParameterSource("uai", schoolUai)
                .addValue("id", accountId).addValue("year", currentYear())).stream().findFirst();
    }

    /** Lines of the list: the accounts {@code a} that {@code where} keeps, with their classes of year {@code :year}. */
    List<AccountRow> rows(String where, MapSqlParameterSource parameters) {
        return jdbc.sql("""
                        select a.id, a.profile, a.origin, a.login, a.last_name, a.first_name, a.birth_date, a.email,
                               a.state, a.activated_at, (a.locked_at is not null and (a.locked_until is null
                                   or a.locked_until > :now)) as locked, a.created_at,
                               exists (select 1 from guardian_report r where r.parent_id = a.id
                                       and r.handled_at is null) as reported,
                               (select group_concat(c.code order by c.code separator ', ')
                                from account_class ac join school_class c on c.id = ac.class_id
                                where ac.account_id = a.id and c.school_year = :year) as classes
                        from account a where\s""" + where)
                .paramSource(parameters.addValue("now", Timestamp.from(clock.instant()))) // a lock ends by itself
                .query(DirectoryService::accountRow)
                .list();
    }

    int currentYear() {
        return SchoolYear.of(clock.instant().atZone(clock.getZone()).toLocalDate()).startYear();
    }

    /** The query's conditions on account {@code a}, joined by {@code and}: no piece relies on its whitespace. */
    private static String where(AccountQuery query) {
        List<String> conditions = new ArrayList<>(List.of("a.school_uai = :uai"));
        switch (query.state()) {
            case IN_USE -> conditions.add("a.state = 'ACTIVE'");
            case PRE_DELETION -> conditions.add("a.state = 'PRE_DELETION'");
            case DELETED -> conditions.add("a.state = 'DELETED'");
            case LOCKED -> conditions.add("a.state = 'ACTIVE' and a.locked_at is not null"
                    + " and (a.locked_until is null or a.locked_until > :now)");
            case ALL -> { }
        }
        if (!query.profiles().isEmpty()) {
            conditions.add("a.profile in (:profiles)");
        }
        if (!query.text().isBlank()) {
            // "Zoé Martin" as well as "Martin Zoé", as a director types a name read on a list
            conditions.add("(a.last_name like :text or a.first_name like :text or a.login like :text"
                    + " or concat(a.first_name, ' ', a.last_name) like :text"
                    + " or concat(a.last_name, ' ', a.first_name) like :text)");
        }
        if (!query.classes().isEmpty()) {
            conditions.add(AccountConditions.IN_CLASSES);
        }
        switch (query.activation()) {
            case NOT_ACTIVATED -> conditions.add("a.activated_at is null");
            case ACTIVATED -> conditions.add("a.activated_at is not null");
            case ALL -> { }
        }
        switch (query.origin()) {
            case IMPORTED -> conditions.add("a.origin <> 'MANUAL'");
            case MANUAL -> conditions.add("a.origin = 'MANUAL'");
            case ALL -> { }
        }
        return String.join(" and ", conditions);
    }

    private MapSqlParameterSource parameters(AccountQuery query) {
        return new MapSqlParameterSource("uai", query.schoolUai())
                .addValue("profiles", query.profiles().stream().map(Profile::name).toList())
                .addValue("classes", List.copyOf(query.classes()))
                .addValue("year", currentYear())
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("text", "%" + query.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private static AccountRow accountRow(ResultSet row, int n) throws SQLException {
        Timestamp activated = row.getTimestamp("activated_at");
        return new AccountRow(row.getLong("id"), Profile.valueOf(row.getString("profile")),
                Origin.valueOf(row.getString("origin")), row.getString("login"), row.getString("last_name"),
                row.getString("first_name"), row.getObject("birth_date", java.time.LocalDate.class),
                ClassOrder.sorted(row.getString("classes")), row.getString("email"),
                AccountState.valueOf(row.getString("state")),
                activated == null ? null : activated.toInstant(), row.getBoolean("locked"),
                row.getBoolean("reported"), row.getTimestamp("created_at").toInstant());
    }
}
