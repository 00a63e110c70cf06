package fr.rentree.tracking.service;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.base.Spreadsheet;
import fr.rentree.campaign.domain.DeliveryTally;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.SchoolIncident;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.campaign.service.DistrictIncidents;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DashboardTotals;
import fr.rentree.tracking.domain.DayRate;
import fr.rentree.tracking.domain.DistrictLines;
import fr.rentree.tracking.domain.DistrictProgressLog;
import fr.rentree.tracking.domain.LineQuery;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of a district campaign: its schools page by page, filtered and sorted in the database, the totals
 * above them, its activation day by day, and the same lines as CSV. Counts and steps only, for the campaign's district
 * staff and the administrators ({@link DistrictCampaigns#followed} checks who asks, at every call); the CSV also for
 * Rentrée's own commands ({@code export-district}). A page's e-mail and sheet counts are read for its lines only.
 */
@Service
@Transactional(readOnly = true)
public class DistrictDashboard {

    /** The CSV's columns, in order: each named by {@code district-dashboard.csv.<column>} in the bundle. */
    private static final List<String> CSV_COLUMNS = List.of("school", "uai", "kind", "commune", "step", "days", "late",
            "adopted", "incidents", "rate", "trend", "students", "parents", "teachers", "staff", "accounts",
            "activated", "mails-sent", "mails-refused", "mails-bounced", "sheets-printed", "sheets-handed-out");
    /** The CSV reads the e-mail and sheet counts of this many schools at a time. */
    private static final int CSV_BATCH = 500;

    private final DistrictCampaigns districtCampaigns;
    private final DistrictIncidents incidents;
    private final DistrictLines lines;
    private final DistrictProgressLog progress;
    private final Clock clock;
    private final MessageSource messages;

    DistrictDashboard(DistrictCampaigns districtCampaigns, DistrictIncidents incidents, DistrictLines lines,
            DistrictProgressLog progress, Clock clock, MessageSource messages) {
        this.districtCampaigns = districtCampaigns;
        this.incidents = incidents;
        this.lines = lines;
        this.progress = progress;
        this.clock = clock;
        this.messages = messages;
    }

    public List<SchoolLine> page(long campaignId, DashboardFilter filter, DashboardOrder order, int offset,
            int limit) {
        DistrictCampaign campaign = districtCampaigns.followed(campaignId);
        Map<String, Long> failing = failingSchools(campaignId);
        return completed(campaignId, lines.page(query(campaign, filter, failing), order, offset, limit), failing);
    }

    public int count(long campaignId, DashboardFilter filter) {
        DistrictCampaign campaign = districtCampaigns.followed(campaignId);
        return lines.count(query(campaign, filter, filter.withIncident() ? failingSchools(campaignId) : Map.of()));
    }

    public DashboardTotals totals(long campaignId) {
        districtCampaigns.followed(campaignId);
        return lines.totals(campaignId);
    }

    /** The campaign's activation at the end of each day it ran, oldest first (the chart; today's is the totals'). */
    public List<DayRate> days(long campaignId) {
        districtCampaigns.followed(campaignId);
        return progress.days(campaignId);
    }

    /** The campaign's schools with a failed step, oldest first: its staff retry the district's, see the others. */
    public List<SchoolIncident> incidents(long campaignId) {
        districtCampaigns.followed(campaignId);
        return incidents.of(campaignId);
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
        Map<String, Long> failing = failingSchools(campaignId);
        List<String> header = CSV_COLUMNS.stream().map(column -> text("district-dashboard.csv." + column, locale))
                .toList();
        List<SchoolLine> batch = new ArrayList<>(CSV_BATCH);
        int[] written = {0};
        try (Spreadsheet csv = new Spreadsheet(out, header)) {
            lines.each(query(campaign, filter, failing), order, line -> {
                batch.add(line);
                if (batch.size() == CSV_BATCH) {
                    written[0] += write(csv, completed(campaignId, batch, failing), locale);
                    batch.clear();
                }
            });
            written[0] += write(csv, completed(campaignId, batch, failing), locale);
        }
        return written[0];
    }

    private int write(Spreadsheet csv, List<SchoolLine> batch, Locale locale) {
        String yes = text("district-dashboard.yes", locale);
        String no = text("district-dashboard.no", locale);
        for (SchoolLine line : batch) {
            DeliveryTally delivered = line.delivered();
            csv.line(line.schoolName(), line.schoolUai(), text("school.kind." + line.kind().name(), locale),
                    line.commune() == null ? "" : line.commune(), text("phase." + line.phase().name(), locale),
                    daysWaiting(line) == null ? "" : daysWaiting(line), line.late() ? yes : no,
                    line.adopted() ? yes : no, line.incidents(), percent(line.all()),
                    line.trend() == null ? "" : line.trend(), percent(line.students()), percent(line.parents()),
                    percent(line.teachers()), percent(line.staff()), line.all().accounts(), line.all().activated(),
                    delivered.sent(), delivered.refused(), delivered.bounced(), delivered.printed(),
                    delivered.handedOut());
        }
        return batch.size();
    }

    private LineQuery query(DistrictCampaign campaign, DashboardFilter filter, Map<String, Long> failing) {
        return new LineQuery(Objects.requireNonNull(campaign.id()), filter, campaign.targetPercent(),
                LocalDate.now(clock).minusWeeks(1), failing.keySet());
    }

    /** The schools with a failed step, and how many each. */
    private Map<String, Long> failingSchools(long campaignId) {
        return incidents.of(campaignId).stream()
                .collect(Collectors.groupingBy(SchoolIncident::schoolUai, Collectors.counting()));
    }

    /** The lines with their campaigns' e-mail and sheet counts and their incidents. */
    private List<SchoolLine> completed(long campaignId, List<SchoolLine> page, Map<String, Long> failing) {
        Set<Long> campaigns = page.stream().map(SchoolLine::campaignId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, DeliveryTally> delivered = districtCampaigns.delivered(campaignId, campaigns);
        return page.stream().map(line -> line.with(line.campaignId() == null ? DeliveryTally.NONE
                        : delivered.getOrDefault(line.campaignId(), DeliveryTally.NONE),
                failing.getOrDefault(line.schoolUai(), 0L).intValue())).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A rate as a CSV cell: its percentage, or nothing without accounts. */
    static Object percent(Rate rate) {
        return rate.percent().<Object>map(Integer::valueOf).orElse("");
    }
}
