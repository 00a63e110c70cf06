package fr.rentree.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import fr.rentree.RentreeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.junit.jupiter.api.Test;

/**
 * What the application refuses to start with under the {@code prod} profile, with its real configuration files and
 * its real start-up listeners. The machine's environment variables are left out (CI sets SPRING_DATASOURCE_*): the
 * point is what the files say when an operator gives nothing.
 */
class ProductionConfigurationTest {

    private static final String[] PROD_DATABASE_WITHOUT_USER = {"--spring.profiles.active=prod",
            "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/rentree"};

    @Test
    void the_demo_data_is_refused_under_the_prod_profile() {
        assertThatThrownBy(() -> application().run("--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/rentree", "--spring.datasource.username=rentree",
                "--rentree.demo.enabled=true"))
                .isInstanceOf(RefusedConfiguration.class)
                .hasMessageContaining("(rentree.demo.enabled=true) sont refusées sous le profil prod")
                .hasMessageContaining("Retirez RENTREE_DEMO_ENABLED");
    }

    @Test
    void under_the_prod_profile_a_database_without_a_user_is_refused_rather_than_reached_as_root() {
        assertThatThrownBy(() -> application().run(PROD_DATABASE_WITHOUT_USER))
                .isInstanceOf(RefusedConfiguration.class)
                .hasMessageContaining("est configurée sans utilisateur sous le profil prod")
                .hasMessageContaining("Donnez SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void the_configuration_files_give_root_without_a_password_to_the_dev_profile_only() {
        assertThat(environment(PROD_DATABASE_WITHOUT_USER).getProperty("spring.datasource.username")).isNull();
        assertThat(environment(PROD_DATABASE_WITHOUT_USER).getProperty("spring.datasource.password")).isNull();

        ConfigurableEnvironment dev = environment("--spring.profiles.active=dev");
        assertThat(dev.getProperty("spring.datasource.username")).isEqualTo("root");
        assertThat(dev.getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void a_production_database_with_its_user_passes_the_check() {
        ConfigurableEnvironment prod = environment("--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:mariadb://db:3306/rentree", "--spring.datasource.username=rentree");

        ProductionDatabase.check(prod); // no exception
        assertThat(prod.getProperty("spring.datasource.username")).isEqualTo("rentree");
    }

    /**
     * Spring Boot reads {@code .properties} files as ISO-8859-1: a value written in UTF-8 ("Rentrée") came out as
     * "RentrÃ©e" in the From of every e-mail. Every value of every file it reads is ASCII ({@code \\u00e9}), and the
     * sender reads as written.
     */
    @Test
    void the_configuration_files_hold_ascii_values_only_and_the_sender_reads_rentree_with_its_accent()
            throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:application*.properties")) {
            List<String> lines = new String(file.getContentAsByteArray(), StandardCharsets.ISO_8859_1).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("#") && !line.startsWith("!")) {
                    assertThat(line.chars().allMatch(c -> c < 128)).as("%s line %d is not ASCII (write \\uXXXX): %s",
                            file.getFilename(), i + 1, line).isTrue();
                }
            }
        }
        for (String profile : List.of("dev", "prod")) {
            assertThat(environment("--spring.profiles.active=" + profile).getProperty("rentree.mail.from"))
                    .isEqualTo("Rentrée <ne-pas-repondre@rentree.localhost>");
        }
    }

    /** The application as {@code main} starts it, on an environment holding only its files and these arguments. */
    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RentreeApplication.class)
                .web(WebApplicationType.NONE)
                .environment(new WithoutMachineSettings())
                .logStartupInfo(false);
    }

    /**
     * The environment once the configuration files are read, before the dev services, the checks of this package or
     * any bean: the start is abandoned there.
     */
    private static ConfigurableEnvironment environment(String... args) {
        AtomicReference<ConfigurableEnvironment> read = new AtomicReference<>();
        try {
            application().listeners(new Capture(read)).run(args);
        } catch (SpringApplication.AbandonedRunException expected) {
            // stopped on purpose, right after reading the configuration
        }
        return read.get();
    }

    private static final class WithoutMachineSettings extends StandardEnvironment {
        @Override
        protected void customizePropertySources(MutablePropertySources sources) {
            // neither system properties nor environment variables
        }
    }

    private record Capture(AtomicReference<ConfigurableEnvironment> read)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            read.set(event.getEnvironment());
            throw new SpringApplication.AbandonedRunException();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 20; // after the configuration files (HIGHEST_PRECEDENCE + 10)
        }
    }
}
