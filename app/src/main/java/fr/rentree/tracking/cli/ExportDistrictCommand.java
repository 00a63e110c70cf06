package fr.rentree.tracking.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.rentree.base.cli.HeadlessApplication;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.tracking.domain.DashboardFilter;
import fr.rentree.tracking.domain.DashboardOrder;
import fr.rentree.tracking.service.DistrictDashboard;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar rentree-app.jar export-district --district <name> [--campaign <id>] --out <file.csv>}: the
 * dashboard's table of a district campaign as CSV, for the académie's own reporting (its newest campaign when none is
 * named). Exits 0 when written, 2 when the arguments, the campaign or the file are refused, 1 on an internal error.
 */
public final class ExportDistrictCommand {

    public static final String NAME = "export-district";

    private final PrintStream out;
    private final PrintStream err;
    private final MessageSource messages = HeadlessApplication.texts();

    public ExportDistrictCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Class<?> application, String... args) {
        String district = null;
        Long campaign = null;
        Path file = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean valued = i + 1 < args.length;
            if (arg.equals("--district") && valued) {
                district = args[++i];
            } else if (arg.equals("--campaign") && valued && args[i + 1].matches("\\d{1,18}")) {
                campaign = Long.valueOf(args[++i]);
            } else if (arg.equals("--out") && valued) {
                file = Path.of(args[++i]);
            } else if (arg.startsWith("--") && !List.of("--district", "--campaign", "--out").contains(arg)) {
                springArgs.add(arg);
            } else {
                district = null; // a stray word or a value missing: say how to write the command
                break;
            }
        }
        if (district == null || district.isBlank() || file == null) {
            err.println(text("cli.export.usage"));
            return 2;
        }
        String name = district;
        Long id = campaign;
        Path target = file;
        return HeadlessApplication.run(application, springArgs, err, "cli.export.internal-error",
                context -> context.getBean(CurrentUser.class).asSystem(() -> export(context, name, id, target)));
    }

    private int export(ConfigurableApplicationContext context, String district, Long id, Path file) {
        List<DistrictCampaign> campaigns = context.getBean(DistrictCampaigns.class).ofDistrictForSystem(district);
        Optional<DistrictCampaign> chosen = id == null ? campaigns.stream().findFirst()
                : campaigns.stream().filter(campaign -> id.equals(campaign.id())).findFirst();
        if (chosen.isEmpty()) {
            err.println(id == null ? text("cli.export.no-campaign", district)
                    : text("cli.export.not-this-district", String.valueOf(id), district));
            return 2;
        }
        DistrictDashboard dashboard = context.getBean(DistrictDashboard.class);
        long campaignId = chosen.get().id();
        int schools;
        try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            schools = dashboard.exportCsv(campaignId, DashboardFilter.ALL, DashboardOrder.BY_SCHOOL, csv,
                    Locale.FRENCH);
        } catch (IOException | UncheckedIOException e) {
            err.println(text("cli.export.file", file));
            return 2;
        }
        out.println(text("cli.export.done", chosen.get().name(), district, schools, file));
        return 0;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }
}
