package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie and timeout as the application's own properties set them, read from a real HTTP response of an
 * embedded Tomcat started with those properties (and no more of the application: no database is needed for a cookie).
 * The {@code prod} profile adds {@code Secure}; dev and tests run on plain http, where a browser would drop it.
 */
class SessionCookieTest {

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_lasts_thirty_idle_minutes() throws Exception {
        Session session = sessionUnder("default");
        assertThat(session.cookie()).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(session.maxInactiveSeconds()).isEqualTo(30 * 60);
    }

    @Test
    void under_the_prod_profile_the_session_cookie_is_also_secure() throws Exception {
        Session session = sessionUnder("prod");
        assertThat(session.cookie()).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Secure");
    }

    private static Session sessionUnder(String profile) throws IOException, InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SessionOnly.class)
                .web(WebApplicationType.SERVLET).profiles(profile)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).logStartupInfo(false).run("--server.port=0",
                        "--rentree.public-url=https://rentree.ac-exemple.fr", // both required under prod
                        "--rentree.activation-codes.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/session")).build(), HttpResponse.BodyHandlers.ofString());
                return new Session(response.headers().firstValue("Set-Cookie").orElseThrow(),
                        Integer.parseInt(response.body()));
            }
        }
    }

    private record Session(String cookie, int maxInactiveSeconds) {
    }

    /** An embedded Tomcat configured by Boot from the application's properties, and a servlet that opens a session. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
    static class SessionOnly {

        @Bean
        ServletRegistrationBean<HttpServlet> sessionServlet() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().print(request.getSession().getMaxInactiveInterval());
                }
            }, "/session");
        }
    }
}
