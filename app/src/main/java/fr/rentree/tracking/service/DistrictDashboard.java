package fr.rentree.tracking.service;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import fr.rentree.base.Spreadsheet;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.DistrictCampaignService;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DashboardTotals;
import fr.rentree.tracking.domain.DistrictLines;
import fr.rentree.tracking.domain.Phase;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.SchoolLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of a district campaign: its schools page by page, filtered and sorted in the database, the totals
 * above them, and the same lines as CSV. Counts and steps only, for the campaign's district staff and the
 * administrators ({@link DistrictCampaignService#followed} checks who asks, at every call).
 */
@Service
@Transactional(readOnly = true)
public class DistrictDashboard {

    private final DistrictCampaignService districtCampaigns;
    private final DistrictLines lines;
    private final Clock clock;

    DistrictDashboard(DistrictCampaignService districtCampaigns, DistrictLines lines, Clock clock) {
        this.districtCampaigns = districtCampaigns;
        this.lines = lines;
        this.clock = clock;
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
    public Long daysWaiting(SchoolLine line) {
        return line.waitingSince() == null ? null : Duration.between(line.waitingSince(), clock.instant()).toDays();
    }

    /**
     * Writes the lines the filter keeps, in this order, as CSV (semicolons, BOM, no formula).
     *
     * @param header the columns' names in the reader's language: school, UAI, kind, commune, step, days at that step,
     *               late, the school's own campaign, then the activation rate overall, of pupils, parents, teachers
     *               and staff, the accounts and the activated accounts
     * @param words  "yes" and "no", the kinds' and the phases' names, in the reader's language
     */
    public void exportCsv(long campaignId, DashboardFilter filter, DashboardOrder order, Writer out,
            List<String> header, Words words) {
        DistrictCampaign campaign = districtCampaigns.followed(campaignId);
        try (Spreadsheet csv = new Spreadsheet(out, header)) {
            lines.each(campaignId, filter, campaign.targetPercent(), order, line -> csv.line(line.schoolName(),
                    line.schoolUai(), words.kind().apply(line.kind()), line.commune() == null ? "" : line.commune(),
                    words.phase().apply(line.phase()), daysWaiting(line) == null ? "" : daysWaiting(line),
                    line.late() ? words.yes() : words.no(), line.adopted() ? words.yes() : words.no(),
                    percent(line.all()), percent(line.students()), percent(line.parents()), percent(line.teachers()),
                    percent(line.staff()), line.all().accounts(), line.all().activated()));
        }
    }

    private static Object percent(Rate rate) {
        return rate.percent().<Object>map(Integer::valueOf).orElse("");
    }

    /** The words of the CSV's cells in the reader's language. */
    public record Words(String yes, String no, Function<SchoolKind, String> kind, Function<Phase, String> phase) {
    }
}
