package fr.rentree.tracking.service;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import fr.rentree.base.Spreadsheet;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DashboardTotals;
import fr.rentree.tracking.domain.DistrictLines;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of a district campaign: its schools page by page, filtered and sorted in the database, the totals
 * above them, and the same lines as CSV. Counts and steps only, for the campaign's district staff and the
 * administrators ({@link DistrictCampaigns#followed} checks who asks, at every call); the CSV also for Rentrée's
 * own commands ({@code export-district}).
 */
@Service
@Transactional(readOnly = true)
public class DistrictDashboard {

    private final DistrictCampaigns districtCampaigns;
    private final DistrictLines lines;
    /** The CSV's columns, in order: each named by {@code district-dashboard.csv.<column>} in the bundle. */
    private static final List<String> CSV_COLUMNS = List.of("school", "uai", "kind", "commune", "step", "days", "late",
            "adopted", "rate", "students", "parents", "teachers", "staff", "accounts", "activated");

    private final Clock clock;
    private final MessageSource messages;

    DistrictDashboard(DistrictCampaigns districtCampaigns, DistrictLines lines, Clock clock,
            MessageSource messages) {
        this.districtCampaigns = districtCampaigns;
        this.lines = lines;
        this.clock = clock;
        this.messages = messages;
    }

    public List<SchoolLine> page(long campaignId, DashboardFilter filter, DashboardOrder order, int offset,
            int limit) {
        DistrictCampaign campaign = districtCampaigns.followed(campaignId);
        return lines.page(campaignId, filter, campaign.targetPercent(), order, offset, limit);
    }

    public int count(long campaignId, DashboardFilter filter) {
        DistrictCampaign campaign = districtCampaigns.followed(campaignId);
        return lines.count(campaignId, filter, campaign.targetPercent());
    }

    public DashboardTotals totals(long campaignId) {
        districtCampaigns.followed(campaignId);
        return lines.totals(campaignId);
    }

    /** How many whole days the school has waited at its step; none when it waits for nobody. */
    public @Nullable Long daysWaiting(SchoolLine line) {
        return line.waitingSince() == null ? null : Duration.between(line.waitingSince(), clock.instant()).toDays();
    }

    /**
     * Writes the lines the filter keeps, in this order, as CSV (semicolons, BOM, no formula), its header and words in
     * the reader's language. Returns how many lines were written.
     */
    public int exportCsv(long campaignId, DashboardFilter filter, DashboardOrder order, Writer out, Locale locale) {
        DistrictCampaign campaign = districtCampaigns.followedOrSystem(campaignId);
        List<String> header = CSV_COLUMNS.stream().map(column -> text("district-dashboard.csv." + column, locale))
                .toList();
        String yes = text("district-dashboard.yes", locale);
        String no = text("district-dashboard.no", locale);
        int[] written = {0};
        try (Spreadsheet csv = new Spreadsheet(out, header)) {
            lines.each(campaignId, filter, campaign.targetPercent(), order, line -> {
                csv.line(line.schoolName(), line.schoolUai(), text("school.kind." + line.kind().name(), locale),
                        line.commune() == null ? "" : line.commune(), text("phase." + line.phase().name(), locale),
                        daysWaiting(line) == null ? "" : daysWaiting(line), line.late() ? yes : no,
                        line.adopted() ? yes : no, percent(line.all()), percent(line.students()),
                        percent(line.parents()), percent(line.teachers()), percent(line.staff()),
                        line.all().accounts(), line.all().activated());
                written[0]++;
            });
        }
        return written[0];
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A rate as a CSV cell: its percentage, or nothing without accounts. */
    static Object percent(Rate rate) {
        return rate.percent().<Object>map(Integer::valueOf).orElse("");
    }

}
