package fr.rentree.directory.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.rentree.directory.domain.ActivationTally;
import fr.rentree.directory.domain.ClassOrder;
import fr.rentree.directory.domain.GroupTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.ReportTally;
import fr.rentree.directory.domain.SchoolYear;
import fr.rentree.security.service.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activated and not yet activated accounts per profile, for a school, its classes and a district. Counts only the
 * accounts in use (not those in pré-suppression). Schools and districts read the tallies the directory keeps per
 * school and profile ({@code account_tally}); classes are counted live, a school at a time.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    StatisticsService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** How many of these accounts are activated (a campaign's list, counted at each cadence). */
    public int activatedAmong(Collection<Long> accountIds) {
        int activated = 0;
        List<Long> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            activated += jdbc.sql("select count(*) from account where id in (:ids) and activated_at is not null")
                    .param("ids", ids.subList(from, Math.min(from + 1000, ids.size()))).query(Integer.class).single();
        }
        return activated;
    }

    /** The "Statistiques" block of a school: every profile, zeros included. */
    public List<ActivationTally> ofSchool(String uai) {
        currentUser.requireFollowerOrSystem(uai);
        return ofSchools(Map.of(uai, uai)).getFirst().byProfile();
    }

    /** The families' reports that a pupil is not theirs, in this school: waiting and handled. */
    public ReportTally guardianReports(String uai) {
        currentUser.requireFollowerOrSystem(uai);
        return jdbc.sql("""
                        select count(*) - count(r.handled_at), count(r.handled_at)
                        from guardian_report r join account p on p.id = r.parent_id where p.school_uai = ?""")
                .param(uai)
                .query((row, n) -> new ReportTally(row.getInt(1), row.getInt(2)))
                .single();
    }

    /** Per class of the year, in school order: its pupils, their parents (each once per class) and its teachers. */
    public List<GroupTally> ofClasses(String uai, SchoolYear year) {
        currentUser.requireFollowerOrSystem(uai);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Map<Profile, ActivationTally>> tallies = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.code, c.label, a.profile, count(a.activated_at), count(*)
                        from school_class c
                        join account_class ac on ac.class_id = c.id
                        join account a on a.id = ac.account_id and a.state = 'ACTIVE'
                        where c.school_uai = :uai and c.school_year = :year
                        group by c.code, c.label, a.profile
                        union all
                        select c.code, c.label, 'PARENT', count(distinct case when p.activated_at is not null
                                                                         then p.id end), count(distinct p.id)
                        from school_class c
                        join account_class ac on ac.class_id = c.id
                        join account child on child.id = ac.account_id and child.profile = 'STUDENT'
                                              and child.state = 'ACTIVE'
                        join parent_link l on l.child_id = child.id
                        join account p on p.id = l.parent_id and p.state = 'ACTIVE'
                        where c.school_uai = :uai and c.school_year = :year
                        group by c.code, c.label
                        order by 1""")
                .param("uai", uai).param("year", year.startYear())
                .query(row -> {
                    String code = row.getString(1);
                    labels.putIfAbsent(code, row.getString(2) == null ? code : row.getString(2));
                    Profile profile = Profile.valueOf(row.getString(3));
                    tallies.computeIfAbsent(code, c -> new EnumMap<>(Profile.class))
                            .put(profile, new ActivationTally(profile, row.getLong(4), row.getLong(5) - row.getLong(4)));
                });
        List<GroupTally> classes = new ArrayList<>();
        tallies.forEach((code, byProfile) ->
                classes.add(new GroupTally(code, labels.get(code), List.copyOf(byProfile.values()))));
        classes.sort(Comparator.comparing(GroupTally::key, ClassOrder.INSTANCE));
        return classes;
    }

    /**
     * Per school of a district (given as the schools' UAIs and names, in the order to show them), every profile.
     */
    public List<GroupTally> ofSchools(Map<String, String> namesByUai) {
        Map<String, Map<Profile, ActivationTally>> tallies = new LinkedHashMap<>();
        namesByUai.keySet().forEach(uai -> tallies.put(uai, emptyTallies()));
        if (!namesByUai.isEmpty()) {
            jdbc.sql("""
                            select school_uai, profile, activated, not_activated from account_tally
                            where school_uai in (:uais)""")
                    .param("uais", namesByUai.keySet())
                    .query(row -> {
                        Profile profile = Profile.valueOf(row.getString(2));
                        tallies.get(row.getString(1)).put(profile,
                                new ActivationTally(profile, row.getLong(3), row.getLong(4)));
                    });
        }
        List<GroupTally> schools = new ArrayList<>();
        tallies.forEach((uai, byProfile) ->
                schools.add(new GroupTally(uai, namesByUai.get(uai), List.copyOf(byProfile.values()))));
        return schools;
    }

    private static Map<Profile, ActivationTally> emptyTallies() {
        Map<Profile, ActivationTally> tallies = new EnumMap<>(Profile.class);
        for (Profile profile : Profile.values()) {
            tallies.put(profile, new ActivationTally(profile, 0, 0));
        }
        return tallies;
    }
}
