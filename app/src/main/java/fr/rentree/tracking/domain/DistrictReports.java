package fr.rentree.tracking.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The final reports of district campaigns ({@code district_report}, V22): one per campaign, the PDF and the CSV as
 * written when it ended. Writing again replaces them, so the engine may run the step twice.
 */
@Repository
public class DistrictReports {

    private final JdbcClient jdbc;

    DistrictReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the campaign's report, replacing the one a previous run wrote. */
    public void save(long campaignId, ReportEnding ending, Instant writtenAt, byte[] pdf, byte[] csv) {
        jdbc.sql("""
                        insert into district_report (district_campaign_id, ending, written_at, pdf, csv)
                        values (:campaign, :ending, :writtenAt, :pdf, :csv)
                        on duplicate key update ending = values(ending), written_at = values(written_at),
                        pdf = values(pdf), csv = values(csv)""")
                .param("campaign", campaignId).param("ending", ending.name())
                .param("writtenAt", Timestamp.from(writtenAt)).param("pdf", pdf).param("csv", csv).update();
    }

    /** When the campaign's report was written; empty while it runs. */
    public Optional<Instant> writtenAt(long campaignId) {
        return jdbc.sql("select written_at from district_report where district_campaign_id = ?").param(campaignId)
                .query((row, n) -> row.getTimestamp(1).toInstant()).optional();
    }

    public Optional<byte[]> pdf(long campaignId) {
        return file(campaignId, "pdf");
    }

    public Optional<byte[]> csv(long campaignId) {
        return file(campaignId, "csv");
    }

    private Optional<byte[]> file(long campaignId, String column) {
        return jdbc.sql("select " + column + " from district_report where district_campaign_id = ?")
                .param(campaignId).query((row, n) -> row.getBytes(1)).optional();
    }
}
