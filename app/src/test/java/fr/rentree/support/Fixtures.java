package fr.rentree.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Schools and directors of their own for each test, so tests never see each other's tasks. */
public class Fixtures {

    public static final String PASSWORD = "mot-de-passe-de-test";
    public static final String DISTRICT = "DSDEN de test";

    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final AtomicInteger sequence = new AtomicInteger();

    private final JdbcClient jdbc;

    Fixtures(SchoolService schools, BackOfficeUserService users, JdbcClient jdbc) {
        this.schools = schools;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Removes every account, class and import, for tests that check the exact logins an import makes. */
    public void emptyDirectory() {
        for (String table : List.of("parent_link", "account_class", "account", "school_class", "directory_import")) {
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

    /** A district officer following the given schools; returns their username. */
    public String districtOfficer(Set<String> uais) {
        String username = "dsden." + sequence.incrementAndGet();
        users.createIfAbsent(username, PASSWORD, "Conseillère " + username, Role.DISTRICT_STAFF, uais);
        return username;
    }

    public record SchoolAndDirector(School school, String director) {
    }
}
