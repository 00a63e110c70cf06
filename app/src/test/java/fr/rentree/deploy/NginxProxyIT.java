package fr.rentree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 22, D18: the README's nginx example ({@code deploy/nginx/rentree.conf}) run by Debian's nginx on loopback in
 * front of the application, as an operator installs it: https with HSTS, plain http sent to https, and the
 * application's own redirects kept on the proxy's scheme, name and port (the forwarded headers believed from
 * 127.0.0.1, as the test profile names it). Skipped where nginx or openssl is missing ({@code .ci/run} installs them).
 */
@RentreeIntegrationTest
class NginxProxyIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Path EXAMPLE = Path.of("../deploy/nginx/rentree.conf");

    @LocalServerPort
    int port;
    @TempDir
    Path folder;

    @Test
    void the_readmes_nginx_serves_rentree_over_https_with_hsts() throws Exception {
        assumeTrue(Files.isExecutable(NGINX) && Files.isExecutable(OPENSSL), "nginx or openssl is not installed");
        int https = freePort();
        int http = freePort();
        Path certificate = folder.resolve("rentree.pem");
        Path key = folder.resolve("rentree.key");
        run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString()));
        String site = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + port + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + http + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + https + " ssl http2;")
                .replace("/etc/ssl/certs/rentree.ac-exemple.fr.pem", certificate.toString())
                .replace("/etc/ssl/private/rentree.ac-exemple.fr.key", key.toString())
                .replace("rentree.ac-exemple.fr", "127.0.0.1");
        Files.writeString(folder.resolve("rentree.conf"), site);
        // the frame Debian's /etc/nginx/nginx.conf gives a site, with this folder for everything nginx writes
        Files.writeString(folder.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/rentree.conf;
                }
                """.formatted(folder));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx")); // nginx's workers
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c",
                folder.resolve("nginx.conf").toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(folder.resolve("nginx.out").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trustingAnyCertificate())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> login = awaitAnswer(client, "https://127.0.0.1:" + https + "/login", nginx);

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=63072000");
            assertThat(login.body()).contains("<html");

            HttpResponse<String> plain = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/activation")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/activation");

            // a page that needs a signed-in user sends to the login page on the proxy's https address
            HttpResponse<String> tasks = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + https + "/taches")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tasks.statusCode()).isEqualTo(302);
            assertThat(tasks.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + https + "/login");
        } finally {
            nginx.destroy(); // SIGTERM: nginx's master stops its worker
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> awaitAnswer(HttpClient client, String url, Process nginx) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (!nginx.isAlive() || System.nanoTime() > until) {
                    throw new IllegalStateException("nginx did not answer", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The test's own self-signed certificate, made a moment ago. */
    private static SSLContext trustingAnyCertificate() throws Exception {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, new SecureRandom());
        return context;
    }
}
