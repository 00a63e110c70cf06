package fr.rentree.base;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address families and staff reach Rentrée at ({@code rentree.public-url}, {@code RENTREE_PUBLIC_URL}): every
 * public link is made from it, the QR codes and addresses of printed sheets, the e-mails' links, the lost-password and
 * invitation links. Under the {@code prod} profile it must be given ({@code base.config.PublicAddressRequired} refuses
 * the start otherwise: thousands of sheets with a dead QR code must be impossible); elsewhere, when not given, it is
 * this server on the port it really listens on ({@code --server.port}, or the tests' random port).
 */
@Component
public class PublicAddress {

    /** The property holding it; {@code RENTREE_PUBLIC_URL} in the environment. */
    public static final String PROPERTY = "rentree.public-url";

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    /** The address without a trailing slash, e.g. {@code https://rentree.ac-exemple.fr}. */
    public String root() {
        String configured = environment.getProperty(PROPERTY);
        if (StringUtils.hasText(configured)) {
            return configured.strip().replaceAll("/+$", "");
        }
        // the port the server listens on once started (a random one in tests), else the one it is told to
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** A public page, {@code path} without a leading slash (e.g. {@code activation}). */
    public URI page(String path) {
        return URI.create(root() + "/" + path);
    }
}
