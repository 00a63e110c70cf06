package fr.rentree.campaign.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import fr.rentree.directory.domain.Pile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frozen lists of the rounds, worked on set-wise: written once when a round opens, then read by keyset on their
 * position (never OFFSET), so a step run again resumes where the rows say it stopped.
 */
@Repository
public class Deliveries {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DataSource dataSource;

    Deliveries(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dataSource = dataSource;
    }

    /** Writes a round's list, positions from 1 in the order given. */
    public void freeze(long roundId, List<FrozenRecipient> recipients) {
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (FrozenRecipient recipient : recipients) {
            Pile pile = recipient.pile();
            rows.add(new Object[] {roundId, ++position, recipient.accountId(), recipient.channel().name(),
                    pile.kind().name(), pile.name(), recipient.email()});
        }
        batches.batchUpdate("""
                insert into delivery (round_id, position, account_id, channel, pile_kind, pile_name, email, status)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""", rows);
    }

    /** The next e-mails still pending after {@code position}, in order. */
    public List<Delivery> pendingMails(long roundId, int afterPosition, int limit) {
        return jdbc.sql("""
                        select id, round_id, position, account_id, channel, pile_kind, pile_name, email, status
                        from delivery
                        where round_id = ? and channel = 'MAIL' and status = 'PENDING' and position > ?
                        order by position limit ?""")
                .params(roundId, afterPosition, limit)
                .query(Deliveries::delivery).list();
    }

    /** The deliveries after {@code position}, of one channel or of both, whatever their status, in order. */
    public List<Delivery> page(long roundId, @Nullable Channel channel, int afterPosition, int limit) {
        return jdbc.sql("""
                        select id, round_id, position, account_id, channel, pile_kind, pile_name, email, status
                        from delivery
                        where round_id = :round and (:channel is null or channel = :channel) and position > :after
                        order by position limit :limit""")
                .param("round", roundId).param("channel", channel == null ? null : channel.name())
                .param("after", afterPosition).param("limit", limit)
                .query(Deliveries::delivery).list();
    }

    /** A log of e-mail outcomes on a connection of its own; close it after the batch. */
    public OutcomeLog outcomes() {
        return new OutcomeLog(dataSource, "delivery");
    }

    public void printed(long roundId, Instant now) {
        jdbc.sql("update delivery set status = 'PRINTED', done_at = ? where round_id = ? and channel = 'PAPER'")
                .params(Timestamp.from(now), roundId).update();
    }

    /** Records a pile as handed out (once: ticking it again changes nothing). */
    public void handOut(long roundId, Pile pile, String by, Instant now) {
        jdbc.sql("""
                        insert ignore into handed_out_pile (round_id, pile_kind, pile_name, handed_out_by, handed_out_at)
                        values (?, ?, ?, ?, ?)""")
                .params(roundId, pile.kind().name(), pile.name() == null ? "" : pile.name(), by, Timestamp.from(now))
                .update();
    }

    /** A pile ticked by mistake is no longer handed out. */
    public void cancelHandOut(long roundId, Pile pile) {
        jdbc.sql("delete from handed_out_pile where round_id = ? and pile_kind = ? and pile_name = ?")
                .params(roundId, pile.kind().name(), pile.name() == null ? "" : pile.name()).update();
    }

    /** The piles of a round handed out so far. */
    public Set<Pile> handedOut(long roundId) {
        return new HashSet<>(jdbc.sql("select pile_kind, pile_name from handed_out_pile where round_id = ?")
                .param(roundId)
                .query((row, n) -> new Pile(Pile.Kind.valueOf(row.getString(1)),
                        row.getString(2).isEmpty() ? null : row.getString(2))).list());
    }

    /** Records who downloaded a round's sheets (a pile, or all when null). */
    public void downloaded(long roundId, @Nullable Pile pile, String by, Instant now) {
        jdbc.sql("""
                        insert into sheets_download (round_id, pile_kind, pile_name, downloaded_by, downloaded_at)
                        values (?, ?, ?, ?, ?)""")
                .params(roundId, pile == null ? null : pile.kind().name(), pile == null ? null : pile.name(), by,
                        Timestamp.from(now))
                .update();
    }

    /** How many sheets each pile of the round's paper holds, piles in distribution order. */
    public Map<Pile, Integer> pileSizes(long roundId) {
        Map<Pile, Integer> sizes = new LinkedHashMap<>();
        jdbc.sql("""
                        select pile_kind, pile_name, count(*) from delivery
                        where round_id = ? and channel = 'PAPER'
                        group by pile_kind, pile_name order by min(position)""")
                .param(roundId)
                .query((row, n) -> sizes.put(pile(row), row.getInt(3))).list();
        return sizes;
    }

    /** The accounts a round reached, each once. */
    public List<Long> accounts(long roundId) {
        return jdbc.sql("select distinct account_id from delivery where round_id = ? order by account_id")
                .param(roundId).query(Long.class).list();
    }

    /**
     * Records that a sent e-mail came back (a delivery status notification); its own transaction, as each is read.
     * Returns false when no sent e-mail has this Message-ID (not ours, or recorded already).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean bounced(String messageId, String reply, Instant now) {
        return jdbc.sql("""
                        update delivery set status = 'BOUNCED', reply = ?, done_at = ?
                        where message_id = ? and status = 'SENT'""")
                .params(reply.length() > 1000 ? reply.substring(0, 1000) : reply, Timestamp.from(now), messageId)
                .update() > 0;
    }

    /** The accounts of a campaign whose address was refused or bounced: they go on paper from now on. */
    public Set<Long> invalidAddresses(long campaignId) {
        return new HashSet<>(jdbc.sql("""
                        select distinct d.account_id from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.status in ('REJECTED', 'BOUNCED')""")
                .param(campaignId).query(Long.class).list());
    }

    /** The counts of each round of a campaign, by round id. */
    public Map<Long, RoundCounts> counts(long campaignId) {
        Map<Long, RoundCounts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.id,
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'SENT'), 0),
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'REJECTED'), 0),
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'BOUNCED'), 0),
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'PENDING'), 0),
                               r.sheets_printed, r.sheets_written,
                               (select count(distinct p.pile_kind, coalesce(p.pile_name, '')) from delivery p
                                where p.round_id = r.id and p.channel = 'PAPER'),
                               (select count(*) from handed_out_pile h where h.round_id = r.id)
                        from campaign_round r left join delivery d on d.round_id = r.id
                        where r.campaign_id = ?
                        group by r.id, r.sheets_printed, r.sheets_written order by r.number""")
                .param(campaignId)
                .query((row, n) -> counts.put(row.getLong(1), new RoundCounts(row.getInt(2), row.getInt(3),
                        row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9))))
                .list();
        return counts;
    }

    /**
     * What each of these school campaigns delivered, over all its rounds, by campaign id; only those of this district
     * campaign count, whatever ids are asked. A campaign with no round yet is absent.
     */
    public Map<Long, DeliveryTally> tallies(long districtCampaignId, Collection<Long> campaignIds) {
        Map<Long, DeliveryTally> tallies = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return tallies;
        }
        jdbc.sql("""
                        select r.campaign_id,
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'SENT'), 0),
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'REJECTED'), 0),
                               coalesce(sum(d.channel = 'MAIL' and d.status = 'BOUNCED'), 0),
                               coalesce(sum(d.channel = 'PAPER' and d.status = 'PRINTED'), 0),
                               coalesce(sum(d.channel = 'PAPER' and (r.handed_out_at is not null or exists (
                                   select 1 from handed_out_pile h where h.round_id = d.round_id
                                   and h.pile_kind = d.pile_kind and h.pile_name = coalesce(d.pile_name, '')))), 0)
                        from campaign_round r
                                 join district_campaign_school s
                                      on s.campaign_id = r.campaign_id and s.district_campaign_id = :district
                                 left join delivery d on d.round_id = r.id
                        where r.campaign_id in (:campaigns)
                        group by r.campaign_id""")
                .param("district", districtCampaignId).param("campaigns", campaignIds)
                .query((row, n) -> tallies.put(row.getLong(1), new DeliveryTally(row.getInt(2), row.getInt(3),
                        row.getInt(4), row.getInt(5), row.getInt(6))))
                .list();
        return tallies;
    }

    /** The e-mails of a campaign that were refused or bounced, with the server's reply, in round and list order. */
    public List<FailedMail> failedMails(long campaignId) {
        return jdbc.sql("""
                        select r.number, d.account_id, d.pile_kind, d.pile_name, d.email, d.status, d.reply
                        from delivery d join campaign_round r on r.id = d.round_id
                        where r.campaign_id = ? and d.channel = 'MAIL' and d.status in ('REJECTED', 'BOUNCED')
                        order by r.number, d.position""")
                .param(campaignId)
                .query((row, n) -> new FailedMail(row.getInt("number"), row.getLong("account_id"), pile(row),
                        row.getString("email"), DeliveryStatus.valueOf(row.getString("status")),
                        row.getString("reply")))
                .list();
    }

    private static Delivery delivery(ResultSet row, int n) throws SQLException {
        return new Delivery(row.getLong("id"), row.getLong("round_id"), row.getInt("position"),
                row.getLong("account_id"), Channel.valueOf(row.getString("channel")), pile(row),
                row.getString("email"), DeliveryStatus.valueOf(row.getString("status")));
    }

    private static Pile pile(ResultSet row) throws SQLException {
        return new Pile(Pile.Kind.valueOf(row.getString("pile_kind")), row.getString("pile_name"));
    }
}
