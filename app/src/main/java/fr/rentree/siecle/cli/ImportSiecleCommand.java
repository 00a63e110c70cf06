package fr.rentree.siecle.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.rentree.base.config.RefusedConfiguration;
import fr.rentree.directory.domain.ChangeKind;
import fr.rentree.directory.domain.RosterChanges;
import fr.rentree.school.domain.Uai;
import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.domain.ImportAnalysis;
import fr.rentree.siecle.service.SiecleImportService;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar rentree-app.jar import-siecle --uai <UAI> [--dry-run] <file>...}: the import for scheduled runs.
 * Starts the application without web server, job executor, deployment or mail (only the database is needed), prints the
 * summary in French and exits 0 when imported (or importable, with {@code --dry-run}), 2 when the input or the
 * configuration is refused (an invalid UAI, no database), 1 on an internal error. Spring options
 * ({@code --spring.profiles.active=dev}...) pass through.
 */
public final class ImportSiecleCommand {

    public static final String NAME = "import-siecle";
    private static final Locale FRENCH = Locale.FRENCH;

    private final PrintStream out;
    private final PrintStream err;
    private final MessageSource messages = bundle();

    public ImportSiecleCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Class<?> application, String... args) {
        String uai = null;
        boolean dryRun = false;
        List<ExportFile> files = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--uai") && i + 1 < args.length) {
                uai = args[++i].strip().toUpperCase(Locale.ROOT);
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
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
        try (ConfigurableApplicationContext context = headless(application).run(options(springArgs))) {
            return importFiles(context, uai, files, dryRun);
        } catch (NoDatabase e) {
            err.println(text("cli.import.no-database"));
            return 2;
        } catch (RefusedConfiguration e) { // e.g. a production database without a user: the operator's to fix
            err.println(text("cli.import.refused-configuration", e.getMessage()));
            return 2;
        } catch (RuntimeException e) {
            err.println(text("cli.import.internal-error", e.getMessage()));
            return 1;
        }
    }

    private static SpringApplication headless(Class<?> application) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setLogStartupInfo(false);
        spring.addInitializers(context -> { // once the configuration is read (dev services give one), before any bean
            if (!StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))) {
                throw new NoDatabase();
            }
        });
        return spring;
    }

    /** Ends the start quietly: the command says what to set, instead of Spring's report on a failed DataSource. */
    private static final class NoDatabase extends SpringApplication.AbandonedRunException {
    }

    /** The application's texts, read without its context: some are said before it starts, or when it cannot. */
    private static MessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, FRENCH);
    }

    /**
     * What the command switches off, as command-line options so that no profile's file turns it back on; the
     * user's own options come after and may still change the rest (the database...).
     */
    private static String[] options(List<String> userOptions) {
        List<String> options = new ArrayList<>(List.of(
                "--operaton.bpm.job-execution.enabled=false", // no process work in a one-shot command
                "--operaton.bpm.auto-deployment-enabled=false",
                "--rentree.dev-services.mail.enabled=false",
                "--rentree.demo.enabled=false",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "--spring.main.lazy-initialization=true", // only what the import needs is built
                "--logging.level.root=warn"));
        options.addAll(userOptions);
        return options.toArray(String[]::new);
    }

    private int importFiles(ConfigurableApplicationContext context, String uai, List<ExportFile> files,
                            boolean dryRun) {
        SiecleImportService imports = context.getBean(SiecleImportService.class);
        ImportAnalysis analysis = imports.analyse(uai, files);
        RosterChanges changes = analysis.refused() || dryRun ? analysis.changes() : imports.apply(analysis, "cli");
        out.println(text("cli.import.title", uai, String.join(", ", analysis.files())));
        for (ChangeKind kind : ChangeKind.values()) {
            out.println(text("import.change." + kind) + " : " + changes.count(kind));
        }
        print("cli.import.errors", analysis.errors());
        print("cli.import.warnings", analysis.warnings());
        out.println(text(analysis.refused() ? "cli.import.refused" : dryRun ? "cli.import.dry-run" : "cli.import.done"));
        return analysis.refused() ? 2 : 0;
    }

    private void print(String title, List<Finding> findings) {
        out.println(text(title, findings.size()));
        findings.forEach(finding -> out.println("  - " + text(finding.messageKey(), finding.arguments())));
    }
}
