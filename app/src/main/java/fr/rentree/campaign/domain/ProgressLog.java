package fr.rentree.campaign.domain;

import java.sql.Timestamp;
import java.time.Instant;

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
}
