package fr.rentree.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;

/** Schools and directors of their own for each test, so tests never see each other's tasks. */
public class Fixtures {

    public static final String PASSWORD = "mot-de-passe-de-test";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final SchoolService schools;
    private final BackOfficeUserService users;
    private final AtomicInteger sequence = new AtomicInteger();

    Fixtures(SchoolService schools, BackOfficeUserService users) {
        this.schools = schools;
        this.users = users;
    }

    /** A new school (with a valid UAI and a contact address) and its director, whose username is returned. */
    public SchoolAndDirector schoolWithDirector(String schoolName) {
        int n = 940_000 + sequence.incrementAndGet();
        String uai = String.format("%07d%c", n, CHECK_LETTERS.charAt(n % 23));
        School school = schools.createIfAbsent(new School(uai, schoolName, "ce." + uai.toLowerCase() + "@ac-test.fr"));
        String director = "directeur." + uai.toLowerCase();
        users.createIfAbsent(director, PASSWORD, "Directeur " + uai, Role.DIRECTOR, Set.of(uai));
        return new SchoolAndDirector(school, director);
    }

    public record SchoolAndDirector(School school, String director) {
    }
}
