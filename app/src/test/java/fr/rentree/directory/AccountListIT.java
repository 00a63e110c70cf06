package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.OriginFilter;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.HolderAccounts;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts list's filters (seed 004), whose SQL is assembled from pieces: every combination of profiles, classes,
 * activation, origin, state and search, against MariaDB, keeps exactly the accounts a plain reading of the
 * filters keeps, and its count says as many.
 */
@RentreeIntegrationTest
class AccountListIT {

    @Autowired
    DirectoryService directory;
    @Autowired
    HolderAccounts holders;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    @Test
    void every_combination_of_the_filters_keeps_exactly_the_matching_accounts() {
        fixtures.emptyDirectory();
        String uai = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder).school().uai();
        directory.recordActivations(List.of(id("zoe.martin-dupont"), id("claire.martin")));
        jdbc.sql("update account set origin = 'MANUAL', source_id = null where login = 'francois.leroy'").update();
        jdbc.sql("update account set state = 'PRE_DELETION' where login = 'moussa.ndiaye'").update();
        jdbc.sql("update account set origin = 'MANUAL', source_id = null, state = 'DELETED'"
                + " where login = 'jerome.boeuf'").update();
        holders.markLocked("noel.boeuf", true);
        holders.markLocked("moussa.ndiaye", true); // left since: not among the locked accounts in use
        List<Account> everyone = accounts(uai);

        int combinations = 0;
        for (Set<Profile> profiles : List.of(Set.<Profile>of(), Set.of(Profile.STUDENT, Profile.PARENT))) {
            for (Set<String> classes : List.of(Set.<String>of(), Set.of("6A"), Set.of("6A", "5B"))) {
                for (ActivationFilter activation : ActivationFilter.values()) {
                    for (OriginFilter origin : OriginFilter.values()) {
                        for (StateFilter state : StateFilter.values()) {
                            for (String text : List.of("", "martin", "zoé martin", "MARTIN--DUPONT Zoé")) {
                                AccountQuery query = new AccountQuery(uai, text, profiles, classes, activation, origin,
                                        state);
                                List<String> expected = everyone.stream().filter(keeps(query)).map(Account::login)
                                        .toList();
                                List<String> listed = directory.accounts(query, 0, 1_000).stream()
                                        .map(AccountRow::login).toList();
                                assertThat(listed).as(query.toString()).containsExactlyInAnyOrderElementsOf(expected);
                                assertThat(directory.count(query)).as(query.toString()).isEqualTo(expected.size());
                                combinations++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(2 * 3 * 3 * 3 * 5 * 4);
        // the filters keep someone in most combinations: the test is not vacuous
        assertThat(everyone).hasSize(11);
    }

    private static Predicate<Account> keeps(AccountQuery query) {
        return account -> switch (query.state()) {
                    case IN_USE -> account.state().equals("ACTIVE");
                    case PRE_DELETION -> account.state().equals("PRE_DELETION");
                    case DELETED -> account.state().equals("DELETED");
                    case LOCKED -> account.state().equals("ACTIVE") && account.locked();
                    case ALL -> true;
                }
                && (query.profiles().isEmpty() || query.profiles().contains(account.profile()))
                && (query.classes().isEmpty() || account.classes().stream().anyMatch(query.classes()::contains))
                && switch (query.activation()) {
                    case ALL -> true;
                    case ACTIVATED -> account.activated();
                    case NOT_ACTIVATED -> !account.activated();
                }
                && switch (query.origin()) {
                    case ALL -> true;
                    case IMPORTED -> !account.origin().equals("MANUAL");
                    case MANUAL -> account.origin().equals("MANUAL");
                }
                && (query.text().isBlank() || account.names().stream()
                        .anyMatch(name -> name.toLowerCase(Locale.FRENCH).contains(
                                query.text().strip().toLowerCase(Locale.FRENCH))));
    }

    /** Every account of the school, read plainly: its own classes, or a parent's children's. */
    private List<Account> accounts(String uai) {
        int year = SchoolYear.of(LocalDate.now(clock)).startYear();
        List<Account> accounts = new ArrayList<>();
        jdbc.sql("select id, login, first_name, last_name, profile, origin, state, activated_at is not null,"
                        + " locked_at is not null from account where school_uai = ?").param(uai)
                .query((row, n) -> {
                    long id = row.getLong(1);
                    Set<String> classes = new HashSet<>(jdbc.sql("""
                                    select c.code from account_class ac join school_class c on c.id = ac.class_id
                                    where ac.account_id = ? and c.school_year = ?
                                    union
                                    select c.code from parent_link pl join account ch on ch.id = pl.child_id
                                    join account_class ac on ac.account_id = ch.id
                                    join school_class c on c.id = ac.class_id
                                    where pl.parent_id = ? and c.school_year = ? and ch.state = 'ACTIVE'""")
                            .params(id, year, id, year).query(String.class).list());
                    String first = row.getString(3);
                    String last = row.getString(4);
                    return new Account(row.getString(2), List.of(row.getString(2), first, last, first + " " + last,
                            last + " " + first), Profile.valueOf(row.getString(5)), row.getString(6),
                            row.getString(7), row.getBoolean(8), row.getBoolean(9), classes);
                })
                .list().forEach(accounts::add);
        return accounts;
    }

    private long id(String login) {
        return jdbc.sql("select id from account where login = ?").param(login).query(Long.class).single();
    }

    private record Account(String login, List<String> names, Profile profile, String origin, String state,
                           boolean activated, boolean locked, Set<String> classes) {
    }
}
