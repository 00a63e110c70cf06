package fr.rentree.tracking.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.directory.domain.Profile;
import fr.rentree.school.domain.SchoolKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines of a district campaign's dashboard, from the read model {@code district_school_line} (V18): filtered,
 * sorted and paged in the database, so an académie's 3,000 schools never come to memory for a page.
 */
@Repository
public class DistrictLines {

    private static final String COLUMNS = """
            l.school_uai, school_name, school_kind, commune, adopted, campaign_id, phase, waiting_since, late_since,
            l.activated, l.accounts, student_activated, student_accounts, parent_activated, parent_accounts,
            teacher_activated, teacher_accounts, staff_activated, staff_accounts,
            w.activated as week_activated, w.accounts as week_accounts""";
    /** The lines, each with its school's copy of a week ago when there is one. */
    private static final String FROM = """
            district_school_line l
                left join school_activation_history w on w.school_uai = l.school_uai and w.day = :weekAgo""";

    private final JdbcClient jdbc;

    DistrictLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the lines the filter keeps, in this order. */
    public List<SchoolLine> page(LineQuery query, DashboardOrder order, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + where(query.filter()) + " order by "
                        + order.sql() + " limit :limit offset :offset")
                .paramSource(parameters(query).addValue("limit", limit).addValue("offset", offset))
                .query(DistrictLines::line).list();
    }

    /** Every line the filter keeps, in this order, one at a time (the CSV export). */
    public void each(LineQuery query, DashboardOrder order, Consumer<SchoolLine> consumer) {
        jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + where(query.filter()) + " order by "
                        + order.sql())
                .paramSource(parameters(query))
                .query((ResultSet row) -> consumer.accept(line(row, 0)));
    }

    public int count(LineQuery query) {
        return jdbc.sql("select count(*) from district_school_line l where " + where(query.filter()))
                .paramSource(parameters(query)).query(Integer.class).single();
    }

    /** The schools per phase, the late ones and the activation of all, over every school of the campaign. */
    public DashboardTotals totals(long campaignId) {
        Map<Phase, Integer> byPhase = new EnumMap<>(Phase.class);
        Map<Profile, Rate> byProfile = new EnumMap<>(Profile.class);
        int[] late = {0};
        Rate[] rate = {Rate.NONE};
        jdbc.sql("""
                        select phase, count(*), sum(late_since is not null), sum(activated), sum(accounts),
                               sum(student_activated), sum(student_accounts), sum(parent_activated),
                               sum(parent_accounts), sum(teacher_activated), sum(teacher_accounts),
                               sum(staff_activated), sum(staff_accounts)
                        from district_school_line where district_campaign_id = ? group by phase""")
                .param(campaignId).query((ResultSet row) -> {
                    byPhase.put(Phase.valueOf(row.getString(1)), row.getInt(2));
                    late[0] += row.getInt(3);
                    rate[0] = rate[0].plus(new Rate(row.getLong(4), row.getLong(5)));
                    List<Profile> profiles = List.of(Profile.STUDENT, Profile.PARENT, Profile.TEACHER, Profile.STAFF);
                    for (int i = 0; i < profiles.size(); i++) {
                        byProfile.merge(profiles.get(i), new Rate(row.getLong(6 + 2 * i), row.getLong(7 + 2 * i)),
                                Rate::plus);
                    }
                });
        return new DashboardTotals(byPhase.values().stream().mapToInt(Integer::intValue).sum(), byPhase, late[0],
                rate[0], byProfile);
    }

    /** The filter's conditions, joined by {@code and}: each piece stands alone, whichever others are there. */
    private static String where(DashboardFilter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("l.district_campaign_id = :campaign");
        if (!filter.kinds().isEmpty()) {
            conditions.add("school_kind in (:kinds)");
        }
        if (filter.phase() != null) {
            conditions.add("phase = :phase");
        }
        if (filter.lateOnly()) {
            conditions.add("late_since is not null");
        }
        if (filter.underTarget()) {
            conditions.add("l.activated * 100 < :target * l.accounts");
        }
        if (filter.withIncident()) {
            conditions.add("l.school_uai in (:incidents)");
        }
        if (!filter.text().isEmpty()) {
            conditions.add("(school_name like :text or l.school_uai like :text or commune like :text)");
        }
        return String.join(" and ", conditions);
    }

    private static MapSqlParameterSource parameters(LineQuery query) {
        DashboardFilter filter = query.filter();
        return new MapSqlParameterSource().addValue("campaign", query.campaignId())
                .addValue("kinds", filter.kinds().stream().map(Enum::name).toList())
                .addValue("phase", filter.phase() == null ? null : filter.phase().name())
                .addValue("target", query.targetPercent())
                .addValue("weekAgo", query.weekAgo())
                // a name no school has when none has an incident, so that "in (...)" stays valid SQL
                .addValue("incidents", query.incidentSchools().isEmpty() ? List.of("") : query.incidentSchools())
                .addValue("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
    }

    private static SchoolLine line(ResultSet row, int n) throws SQLException {
        long campaign = row.getLong("campaign_id");
        @Nullable Long campaignId = row.wasNull() ? null : campaign;
        return new SchoolLine(row.getString("school_uai"), row.getString("school_name"),
                SchoolKind.valueOf(row.getString("school_kind")), row.getString("commune"), row.getBoolean("adopted"),
                campaignId, Phase.valueOf(row.getString("phase")), instant(row.getTimestamp("waiting_since")),
                instant(row.getTimestamp("late_since")), rate(row, "activated", "accounts"),
                rate(row, "student_activated", "student_accounts"), rate(row, "parent_activated", "parent_accounts"),
                rate(row, "teacher_activated", "teacher_accounts"), rate(row, "staff_activated", "staff_accounts"),
                row.getObject("week_accounts") == null ? null : rate(row, "week_activated", "week_accounts"),
                DeliveryTally.NONE, 0);
    }

    private static Rate rate(ResultSet row, String activated, String accounts) throws SQLException {
        return new Rate(row.getLong(activated), row.getLong(accounts));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
