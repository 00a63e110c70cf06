package fr.rentree.base.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import fr.rentree.support.JarCommand;
import fr.rentree.support.JarCommand.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started under the {@code prod} profile as an operator starts it from the README, missing one
 * setting: it stops at once with Spring Boot's "APPLICATION FAILED TO START" report, in French, saying what to set,
 * before it reaches the database or anything slow (every other setting is given, the database unreachable).
 */
class ProductionStartIT {

    private static final String DATABASE = "--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/rentree";
    private static final String USER = "--spring.datasource.username=rentree";
    private static final String PUBLIC_URL = "--rentree.public-url=" + JarCommand.PUBLIC_URL;
    private static final String KEY = "--rentree.activation-codes.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path folder;

    @Test
    void without_its_public_address_the_application_refuses_to_start_and_says_which_setting_in_french()
            throws Exception {
        Run run = JarCommand.application(Duration.ofSeconds(90), DATABASE, USER, KEY);

        assertThat(run.exitCode()).as(run.output()).isPositive();
        assertThat(run.output()).contains("APPLICATION FAILED TO START",
                "L’adresse publique de Rentrée n’est pas donnée",
                "les codes QR des fiches", "RENTREE_PUBLIC_URL=https://");
    }

    /** It failed after 30 s of start-up with a 113-line stack trace in English. */
    @Test
    void without_the_activation_code_key_the_application_refuses_at_once_in_french() throws Exception {
        long start = System.nanoTime();
        Run run = JarCommand.application(Duration.ofSeconds(90), DATABASE, USER, PUBLIC_URL);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.output()).isPositive();
        assertThat(run.output()).contains("APPLICATION FAILED TO START",
                "La clé de chiffrement des codes d’activation n’est pas donnée", "RENTREE_ACTIVATIONCODES_KEY",
                "openssl rand -base64 32").doesNotContain("\tat ", "Exception");
        assertThat(took).as("checked before the database, the engine or the web server").isLessThan(
                Duration.ofSeconds(20));
    }

    @Test
    void a_key_that_is_not_32_bytes_in_base64_is_refused_in_french() throws Exception {
        Run run = JarCommand.application(Duration.ofSeconds(90), DATABASE, USER, PUBLIC_URL,
                "--rentree.activation-codes.key=pas-une-cle");

        assertThat(run.exitCode()).as(run.output()).isPositive();
        assertThat(run.output()).contains("APPLICATION FAILED TO START",
                "La clé de chiffrement des codes d’activation (RENTREE_ACTIVATIONCODES_KEY) n’est pas", "32 octets")
                .doesNotContain("pas-une-cle");
    }

    /** Issue 22, D18: outside prod a missing key file is made; under prod that would be a new key after a typo. */
    @Test
    void a_key_file_that_does_not_exist_is_refused_not_made() throws Exception {
        Path absent = folder.resolve("cles/activation-code.key");
        Run run = JarCommand.application(Duration.ofSeconds(90), DATABASE, USER, PUBLIC_URL,
                "--rentree.activation-codes.key-file=" + absent);

        assertThat(run.exitCode()).as(run.output()).isPositive();
        assertThat(run.output()).contains("APPLICATION FAILED TO START", "RENTREE_ACTIVATIONCODES_KEYFILE",
                "n’existe pas ou ne se lit pas", "openssl rand -base64 32 > " + absent);
        assertThat(absent).doesNotExist();
    }

    @Test
    void a_public_address_that_is_not_an_http_address_is_refused_too() throws Exception {
        Run run = JarCommand.application(Duration.ofSeconds(90), DATABASE, USER, KEY,
                "--rentree.public-url=rentree.ac-exemple.fr");

        assertThat(run.exitCode()).as(run.output()).isPositive();
        assertThat(run.output()).contains("APPLICATION FAILED TO START", "rentree.ac-exemple.fr",
                "n’est pas une adresse http:// ou https://");
    }
}
