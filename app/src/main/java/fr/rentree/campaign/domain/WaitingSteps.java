package fr.rentree.campaign.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The step each school campaign waits at for a person: one row while it waits, none while it works or has ended. */
@Repository
public class WaitingSteps {

    private final JdbcClient jdbc;

    WaitingSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign waits at this step from now on: a new wait, not late. */
    public void waitAt(long campaignId, String step, Instant since) {
        jdbc.sql("""
                        insert into campaign_waiting (campaign_id, step, waiting_since) values (:id, :step, :since)
                        on duplicate key update step = :step, waiting_since = :since, late_since = null""")
                .param("id", campaignId).param("step", step).param("since", Timestamp.from(since)).update();
    }

    /** The campaign no longer waits at this step (done, or gone with its process). */
    public void left(long campaignId, String step) {
        jdbc.sql("delete from campaign_waiting where campaign_id = ? and step = ?").params(campaignId, step).update();
    }

    /** Flags the step the campaign waits at as late, once: the step flagged now, if one was. */
    public Optional<Waiting> flagLate(long campaignId, Instant now) {
        Optional<Waiting> waiting = jdbc.sql("""
                        select step, waiting_since from campaign_waiting
                        where campaign_id = ? and late_since is null for update""")
                .param(campaignId)
                .query((row, n) -> new Waiting(row.getString(1), row.getTimestamp(2).toInstant())).optional();
        waiting.ifPresent(step -> jdbc.sql("update campaign_waiting set late_since = ? where campaign_id = ?")
                .params(Timestamp.from(now), campaignId).update());
        return waiting;
    }
}
