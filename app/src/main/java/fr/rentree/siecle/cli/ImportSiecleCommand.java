package fr.rentree.siecle.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.rentree.base.cli.HeadlessApplication;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.school.domain.Uai;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar rentree-app.jar import-siecle --uai <UAI> [--dry-run] [--confirm-pre-deletion] <file>...}: the
 * import for scheduled runs. Starts the application without web server, job executor, deployment or mail (only the
 * database is needed), prints the summary in French and exits 0 when imported (or importable, with
 * {@code --dry-run}), 2 when the input or the configuration is refused (an invalid UAI, no database) or when the
 * import would send most of a profile's accounts to pré-suppression without {@code --confirm-pre-deletion} (the dry
 * run says so too), 1 on an internal error. Spring options ({@code --spring.profiles.active=dev}...) pass through.
 */
public final class ImportSiecleCommand {

    public static final String NAME = "import-siecle";
    private static final Locale FRENCH = Locale.FRENCH;

    private final PrintStream out;
    private final PrintStream err;
    private final MessageSource messages = HeadlessApplication.texts();

    public ImportSiecleCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Class<?> application, String... args) {
        String uai = null;
        boolean dryRun = false;
        boolean confirmed = false;
        List<ExportFile> files = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--uai") && i + 1 < args.length) {
                uai = args[++i].strip().toUpperCase(Locale.ROOT);
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--confirm-pre-deletion")) {
                confirmed = true;
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                files.add(new ExportFile(Path.of(arg).getFileName().toString(), Path.of(arg)));
            }
        }
        if (uai != null && !Uai.isValid(uai)) { // a typo would otherwise surface as "unknown school" after the start
            err.println(text("cli.import.uai.invalid", uai));
            return 2;
        }
        List<String> missing = files.stream().filter(file -> !Files.isReadable(file.path()))
                .map(file -> file.path().toString()).toList();
        if (uai == null || files.isEmpty() || !missing.isEmpty()) {
            err.println(text("cli.import.usage"));
            missing.forEach(path -> err.println(text("cli.import.unreadable", path)));
            return 2;
        }
        String school = uai;
        boolean simulation = dryRun;
        boolean massConfirmed = confirmed;
        return HeadlessApplication.run(application, springArgs, err, "cli.import.internal-error",
                context -> context.getBean(CurrentUser.class).asSystem(
                        () -> importFiles(context, school, files, simulation, massConfirmed)));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, FRENCH);
    }

    private int importFiles(ConfigurableApplicationContext context, String uai, List<ExportFile> files,
                            boolean dryRun, boolean massConfirmed) {
        SiecleImportService imports = context.getBean(SiecleImportService.class);
        ImportAnalysis analysis = imports.analyse(uai, files);
        boolean unconfirmed = !analysis.refused() && analysis.needsConfirmation() && !massConfirmed;
        RosterChanges changes = analysis.refused() || unconfirmed || dryRun ? analysis.changes()
                : imports.apply(analysis, "cli", massConfirmed);
        out.println(text("cli.import.title", uai, String.join(", ", analysis.files())));
        for (ChangeKind kind : ChangeKind.values()) {
            out.println(text("import.change." + kind) + " : " + changes.count(kind));
        }
        print("cli.import.errors", analysis.errors());
        print("cli.import.warnings", analysis.warnings());
        out.println(text(analysis.refused() ? "cli.import.refused" : unconfirmed ? "cli.import.unconfirmed"
                : dryRun ? "cli.import.dry-run" : "cli.import.done"));
        return analysis.refused() || unconfirmed ? 2 : 0; // a dry run says what the import would do
    }

    private void print(String title, List<Finding> findings) {
        out.println(text(title, findings.size()));
        findings.forEach(finding -> out.println("  - " + text(finding.messageKey(), finding.arguments())));
    }
}
