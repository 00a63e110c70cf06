package fr.rentree.base.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import fr.rentree.base.config.RefusedConfiguration;
import fr.rentree.base.i18n.Messages;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.util.StringUtils;

/**
 * The application started for a one-shot command ({@code import-siecle}, {@code rotate-activation-codes}): no web
 * server, no engine work, no mail catcher, no demo, only the beans the command asks for; and the commands' French
 * texts, read without the application's context (some are said before it starts, or when it cannot).
 */
public final class HeadlessApplication {

    private HeadlessApplication() {
    }

    /**
     * Starts the application for a command.
     *
     * @param userOptions the user's own options, after those the command switches off: they may still change the
     *                    rest (the database...)
     * @throws NoDatabase when no database is configured (dev services give one; production must say which)
     */
    public static ConfigurableApplicationContext start(Class<?> application, List<String> userOptions) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setLogStartupInfo(false);
        spring.addInitializers(context -> { // once the configuration is read (dev services give one), before any bean
            if (!StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))) {
                throw new NoDatabase();
            }
        });
        // command-line options, so that no profile's file turns them back on
        List<String> options = new ArrayList<>(List.of(
                "--operaton.bpm.job-execution.enabled=false", // no process work in a one-shot command
                "--rentree.background-work.enabled=false", // nor periodic work
                "--operaton.bpm.auto-deployment-enabled=false",
                "--rentree.dev-services.mail.enabled=false",
                "--rentree.demo.enabled=false",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "--spring.main.lazy-initialization=true", // only what the command needs is built
                "--logging.level.root=warn",
                // a refused configuration is said once, by the command, in French (not also as Spring's report)
                "--logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=off"));
        options.addAll(userOptions);
        return spring.run(options.toArray(String[]::new));
    }

    /**
     * Starts the application for a command and runs it, answering in French what stops any command: no database (2),
     * a configuration refused (2), an internal error (1, the command's own sentence for it).
     *
     * @param failureKey the bundle key of the command's sentence for an internal error, with the error as {0}
     * @return the command's exit code
     */
    public static int run(Class<?> application, List<String> userOptions, PrintStream err, String failureKey,
                          ToIntFunction<ConfigurableApplicationContext> command) {
        MessageSource texts = texts();
        try (ConfigurableApplicationContext context = start(application, userOptions)) {
            return command.applyAsInt(context);
        } catch (NoDatabase e) {
            err.println(texts.getMessage("cli.import.no-database", null, Locale.FRENCH));
            return 2;
        } catch (RefusedConfiguration e) { // e.g. a production database without a user: the operator's to fix
            err.println(texts.getMessage("cli.import.refused-configuration", new Object[] {e.getMessage()},
                    Locale.FRENCH));
            return 2;
        } catch (RuntimeException e) {
            err.println(texts.getMessage(failureKey, new Object[] {e.getMessage()}, Locale.FRENCH));
            return 1;
        }
    }

    /** The application's texts and their French grammar, read without its context. */
    public static MessageSource texts() {
        return Messages.standalone();
    }

    /** Ends the start quietly: the command says what to set, instead of Spring's report on a failed DataSource. */
    public static final class NoDatabase extends SpringApplication.AbandonedRunException {
    }
}
