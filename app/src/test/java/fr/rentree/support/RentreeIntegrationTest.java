package fr.rentree.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the integration tests (so the engine starts once per run): the whole application
 * on a random port, real MariaDB, the embedded Operaton engine with its job executor, real SMTP server (GreenMail), a freshly migrated schema; the test's own thread runs as Rentrée itself ({@link SystemAtWork}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSetup.class)
@ExtendWith(SystemAtWork.class) // registered after Spring's extension: its callbacks run inside Spring's
public @interface RentreeIntegrationTest {
}
