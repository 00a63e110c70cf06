package fr.rentree.campaign.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activation rate of each campaign over time: one point per count, for the campaign page's chart. */
@Repository
public class ProgressLog {

    private final JdbcClient jdbc;

    ProgressLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long campaignId, Instant at, int accounts, int activated) {
        jdbc.sql("insert ignore into campaign_progress (campaign_id, checked_at, accounts, activated) values (?, ?, ?, ?)")
                .params(campaignId, Timestamp.from(at), accounts, activated).update();
    }

    /** The counts of a campaign, oldest first. */
    public List<ProgressPoint> of(long campaignId) {
        return jdbc.sql("""
                        select checked_at, accounts, activated from campaign_progress
                        where campaign_id = ? order by checked_at""")
                .param(campaignId)
                .query((row, n) -> new ProgressPoint(row.getTimestamp(1).toInstant(), row.getInt(2), row.getInt(3)))
                .list();
    }
}
