package fr.rentree.tracking.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.rentree.base.Spreadsheet;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.DistrictCampaignState;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.reports.DistrictReport;
import fr.rentree.reports.DistrictReportRenderer;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.domain.DistrictLines;
import fr.rentree.tracking.domain.LineQuery;
import fr.rentree.tracking.domain.DistrictReports;
import fr.rentree.tracking.domain.Rate;
import fr.rentree.tracking.domain.ReportEnding;
import fr.rentree.tracking.domain.SchoolLine;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The final report of a district campaign: written by its process when it ends (its schools done, the deadline, or
 * stopped: the figures at the stop are what the district explains), as a PDF and the same as CSV, both kept in the
 * database ({@link DistrictReports}); read by the campaign's district staff and the administrators only. Counts per
 * school and profile, never an account. Written in French, the language of the districts it is for.
 */
@Service
@Transactional
public class DistrictReportService {

    /** The CSV's headers, in order: the dashboard's words where the column is the same, the report's otherwise. */
    private static final List<String> CSV_COLUMNS = List.of("district-dashboard.csv.school",
            "district-dashboard.csv.uai", "district-dashboard.csv.kind", "district-report.csv.step",
            "district-dashboard.csv.rate", "district-dashboard.csv.students", "district-dashboard.csv.parents",
            "district-dashboard.csv.teachers", "district-dashboard.csv.staff", "district-dashboard.csv.accounts",
            "district-dashboard.csv.activated", "district-report.csv.under-target");
    private static final Locale LOCALE = Locale.FRANCE;

    private final DistrictCampaigns districtCampaigns;
    private final DistrictLines lines;
    private final DistrictReports reports;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;
    private final DistrictReportRenderer renderer = new DistrictReportRenderer();

    DistrictReportService(DistrictCampaigns districtCampaigns, DistrictLines lines, DistrictReports reports,
            CurrentUser currentUser, MessageSource messages, Clock clock) {
        this.districtCampaigns = districtCampaigns;
        this.lines = lines;
        this.reports = reports;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Service step "write-district-report": writes the campaign's report as it stands now, replacing the one an
     * earlier run wrote. Rentrée's own work only (a job of the engine).
     *
     * @param atDeadline the deadline closed the schools' campaigns (the step before said so)
     */
    public void write(long campaignId, boolean atDeadline) {
        if (!currentUser.isSystem()) {
            throw new AccessDeniedException("Only the district campaign's process writes its report");
        }
        DistrictCampaign campaign = districtCampaigns.followedOrSystem(campaignId);
        ReportEnding ending = campaign.state() == DistrictCampaignState.CANCELLED ? ReportEnding.STOPPED
                : atDeadline ? ReportEnding.DEADLINE : ReportEnding.SCHOOLS_DONE;
        Instant now = clock.instant();
        List<SchoolLine> schools = new ArrayList<>();
        lines.each(new LineQuery(campaignId, DashboardFilter.ALL, campaign.targetPercent(),
                LocalDate.now(clock).minusWeeks(1), Set.of()), DashboardOrder.BY_SCHOOL, schools::add);
        reports.save(campaignId, ending, now, pdf(campaign, ending, schools, now), csv(campaign, schools));
    }

    /** When the campaign's report was written; empty while it runs. */
    @Transactional(readOnly = true)
    public Optional<Instant> writtenAt(long campaignId) {
        districtCampaigns.followed(campaignId);
        return reports.writtenAt(campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(long campaignId) {
        districtCampaigns.followed(campaignId);
        return reports.pdf(campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> csv(long campaignId) {
        districtCampaigns.followed(campaignId);
        return reports.csv(campaignId);
    }

    private byte[] pdf(DistrictCampaign campaign, ReportEnding ending, List<SchoolLine> schools, Instant now) {
        int target = campaign.targetPercent();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LOCALE)
                .withZone(clock.getZone());
        Instant ended = campaign.finishedAt() == null ? now : campaign.finishedAt();
        String dates = text("district-report.dates", day.format(campaign.createdAt()), day.format(campaign.deadline()),
                day.format(ended));
        DistrictReport report = new DistrictReport(campaign.district(), campaign.name(), dates,
                text("district-report.ended." + ending.name()), target, text("district-report.target", target),
                new DistrictReport.Rates(figure(sum(schools, SchoolLine::all)),
                        figure(sum(schools, SchoolLine::students)), figure(sum(schools, SchoolLine::parents)),
                        figure(sum(schools, SchoolLine::teachers)), figure(sum(schools, SchoolLine::staff))),
                schools.stream().map(this::school).toList(),
                schools.stream().filter(line -> underTarget(line, target)).map(this::school).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(report, LOCALE, out);
        return out.toByteArray();
    }

    private byte[] csv(DistrictCampaign campaign, List<SchoolLine> schools) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String yes = text("district-dashboard.yes");
        String no = text("district-dashboard.no");
        Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        try (Spreadsheet csv = new Spreadsheet(out, CSV_COLUMNS.stream().map(this::text).toList())) {
            for (SchoolLine line : schools) {
                csv.line(line.schoolName(), line.schoolUai(), text("school.kind." + line.kind().name()),
                        text("phase." + line.phase().name()), DistrictDashboard.percent(line.all()),
                        DistrictDashboard.percent(line.students()), DistrictDashboard.percent(line.parents()),
                        DistrictDashboard.percent(line.teachers()), DistrictDashboard.percent(line.staff()),
                        line.all().accounts(), line.all().activated(),
                        underTarget(line, campaign.targetPercent()) ? yes : no);
            }
            Rate all = sum(schools, SchoolLine::all);
            csv.line(text("district-report.csv.total"), "", "", "", DistrictDashboard.percent(all),
                    DistrictDashboard.percent(sum(schools, SchoolLine::students)),
                    DistrictDashboard.percent(sum(schools, SchoolLine::parents)),
                    DistrictDashboard.percent(sum(schools, SchoolLine::teachers)),
                    DistrictDashboard.percent(sum(schools, SchoolLine::staff)), all.accounts(), all.activated(),
                    all.activated() * 100 < (long) campaign.targetPercent() * all.accounts() ? yes : no);
        }
        return bytes.toByteArray();
    }

    private DistrictReport.School school(SchoolLine line) {
        return new DistrictReport.School(line.schoolName(), line.schoolUai(),
                text("school.kind." + line.kind().name()), text("phase." + line.phase().name()), figure(line.all()));
    }

    private DistrictReport.Figure figure(Rate rate) {
        return new DistrictReport.Figure(rate.percent().orElse(null), rate.percent()
                .map(percent -> text("district-report.rate", percent, rate.activated(), rate.accounts()))
                .orElse(text("district-report.no-rate")));
    }

    /** Under the target as the dashboard's filter says it: a school without accounts is not. */
    private static boolean underTarget(SchoolLine line, int target) {
        return line.all().activated() * 100 < (long) target * line.all().accounts();
    }

    private static Rate sum(List<SchoolLine> schools, Function<SchoolLine, Rate> profile) {
        return schools.stream().map(profile).reduce(Rate.NONE, Rate::plus);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LOCALE);
    }
}
