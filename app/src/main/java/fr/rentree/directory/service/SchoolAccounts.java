package fr.rentree.directory.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.EmailAddress;
import fr.rentree.directory.domain.AccountDetails;
import fr.rentree.directory.domain.AccountEdit;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.AccountState;
import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.Civility;
import fr.rentree.directory.domain.CreatedAccount;
import fr.rentree.directory.domain.HolderTexts;
import fr.rentree.directory.domain.Login;
import fr.rentree.directory.domain.NewAccount;
import fr.rentree.directory.domain.Origin;
import fr.rentree.directory.domain.Profile;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's accounts as its directors manage them one by one (seed 004): read one, edit it, create a teacher or
 * another user by hand, delete a manual account and restore it. Only a director of the school gets through.
 */
@Service
@Transactional(readOnly = true)
public class SchoolAccounts {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final ActivationCodes codes;
    private final Logins logins;
    private final ActivationTallies tallies;
    private final SchoolService schools;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog journal;

    SchoolAccounts(JdbcClient jdbc, DirectoryService directory, ActivationCodes codes, Logins logins,
                   ActivationTallies tallies, SchoolService schools, CurrentUser currentUser, Clock clock,
                   AuditLog journal) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.codes = codes;
        this.logins = logins;
        this.tallies = tallies;
        this.schools = schools;
        this.currentUser = currentUser;
        this.clock = clock;
        this.journal = journal;
    }

    public AccountDetails details(String schoolUai, long accountId) {
        currentUser.requireDirectorOf(schoolUai);
        Set<String> classes = new HashSet<>();
        Set<String> headOf = new HashSet<>();
        jdbc.sql("""
                        select c.code, ac.head_teacher from account_class ac join school_class c on c.id = ac.class_id
                        where ac.account_id = ? and c.school_year = ?""")
                .params(accountId, directory.currentYear())
                .query(row -> {
                    classes.add(row.getString(1));
                    if (row.getBoolean(2)) {
                        headOf.add(row.getString(1));
                    }
                });
        return jdbc.sql("""
                        select id, school_uai, profile, origin, login, civility, last_name, first_name, birth_date,
                               email, discipline, ent_id, local_admin, state, version
                        from account where id = ? and school_uai = ?""")
                .params(accountId, schoolUai)
                .query((row, n) -> new AccountDetails(row.getLong("id"), row.getString("school_uai"),
                        Profile.valueOf(row.getString("profile")), Origin.valueOf(row.getString("origin")),
                        row.getString("login"),
                        row.getString("civility") == null ? null : Civility.valueOf(row.getString("civility")),
                        row.getString("last_name"), row.getString("first_name"),
                        row.getObject("birth_date", LocalDate.class), row.getString("email"),
                        row.getString("discipline"), row.getString("ent_id"), row.getBoolean("local_admin"),
                        classes, headOf, AccountState.valueOf(row.getString("state")), row.getInt("version")))
                .optional()
                .orElseThrow(() -> new NoSuchElementException("No account " + accountId + " in " + schoolUai));
    }

    /**
     * Saves a director's changes to an account read at {@code version}; refused when someone changed it since (another
     * director, another tab), so that nobody's change is lost unseen.
     *
     * @throws OptimisticLockingFailureException when the account changed since it was read
     */
    @Transactional
    public void edit(String schoolUai, long accountId, int version, AccountEdit edit) {
        AccountDetails account = details(schoolUai, accountId);
        checkEmail(edit.email());
        checkLength(edit.entId());
        HolderTexts.printable("ENT identifier", edit.entId());
        Map<String, Long> classIds = classIds(schoolUai);
        if (!account.hasClasses() && !edit.classes().isEmpty() || !account.mayHeadClasses() && !edit.headOf().isEmpty()
                || !classIds.keySet().containsAll(edit.classes()) || !edit.classes().containsAll(edit.headOf())) {
            throw new IllegalArgumentException("Classes " + edit.classes() + " / " + edit.headOf()
                    + " do not fit account " + accountId);
        }
        int updated = jdbc.sql("""
                        update account set email = ?, ent_id = ?, local_admin = ?, version = version + 1
                        where id = ? and school_uai = ? and version = ?""")
                .params(edit.email(), edit.entId(), edit.localAdmin(), accountId, schoolUai, version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Account " + accountId + " changed since version " + version);
        }
        if (account.hasClasses() && !classIds.isEmpty()) {
            jdbc.sql("delete from account_class where account_id = :id and class_id in (:ids)")
                    .param("id", accountId).param("ids", List.copyOf(classIds.values())).update();
            place(accountId, edit.classes(), edit.headOf(), classIds);
        }
        journal.record(schoolUai, AuditAction.EDIT_ACCOUNT, account.login());
    }

    /** Whether the school's settings allow creating accounts by hand: its name and contact address are filled in. */
    public boolean mayCreate(String schoolUai) {
        currentUser.requireDirectorOf(schoolUai);
        return schools.find(schoolUai).filter(School::readyForManualAccounts).isPresent();
    }

    /**
     * The school's accounts, in any state and of any origin, with the same names and birth date: probably the same
     * person, whom an import or another director created already.
     */
    public List<AccountRow> probableDuplicates(String schoolUai, NewAccount account) {
        currentUser.requireDirectorOf(schoolUai);
        // the column's collation compares names as people do: regardless of case and accents
        return directory.rows("a.school_uai = :uai and a.last_name = :last and a.first_name = :first"
                        + " and a.birth_date = :birth order by a.login",
                new MapSqlParameterSource("uai", schoolUai).addValue("last", account.lastName())
                        .addValue("first", account.firstName()).addValue("birth", account.birthDate())
                        .addValue("year", directory.currentYear()));
    }

    /**
     * Creates an account by hand, with a login by the imports' rule and a new activation code for its sheet or
     * e-mail. Refused until the school's settings are complete.
     */
    @Transactional
    public CreatedAccount create(String schoolUai, NewAccount account) {
        currentUser.requireDirectorOf(schoolUai);
        if (!mayCreate(schoolUai)) {
            throw new IllegalStateException("School " + schoolUai + " has no name or contact address yet");
        }
        check(account);
        Map<String, Long> classIds = classIds(schoolUai);
        if (account.profile() != Profile.TEACHER && !account.classes().isEmpty()
                || !classIds.keySet().containsAll(account.classes())) {
            throw new IllegalArgumentException("Classes " + account.classes() + " do not fit " + account.profile());
        }
        schools.lock(schoolUai); // a double click creates one account, the second finding the first as a duplicate
        String base = Login.base(account.firstName(), account.lastName());
        String login = logins.allocate(List.of(base)).getFirst();
        ActivationCode code = codes.generate();
        Timestamp now = Timestamp.from(clock.instant());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into account (school_uai, profile, civility, origin, login, login_base, last_name,
                                             first_name, birth_date, email, discipline, local_admin, created_at,
                                             state, state_since, activation_code, code_issued_at)
                        values (:uai, :profile, :civility, 'MANUAL', :login, :base, :last, :first, :birth, :email,
                                :discipline, false, :now, 'ACTIVE', :now, :code, :now)""")
                .param("uai", schoolUai).param("profile", account.profile().name())
                .param("civility", account.civility().name()).param("login", login).param("base", base)
                .param("last", account.lastName()).param("first", account.firstName())
                .param("birth", account.birthDate()).param("email", account.email())
                .param("discipline", account.discipline()).param("now", now)
                .param("code", codes.seal(code, login))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        place(id, account.classes(), Set.of(), classIds);
        tallies.recount(Set.of(schoolUai));
        journal.record(schoolUai, AuditAction.CREATE_ACCOUNT, login);
        return new CreatedAccount(id, login, code);
    }

    /**
     * Deletes an account created by hand: masked from the lists, its holder no longer able to activate it or reset
     * its password, its history kept, restorable. Imported accounts leave with the import that no longer lists them.
     *
     * @return false when it was deleted already (a double click, another director)
     */
    @Transactional
    public boolean delete(String schoolUai, long accountId) {
        return move(schoolUai, accountId, AccountState.ACTIVE, AccountState.DELETED, AuditAction.DELETE_ACCOUNT);
    }

    /** Brings a deleted account back into use; false when it was restored already. */
    @Transactional
    public boolean restore(String schoolUai, long accountId) {
        return move(schoolUai, accountId, AccountState.DELETED, AccountState.ACTIVE, AuditAction.RESTORE_ACCOUNT);
    }

    private boolean move(String schoolUai, long accountId, AccountState from, AccountState to, AuditAction action) {
        AccountDetails account = details(schoolUai, accountId);
        if (account.imported()) {
            throw new IllegalArgumentException("Account " + accountId + " is imported: the import handles leavers");
        }
        int moved = jdbc.sql("""
                        update account set state = ?, state_since = ?, version = version + 1
                        where id = ? and state = ?""")
                .params(to.name(), Timestamp.from(clock.instant()), accountId, from.name()).update();
        tallies.recount(Set.of(schoolUai));
        if (moved > 0) {
            journal.record(schoolUai, action, account.login());
        }
        return moved > 0;
    }

    private void place(long accountId, Set<String> classes, Set<String> headOf, Map<String, Long> classIds) {
        for (String code : classes) {
            jdbc.sql("insert into account_class (account_id, class_id, head_teacher) values (?, ?, ?)")
                    .params(accountId, classIds.get(code), headOf.contains(code)).update();
        }
    }

    /** The school's classes this school year, by code. */
    private Map<String, Long> classIds(String schoolUai) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from school_class where school_uai = ? and school_year = ?")
                .params(schoolUai, directory.currentYear())
                .query(row -> {
                    ids.put(row.getString(1), row.getLong(2));
                });
        return ids;
    }

    private void check(NewAccount account) {
        if (!NewAccount.PROFILES.contains(account.profile())) {
            throw new IllegalArgumentException("Pupils and parents come from SIECLE, not " + account.profile());
        }
        if (account.lastName().isEmpty() || account.firstName().isEmpty()) {
            throw new IllegalArgumentException("A name is missing");
        }
        checkLength(account.lastName());
        checkLength(account.firstName());
        checkLength(account.discipline());
        HolderTexts.printable("last name", account.lastName());
        HolderTexts.printable("first name", account.firstName());
        HolderTexts.printable("discipline", account.discipline());
        checkEmail(account.email());
        if (account.birthDate().isBefore(EARLIEST_BIRTH) || account.birthDate().isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("Not a birth date: " + account.birthDate());
        }
    }

    private static void checkEmail(String email) {
        if (email != null && !EmailAddress.isValid(email)) {
            throw new IllegalArgumentException("Not an e-mail address: " + email);
        }
        HolderTexts.printable("e-mail", email);
    }

    private static void checkLength(String text) {
        if (text != null && text.length() > AccountDetails.MAX_TEXT) {
            throw new IllegalArgumentException("Longer than " + AccountDetails.MAX_TEXT + " characters: " + text);
        }
    }
}
