package fr.rentree.base.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
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
                "--operaton.bpm.auto-deployment-enabled=false",
                "--rentree.dev-services.mail.enabled=false",
                "--rentree.demo.enabled=false",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "--spring.main.lazy-initialization=true", // only what the command needs is built
                "--logging.level.root=warn"));
        options.addAll(userOptions);
        return spring.run(options.toArray(String[]::new));
    }

    /** The application's texts, read without its context. */
    public static MessageSource texts() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    /** Ends the start quietly: the command says what to set, instead of Spring's report on a failed DataSource. */
    public static final class NoDatabase extends SpringApplication.AbandonedRunException {
    }
}
