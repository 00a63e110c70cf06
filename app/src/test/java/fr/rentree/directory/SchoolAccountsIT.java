package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import fr.rentree.activation.domain.Refusal;
import fr.rentree.activation.service.AccountActivation;
import fr.rentree.directory.domain.AccountDetails;
import fr.rentree.directory.domain.AccountEdit;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.Civility;
import fr.rentree.directory.domain.CreatedAccount;
import fr.rentree.directory.domain.NewAccount;
import fr.rentree.directory.domain.OriginFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.SchoolAccounts;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Seed 004 against the real database: a director edits, creates, deletes and restores their school's accounts. */
@RentreeIntegrationTest
class SchoolAccountsIT {

    private static final NewAccount SUBSTITUTE = new NewAccount(Profile.TEACHER, Civility.M, "Lefort", "Élie",
            LocalDate.of(1988, 4, 2), "elie.lefort@exemple.fr", Set.of("6A"), "Mathématiques");

    @Autowired
    SchoolAccounts accounts;
    @Autowired
    DirectoryService directory;
    @Autowired
    StatisticsService statistics;
    @Autowired
    AccountActivation activation;
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
        Fixtures.SchoolAndDirector school = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder);
        uai = school.school().uai();
        director = school.director();
    }

    @Test
    void a_teacher_created_by_hand_gets_a_login_by_the_import_rule_a_working_code_and_counts_at_once() {
        long teachers = notActivated(Profile.TEACHER);

        CreatedAccount created = as(() -> accounts.create(uai, SUBSTITUTE));

        assertThat(created.login()).isEqualTo("elie.lefort");
        assertThat(activation.check("elie.lefort", created.code().value(), "192.0.2.1").refusal()).isNull();
        assertThat(notActivated(Profile.TEACHER)).isEqualTo(teachers + 1);
        AccountDetails details = as(() -> accounts.details(uai, created.id()));
        assertThat(details.origin()).hasToString("MANUAL");
        assertThat(details.civility()).isEqualTo(Civility.M);
        assertThat(details.classes()).containsExactly("6A");
        assertThat(details.discipline()).isEqualTo("Mathématiques");
        assertThat(details.lastName()).isEqualTo("LEFORT"); // as the exports write it
        // the same names again: a second login, with a counter
        NewAccount namesake = new NewAccount(Profile.GUEST, Civility.MME, "LEFORT", "Elie", LocalDate.of(1990, 1, 1),
                null, Set.of(), null);
        assertThat(as(() -> accounts.create(uai, namesake)).login()).isEqualTo("elie.lefort1");
    }

    @Test
    void the_same_names_and_birth_date_as_an_imported_teacher_are_a_probable_duplicate() {
        NewAccount again = new NewAccount(Profile.TEACHER, Civility.MME, "durand", "Beatrice",
                LocalDate.of(1980, 5, 17), null, Set.of(), null);
        assertThat(as(() -> accounts.probableDuplicates(uai, again))).extracting(AccountRow::login)
                .containsExactly("beatrice.durand");
        NewAccount otherBirthday = new NewAccount(Profile.TEACHER, Civility.MME, "Durand", "Béatrice",
                LocalDate.of(1981, 5, 17), null, Set.of(), null);
        assertThat(as(() -> accounts.probableDuplicates(uai, otherBirthday))).isEmpty();
    }

    @Test
    void nothing_is_created_until_the_school_has_a_contact_address() {
        jdbc.sql("update school set contact_email = null where uai = ?").param(uai).update();
        assertThat(as(() -> accounts.mayCreate(uai))).isFalse();
        int before = directory.count(AccountQuery.all(uai, StateFilter.ALL));
        assertThatThrownBy(() -> as(() -> accounts.create(uai, SUBSTITUTE))).isInstanceOf(IllegalStateException.class);
        assertThat(directory.count(AccountQuery.all(uai, StateFilter.ALL))).isEqualTo(before);
    }

    @Test
    void a_director_edits_address_classes_head_teacher_classes_ent_id_and_local_admin() {
        long id = id("beatrice.durand");
        AccountDetails before = as(() -> accounts.details(uai, id));
        assertThat(before.imported()).isTrue();
        assertThat(before.classes()).containsExactlyInAnyOrder("6A", "5B");
        assertThat(before.headOf()).containsExactly("6A");

        as(() -> accounts.edit(uai, id, before.version(),
                new AccountEdit(" b.durand@exemple.fr ", Set.of("5B"), Set.of("5B"), "ENT-42", true)));

        AccountDetails after = as(() -> accounts.details(uai, id));
        assertThat(after.email()).isEqualTo("b.durand@exemple.fr");
        assertThat(after.classes()).containsExactly("5B");
        assertThat(after.headOf()).containsExactly("5B");
        assertThat(after.entId()).isEqualTo("ENT-42");
        assertThat(after.localAdmin()).isTrue();

        // the editor opened before that save no longer saves over it
        assertThatThrownBy(() -> as(() -> accounts.edit(uai, id, before.version(), AccountEdit.of(before))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        // a wrong address, a class the school does not have, a head teacher of a class not taught: nothing changes
        for (AccountEdit wrong : List.of(
                new AccountEdit("pas-une-adresse", Set.of("5B"), Set.of(), null, false),
                new AccountEdit(null, Set.of("3Z"), Set.of(), null, false),
                new AccountEdit(null, Set.of("6A"), Set.of("5B"), null, false))) {
            assertThatThrownBy(() -> as(() -> accounts.edit(uai, id, after.version(), wrong)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(as(() -> accounts.details(uai, id))).isEqualTo(after);
        // a parent has no classes of their own
        long parent = id("helene.boeuf");
        int version = as(() -> accounts.details(uai, parent)).version();
        assertThatThrownBy(() -> as(() -> accounts.edit(uai, parent, version,
                new AccountEdit(null, Set.of("6A"), Set.of(), null, false))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_manual_account_deleted_is_masked_and_unusable_then_restored_while_imported_ones_are_left_to_the_import() {
        CreatedAccount created = as(() -> accounts.create(uai, SUBSTITUTE));
        long teachers = notActivated(Profile.TEACHER);

        assertThat(as(() -> accounts.delete(uai, created.id()))).isTrue();
        assertThat(as(() -> accounts.delete(uai, created.id()))).as("a double click").isFalse();

        assertThat(logins(StateFilter.IN_USE)).doesNotContain("elie.lefort");
        assertThat(logins(StateFilter.DELETED)).containsExactly("elie.lefort");
        assertThat(notActivated(Profile.TEACHER)).isEqualTo(teachers - 1);
        assertThat(activation.check("elie.lefort", created.code().value(), "192.0.2.1").refusal())
                .isEqualTo(Refusal.WRONG);

        assertThat(as(() -> accounts.restore(uai, created.id()))).isTrue();
        assertThat(logins(StateFilter.IN_USE)).contains("elie.lefort");
        assertThat(notActivated(Profile.TEACHER)).isEqualTo(teachers);
        assertThat(activation.check("elie.lefort", created.code().value(), "192.0.2.1").refusal()).isNull();

        assertThatThrownBy(() -> as(() -> accounts.delete(uai, id("beatrice.durand"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(logins(StateFilter.IN_USE)).contains("beatrice.durand");
    }

    @Test
    void a_director_of_another_school_and_district_staff_are_refused_by_the_service() {
        CreatedAccount created = as(() -> accounts.create(uai, SUBSTITUTE));
        long id = created.id();
        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        String districtStaff = fixtures.districtOfficer(Set.of(uai));
        List<Consumer<String>> calls = List.of(
                user -> fixtures.as(user, () -> accounts.details(uai, id)),
                user -> fixtures.as(user, () -> accounts.edit(uai, id, 0, new AccountEdit(null, Set.of(), Set.of(),
                        null, false))),
                user -> fixtures.as(user, () -> accounts.create(uai, SUBSTITUTE)),
                user -> fixtures.as(user, () -> accounts.probableDuplicates(uai, SUBSTITUTE)),
                user -> fixtures.as(user, () -> accounts.mayCreate(uai)),
                user -> fixtures.as(user, () -> accounts.delete(uai, id)),
                user -> fixtures.as(user, () -> accounts.restore(uai, id)));
        for (String intruder : List.of(elsewhere, districtStaff)) {
            for (Consumer<String> call : calls) {
                assertThatThrownBy(() -> call.accept(intruder)).isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThat(logins(StateFilter.IN_USE)).contains("elie.lefort").doesNotContain("elie.lefort1");
        // an account of another school is not reached through one's own school either
        String otherUai = fixtures.schoolWithDirector("Collège Voltaire").school().uai();
        assertThat(directory.account(otherUai, id)).isEmpty();
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return fixtures.as(director, work);
    }

    private void as(Runnable work) {
        fixtures.as(director, work);
    }

    private List<String> logins(StateFilter state) {
        return directory.accounts(new AccountQuery(uai, "", Set.of(), Set.of(), ActivationFilter.ALL,
                OriginFilter.ALL, state), 0, 100).stream().map(AccountRow::login).toList();
    }

    private long notActivated(Profile profile) {
        return statistics.ofSchool(uai).stream().filter(tally -> tally.profile() == profile)
                .mapToLong(ActivationTally::notActivated).sum();
    }

    private long id(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }
}
