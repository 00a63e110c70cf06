package fr.rentree.base.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rentree.RentreeApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.junit.jupiter.api.Test;

/**
 * What the application refuses to start with under the {@code prod} profile, with its real configuration files and
 * its real start-up listeners. The machine's environment variables are left out (CI sets SPRING_DATASOURCE_*): the
 * point is what the files say when an operator gives nothing.
 */
class ProductionConfigurationTest {

    @Test
    void the_demo_data_is_refused_under_the_prod_profile() {
        assertThatThrownBy(() -> application().run("--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/rentree", "--spring.datasource.username=rentree",
                "--rentree.demo.enabled=true"))
                .isInstanceOf(RefusedConfiguration.class)
                .hasMessageContaining("rentree.demo.enabled=true) is refused under the prod profile")
                .hasMessageContaining("Remove RENTREE_DEMO_ENABLED");
    }

    /** The application as {@code main} starts it, on an environment holding only its files and these arguments. */
    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RentreeApplication.class)
                .web(WebApplicationType.NONE)
                .environment(new WithoutMachineSettings())
                .logStartupInfo(false);
    }

    private static final class WithoutMachineSettings extends StandardEnvironment {
        @Override
        protected void customizePropertySources(MutablePropertySources sources) {
            // neither system properties nor environment variables
        }
    }
}
