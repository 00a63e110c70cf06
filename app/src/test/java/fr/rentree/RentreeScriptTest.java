package fr.rentree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 18: {@code ./rentree run} builds only when a source changed since the last build. The script runs
 * in a copy of the project's layout whose Maven wrapper only notes that it was called and makes the jar.
 */
class RentreeScriptTest {

    @TempDir
    Path project;

    @Test
    void the_jar_is_built_the_first_time_then_only_when_a_source_changed() throws Exception {
        Files.copy(Path.of("..", "rentree"), project.resolve("rentree"));
        Files.writeString(project.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo build >> builds.log
                mkdir -p app/target && touch app/target/rentree-app.jar
                """);
        project.resolve("mvnw").toFile().setExecutable(true);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(project.resolve("app/src/main/java")).resolve("Main.java");
        Files.writeString(source, "class Main {}");
        Files.createDirectories(project.resolve("bpmn/src"));
        Files.createDirectories(project.resolve("reports/src"));
        Instant before = Instant.now().minusSeconds(60);
        for (Path file : List.of(project.resolve("pom.xml"), project.resolve("mvnw"), source)) {
            Files.setLastModifiedTime(file, FileTime.from(before));
        }

        build();
        assertThat(builds()).as("no jar yet").isEqualTo(1);

        assertThat(build()).contains("Nothing changed since app/target/rentree-app.jar was built: no build.");
        assertThat(builds()).isEqualTo(1);

        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(build()).contains("Building (app/src/main/java/Main.java changed since the last build)");
        assertThat(builds()).isEqualTo(2);
    }

    private String build() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "rentree", "build").directory(project.toFile())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private long builds() throws IOException {
        return Files.readAllLines(project.resolve("builds.log")).size();
    }
}
