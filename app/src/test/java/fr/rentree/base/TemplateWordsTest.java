package fr.rentree.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The French words outside the bundles: the sheets' templates (.jrxml) and the step names of the processes, which the
 * campaign page draws. A typographic apostrophe (’) and real plurals, as in the bundles ({@link MessagesTest}).
 */
class TemplateWordsTest {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** what a person reads in a template: a static text or an expression's strings, a step's name */
    private static final Pattern READ = Pattern.compile("<!\\[CDATA\\[(.*?)]]>|name=\"([^\"]*)\"", Pattern.DOTALL);

    @Test
    void templates_and_step_names_write_french_as_the_bundles_do() throws IOException {
        List<Path> templates = Stream.concat(files(Path.of("../reports/src/main/jrxml"), ".jrxml"),
                files(Path.of("../bpmn/src/main/resources/bpmn"), ".bpmn")).toList();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(5);
        for (Path template : templates) {
            String text = COMMENT.matcher(Files.readString(template, StandardCharsets.UTF_8)).replaceAll("");
            Matcher read = READ.matcher(text);
            while (read.find()) {
                String words = read.group(1) != null ? read.group(1) : read.group(2);
                assertThat(words).as("in %s", template.getFileName()).doesNotContainPattern("\\p{L}'\\p{L}")
                        .doesNotContain("(s)");
            }
        }
    }

    private static Stream<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(extension)).toList().stream();
        }
    }
}
