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
            school_uai, school_name, school_kind, commune, adopted, campaign_id, phase, waiting_since, late_since,
            activated, accounts, student_activated, student_accounts, parent_activated, parent_accounts,
            teacher_activated, teacher_accounts, staff_activated, staff_accounts""";

    private final JdbcClient jdbc;

    DistrictLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the lines the filter keeps, in this order. */
    public List<SchoolLine> page(long campaignId, DashboardFilter filter, int targetPercent, DashboardOrder order,
            int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from district_school_line where " + where(filter) + " order by "
                        + order.sql() + " limit :limit offset :offset")
                .paramSource(parameters(campaignId, filter, targetPercent).addValue("limit", limit)
                        .addValue("offset", offset))
                .query(DistrictLines::line).list();
    }

    /** Every line the filter keeps, in this order, one at a time (the CSV export). */
    public void each(long campaignId, DashboardFilter filter, int targetPercent, DashboardOrder order,
            Consumer<SchoolLine> consumer) {
        jdbc.sql("select " + COLUMNS + " from district_school_line where " + where(filter) + " order by "
                        + order.sql())
                .paramSource(parameters(campaignId, filter, targetPercent))
                .query((ResultSet row) -> consumer.accept(line(row, 0)));
    }

    public int count(long campaignId, DashboardFilter filter, int targetPercent) {
        return jdbc.sql("select count(*) from district_school_line where " + where(filter))
                .paramSource(parameters(campaignId, filter, targetPercent)).query(Integer.class).single();
    }

    /** The schools per phase, the late ones and the activation of all, over every school of the campaign. */
    public DashboardTotals totals(long campaignId) {
        Map<Phase, Integer> byPhase = new EnumMap<>(Phase.class);
        int[] late = {0};
        Rate[] rate = {Rate.NONE};
        jdbc.sql("""
                        select phase, count(*), sum(late_since is not null), sum(activated), sum(accounts)
                        from district_school_line where district_campaign_id = ? group by phase""")
                .param(campaignId).query((ResultSet row) -> {
                    byPhase.put(Phase.valueOf(row.getString(1)), row.getInt(2));
                    late[0] += row.getInt(3);
                    rate[0] = rate[0].plus(new Rate(row.getLong(4), row.getLong(5)));
                });
        return new DashboardTotals(byPhase.values().stream().mapToInt(Integer::intValue).sum(), byPhase, late[0],
                rate[0]);
    }

    /** The filter's conditions, joined by {@code and}: each piece stands alone, whichever others are there. */
    private static String where(DashboardFilter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("district_campaign_id = :campaign");
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
            conditions.add("activated * 100 < :target * accounts");
        }
        if (!filter.text().isEmpty()) {
            conditions.add("(school_name like :text or school_uai like :text or commune like :text)");
        }
        return String.join(" and ", conditions);
    }

    private static MapSqlParameterSource parameters(long campaignId, DashboardFilter filter, int targetPercent) {
        return new MapSqlParameterSource().addValue("campaign", campaignId)
                .addValue("kinds", filter.kinds().stream().map(Enum::name).toList())
                .addValue("phase", filter.phase() == null ? null : filter.phase().name())
                .addValue("target", targetPercent)
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
                rate(row, "teacher_activated", "teacher_accounts"), rate(row, "staff_activated", "staff_accounts"));
    }

    private static Rate rate(ResultSet row, String activated, String accounts) throws SQLException {
        return new Rate(row.getLong(activated), row.getLong(accounts));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
