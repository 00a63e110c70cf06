package fr.rentree.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import fr.rentree.directory.domain.ActivationFilter;
import fr.rentree.directory.domain.DistributionOrder;
import fr.rentree.directory.domain.EmailFilter;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.LocalAdminFilter;
import fr.rentree.directory.domain.ParentPlacement;
import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.directory.domain.SelectedAccount;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, item 5: the classes of a school in school order in the pickers, the statistics, the PDF's piles and the
 * classes of one account.
 */
@RentreeIntegrationTest
class ClassOrderIT {

    /** How the database returns them alphabetically: the order a director must not see. */
    private static final List<String> ALPHABETICAL = List.of("5A", "5E", "6E", "6e 10", "6e 2", "6A", "CE1", "CM2", "CP",
            "GS", "ULIS");
    /** "6E" is class E of the sixième: it came before "6A" in the statistics per class. */
    private static final List<String> SCHOOL_ORDER = List.of("GS", "CP", "CE1", "CM2", "6e 2", "6e 10", "6A", "6E", "5A",
            "5E", "ULIS");

    @Autowired
    RecipientService recipients;
    @Autowired
    StatisticsService statistics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;

    @Test
    void pickers_statistics_and_piles_list_the_classes_in_school_order() {
        String uai = fixtures.schoolWithDirector("École et collège de l'ordre").school().uai();
        SchoolYear year = SchoolYear.of(LocalDate.now(clock));
        for (String code : ALPHABETICAL) {
            pupilIn(uai, year, code);
        }

        assertThat(recipients.classes(uai)).isEqualTo(SCHOOL_ORDER);
        assertThat(statistics.ofClasses(uai, year)).extracting(GroupTally::key).isEqualTo(SCHOOL_ORDER);
        List<Placement> placements = recipients.placements(new RecipientQuery(new RecipientSelection(uai, Set.of(),
                Set.of(), ActivationFilter.ALL, EmailFilter.ALL, LocalAdminFilter.ALL, null, null, false),
                DistributionOrder.BY_CLASS, ParentPlacement.WITH_YOUNGEST_CHILD));
        assertThat(placements).extracting(Placement::pile).map(Pile::name).filteredOn(Objects::nonNull)
                .isEqualTo(SCHOOL_ORDER);

        // a teacher of every class reads them in the same order, on the grid of "Vérifier"
        jdbc.sql("""
                        insert into account (school_uai, profile, origin, login, login_base, last_name, first_name,
                                             created_at, state, state_since)
                        values (?, 'TEACHER', 'MANUAL', ?, ?, 'PROF', 'Alex', now(), 'ACTIVE', now())""")
                .params(uai, "prof." + uai.toLowerCase(), "prof." + uai.toLowerCase()).update();
        jdbc.sql("""
                        insert into account_class (account_id, class_id)
                        select a.id, c.id from account a join school_class c on c.school_uai = a.school_uai
                        where a.login = ?""").param("prof." + uai.toLowerCase()).update();
        RecipientSelection teachers = new RecipientSelection(uai, Set.of(Profile.TEACHER), Set.of(),
                ActivationFilter.ALL, EmailFilter.ALL, LocalAdminFilter.ALL, null, null, false);
        assertThat(recipients.selected(teachers, 0, 10)).singleElement().extracting(SelectedAccount::classes)
                .isEqualTo(String.join(", ", SCHOOL_ORDER));
    }

    private void pupilIn(String uai, SchoolYear year, String code) {
        jdbc.sql("insert into school_class (school_uai, school_year, code, label) values (?, ?, ?, ?)")
                .params(uai, year.startYear(), code, code).update();
        String login = "eleve." + uai.toLowerCase() + "." + code.replace(' ', '-').toLowerCase();
        jdbc.sql("""
                        insert into account (school_uai, profile, origin, source_id, login, login_base, last_name,
                                             first_name, created_at, state, state_since)
                        values (?, 'STUDENT', 'MANUAL', null, ?, ?, 'ÉLÈVE', ?, now(), 'ACTIVE', now())""")
                .params(uai, login, login, code).update();
        jdbc.sql("""
                        insert into account_class (account_id, class_id)
                        select a.id, c.id from account a, school_class c
                        where a.login = ? and c.school_uai = ? and c.school_year = ? and c.code = ?""")
                .params(login, uai, year.startYear(), code).update();
    }
}
