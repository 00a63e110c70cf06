package fr.rentree.campaign.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import fr.rentree.security.domain.DirectorContact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails to schools' directors about their campaign, one row each, tracked as campaign e-mails are: planned
 * (committed at once, before any is sent), then each outcome committed as the server answered.
 */
@Repository
public class DirectorNotices {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DirectorNotices(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Plans the e-mail to each director, once per campaign, kind and step whatever runs again, committed apart from
     * the caller's transaction so that the outcomes can be written beside the sending.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void plan(long campaignId, DirectorNotice.Kind kind, String step, List<DirectorContact> directors,
            Instant now) {
        for (DirectorContact director : directors) {
            jdbc.sql("""
                            insert ignore into director_notice (campaign_id, kind, step, username, email, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(campaignId, kind.name(), step, director.username(), director.email(), Timestamp.from(now))
                    .update();
        }
    }

    /** The planned e-mails not sent yet. */
    public List<DirectorNotice> pending(long campaignId, DirectorNotice.Kind kind, String step) {
        return jdbc.sql("""
                        select id, username, email from director_notice
                        where campaign_id = ? and kind = ? and step = ? and status = 'PENDING' order by id""")
                .params(campaignId, kind.name(), step)
                .query((row, n) -> new DirectorNotice(row.getLong(1), row.getString(2), row.getString(3))).list();
    }

    /** A log of the outcomes on a connection of its own; close it after the sending. */
    public OutcomeLog outcomes() {
        return new OutcomeLog(dataSource, "director_notice");
    }
}
