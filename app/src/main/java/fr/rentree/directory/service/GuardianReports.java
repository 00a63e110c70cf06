package fr.rentree.directory.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import fr.rentree.directory.domain.GuardianReport;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The parents' reports of pupils who are not theirs, for the school's directors to look into and mark handled. */
@Service
public class GuardianReports {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    GuardianReports(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The school's reports not handled yet, oldest first. */
    public List<GuardianReport> open(String schoolUai) {
        currentUser.requireDirectorOf(schoolUai);
        return jdbc.sql("""
                        select r.id, p.login, concat(p.last_name, ' ', p.first_name),
                               concat(c.last_name, ' ', c.first_name), r.reported_at
                        from guardian_report r join account p on p.id = r.parent_id join account c on c.id = r.child_id
                        where p.school_uai = ? and r.handled_at is null order by r.reported_at, r.id""")
                .param(schoolUai)
                .query((row, n) -> new GuardianReport(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Marks a report of the school handled, by the signed-in director. Returns false when it was handled already
     * (another director, a double click) or is not the school's.
     */
    public boolean handle(String schoolUai, long reportId) {
        SignedInUser director = currentUser.requireDirectorOf(schoolUai);
        int handled = jdbc.sql("""
                        update guardian_report r join account p on p.id = r.parent_id
                        set r.handled_at = ?, r.handled_by = ?
                        where r.id = ? and p.school_uai = ? and r.handled_at is null""")
                .params(Timestamp.from(clock.instant()), director.getUsername(), reportId, schoolUai).update();
        return handled > 0;
    }
}
