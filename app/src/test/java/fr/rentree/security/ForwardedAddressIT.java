package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which client address the guards count, when a request says where it comes from ({@code X-Forwarded-For}): the
 * header is believed from the configured proxies only (the test profile names 127.0.0.1, the tests playing the proxy;
 * none by default), it must carry an IP address, and IPv6 clients count per /64.
 */
@RentreeIntegrationTest
class ForwardedAddressIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient proxy = HttpClient.newHttpClient();

    @Test
    void a_client_that_is_not_a_configured_proxy_cannot_choose_its_address() throws Exception {
        // another loopback address: private and loopback addresses are no longer trusted as such
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        String username = username();

        HttpResponse<Void> answer = post(client, username, "203.0.113.77");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(addresses(username)).as("the client's own address, not the header's").containsExactly("127.0.0.2");
    }

    @Test
    void a_forwarded_value_that_is_no_ip_address_is_refused_and_nothing_is_recorded() throws Exception {
        String username = username();

        HttpResponse<Void> answer = post(proxy, username, "=HYPERLINK(\"http://evil.test/x\")");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(addresses(username)).isEmpty();
        assertThat(jdbc.sql("select count(*) from sign_in_attempt where address like '%HYPERLINK%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void ipv6_clients_count_per_64_block_changing_the_last_bits_gives_no_fresh_count() throws Exception {
        int block = SEQUENCE.incrementAndGet();
        // thirty failures, each from another address of one /64 and on another username: the block is locked
        for (int i = 0; i < 30; i++) {
            post(proxy, username(), "2001:db8:" + block + ":7:" + Integer.toHexString(i + 1) + "::" + (i + 9));
        }
        String username = username();
        post(proxy, username, "2001:db8:" + block + ":7:ffff:1:2:3");
        assertThat(outcomes(username)).containsExactly("ADDRESS_LOCKED");
        assertThat(addresses(username)).as("the journal keeps the whole address")
                .containsExactly("2001:db8:" + block + ":7:ffff:1:2:3");

        String elsewhere = username();
        post(proxy, elsewhere, "2001:db8:" + block + ":8::1"); // the next /64 is another client
        assertThat(outcomes(elsewhere)).containsExactly("FAILURE");
    }

    private static String username() {
        return "adresse." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
    }

    private List<String> addresses(String username) {
        return jdbc.sql("select address from sign_in_attempt where username = ? order by id").param(username)
                .query(String.class).list();
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = ? order by id").param(username)
                .query(String.class).list();
    }

    private HttpResponse<Void> post(HttpClient client, String username, String forwardedFor)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=mauvais";
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
