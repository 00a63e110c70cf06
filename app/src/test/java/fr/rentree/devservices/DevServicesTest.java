package fr.rentree.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.rentree.devservices.DevServicesSettings.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

/** What a person at the terminal reads when a dev service cannot start. */
class DevServicesTest {

    @TempDir
    Path data;

    @Test
    void a_port_taken_by_another_program_is_named_with_the_way_out() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalMariaDb database = new LocalMariaDb(new DevServicesSettings(data, data, squatter.getLocalPort(),
                    DatabaseServer.SYSTEM, 3025, 3143));

            assertThatThrownBy(database::start)
                    .isInstanceOf(DevServiceException.class)
                    .hasMessageContaining("Port " + squatter.getLocalPort() + " is already taken by another program")
                    .hasMessageContaining("SPRING_DATASOURCE_URL");
        }
    }

    @Test
    void a_port_taken_by_another_program_is_named_with_the_way_out_for_the_embedded_server_too() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedMariaDb database = new EmbeddedMariaDb(new DevServicesSettings(data, data.resolve("cache"),
                    squatter.getLocalPort(), DatabaseServer.EMBEDDED, 3025, 3143));

            assertThatThrownBy(database::start)
                    .isInstanceOf(DevServiceException.class)
                    .hasMessageContaining("Port " + squatter.getLocalPort() + " is already taken by another program")
                    .hasMessageContaining("RENTREE_DEVSERVICES_DATABASE_PORT");
            assertThat(data.resolve("cache")).doesNotExist(); // refused before unpacking anything
        }
    }

    @Test
    void a_second_application_on_the_same_dev_services_is_refused_before_touching_them() throws Exception {
        Process firstApplication = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve("app.pid"), Long.toString(firstApplication.pid()));
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("rentree.dev-services.enabled", "true")
                    .withProperty("rentree.dev-services.data-dir", data.toString());

            assertThatThrownBy(() -> new DevServices().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                    null, new SpringApplication(), new String[0], environment)))
                    .isInstanceOf(DevServiceException.class)
                    .hasMessageContaining("Rentrée already runs with the dev services of " + data)
                    .hasMessageContaining("pid " + firstApplication.pid());
            assertThat(Files.readString(data.resolve("app.pid"))).isEqualTo(Long.toString(firstApplication.pid()));
        } finally {
            firstApplication.destroy();
        }
    }

    @Test
    void dev_services_never_start_in_the_prod_profile() {
        MockEnvironment environment = new MockEnvironment().withProperty("rentree.dev-services.enabled", "true");
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> new DevServices().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                null, new SpringApplication(), new String[0], environment)))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("prod profile");
    }

    @Test
    void without_the_switch_nothing_starts_and_nothing_is_configured() {
        MockEnvironment environment = new MockEnvironment();

        new DevServices().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                null, new SpringApplication(), new String[0], environment));

        assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
        assertThat(environment.getPropertySources().contains("rentreeDevServices")).isFalse();
    }
}
