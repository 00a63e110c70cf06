package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.vaadin.flow.spring.SpringServlet;
import fr.rentree.support.RentreeIntegrationTest;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The running application's session, as a browser gets it on the login page: a cookie scripts cannot read and other
 * sites cannot send, and an end after 30 idle minutes that an open tab's heartbeat does not postpone. (Under
 * {@code prod} the cookie is also {@code Secure}: {@link SessionCookieTest}.)
 */
@RentreeIntegrationTest
class SessionHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;
    @Autowired
    ServletRegistrationBean<SpringServlet> vaadin;

    @Test
    void the_login_page_sets_an_http_only_same_site_session_cookie_that_ends_after_thirty_idle_minutes()
            throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        }
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(vaadin.getServlet().getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }
}
