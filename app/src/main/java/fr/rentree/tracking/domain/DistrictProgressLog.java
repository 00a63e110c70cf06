package fr.rentree.tracking.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A district campaign's activation day by day ({@code district_campaign_progress}): its schools' sums, written each
 * night from the dashboard's read model, so the chart reads a row per day instead of summing every school's history.
 */
@Repository
public class DistrictProgressLog {

    private final JdbcClient jdbc;

    DistrictProgressLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** These campaigns' activation as it stands, as the day's point (a later one the same day replaces it). */
    public void record(LocalDate day, Collection<Long> districtCampaignIds) {
        if (districtCampaignIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into district_campaign_progress (district_campaign_id, day, activated, accounts)
                        select district_campaign_id, :day, sum(activated), sum(accounts)
                        from district_school_line where district_campaign_id in (:campaigns)
                        group by district_campaign_id
                        on duplicate key update activated = values(activated), accounts = values(accounts)""")
                .param("day", day).param("campaigns", districtCampaignIds).update();
    }

    /** The campaign's days, oldest first. */
    public List<DayRate> days(long districtCampaignId) {
        return jdbc.sql("""
                        select day, activated, accounts from district_campaign_progress
                        where district_campaign_id = ? order by day""")
                .param(districtCampaignId)
                .query((row, n) -> new DayRate(row.getObject("day", LocalDate.class),
                        new Rate(row.getLong("activated"), row.getLong("accounts"))))
                .list();
    }
}
