package fr.rentree.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 12: the pages named an empty theme ({@code VAADIN/themes//styles.css}), which the server answered
 * with a redirect to the login page, on every page. Now every style sheet and script a page names answers itself.
 */
@RentreeIntegrationTest
class ThemeIT {

    @LocalServerPort
    int port;

    @Test
    void the_login_page_names_no_empty_theme_and_every_file_it_names_answers_without_a_redirect() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        String page = get(http, "/login").body();

        assertThat(page).contains("<html").doesNotContain("themes//");
        List<String> files = Pattern.compile("<(?:link|script)[^>]*(?:href|src)=\"([^\"]+)\"").matcher(page)
                .results().map(match -> match.group(1)).filter(file -> !file.startsWith("http")).toList();
        assertThat(files).isNotEmpty();
        for (String file : files) {
            assertThat(get(http, "/" + file.replaceFirst("^\\./", "")).statusCode()).as(file).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
