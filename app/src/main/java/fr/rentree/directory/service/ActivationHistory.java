package fr.rentree.directory.service;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schools' activation over time: a copy of their tallies per day ({@code activation_snapshot}), taken for every
 * school once a day and for one school at each count of its campaign. A day's later copy replaces its earlier one, so
 * taking it twice (a retried job, two counts the same day) keeps one row per school and day.
 */
@Service
@Transactional
public class ActivationHistory {

    /** The tallies of the schools kept, one row each, the profiles side by side. */
    private static final String SNAPSHOT = """
            insert into activation_snapshot (school_uai, day, activated, accounts, student_activated, student_accounts,
                                             parent_activated, parent_accounts, teacher_activated, teacher_accounts,
                                             staff_activated, staff_accounts)
            select school_uai, :day, sum(activated), sum(activated + not_activated),
                   sum(if(profile = 'STUDENT', activated, 0)), sum(if(profile = 'STUDENT', activated + not_activated, 0)),
                   sum(if(profile = 'PARENT', activated, 0)), sum(if(profile = 'PARENT', activated + not_activated, 0)),
                   sum(if(profile = 'TEACHER', activated, 0)), sum(if(profile = 'TEACHER', activated + not_activated, 0)),
                   sum(if(profile = 'STAFF', activated, 0)), sum(if(profile = 'STAFF', activated + not_activated, 0))
            from account_tally where %s group by school_uai
            on duplicate key update activated = values(activated), accounts = values(accounts),
                student_activated = values(student_activated), student_accounts = values(student_accounts),
                parent_activated = values(parent_activated), parent_accounts = values(parent_accounts),
                teacher_activated = values(teacher_activated), teacher_accounts = values(teacher_accounts),
                staff_activated = values(staff_activated), staff_accounts = values(staff_accounts)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ActivationHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today's copy of every school's tallies (the daily job). */
    public void recordEverySchool() {
        jdbc.sql(SNAPSHOT.formatted("true")).param("day", today()).update();
    }

    /** Today's copy of one school's tallies (a count of its campaign). */
    public void recordSchool(String uai) {
        jdbc.sql(SNAPSHOT.formatted("school_uai = :uai")).param("day", today()).param("uai", uai).update();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
