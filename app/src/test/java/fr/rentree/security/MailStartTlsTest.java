package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Under {@code prod} the e-mails (codes, password links, invitations) leave over an encrypted SMTP session or not at
 * all: the connection requires STARTTLS, unless the operator says otherwise ({@code RENTREE_MAIL_STARTTLS=false}, a
 * mail catcher on the same host). Checked against a real SMTP server that offers no STARTTLS, with the mail sender
 * Spring Boot builds from the application's own properties.
 */
class MailStartTlsTest {

    private GreenMail plainSmtp;
    private int port;

    @BeforeEach
    void anSmtpServerWithoutStartTls() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        plainSmtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        plainSmtp.start();
    }

    @AfterEach
    void stop() {
        plainSmtp.stop();
    }

    @Test
    void under_prod_a_server_without_starttls_is_refused() {
        try (ConfigurableApplicationContext context = mailUnder("prod")) {
            assertThatThrownBy(() -> context.getBean(JavaMailSenderImpl.class).testConnection())
                    .isInstanceOf(MessagingException.class).hasMessageContaining("STARTTLS");
        }
    }

    @Test
    void the_operator_may_turn_it_off_and_dev_does_not_ask_for_it() throws Exception {
        try (ConfigurableApplicationContext context = mailUnder("prod", "--rentree.mail.starttls=false")) {
            context.getBean(JavaMailSenderImpl.class).testConnection();
        }
        try (ConfigurableApplicationContext context = mailUnder("default")) {
            context.getBean(JavaMailSenderImpl.class).testConnection();
            assertThat(context.getBean(JavaMailSenderImpl.class).getJavaMailProperties())
                    .doesNotContainKey("mail.smtp.starttls.required");
        }
    }

    private ConfigurableApplicationContext mailUnder(String profile, String... arguments) {
        String[] all = new String[arguments.length + 4];
        all[0] = "--spring.mail.host=127.0.0.1";
        all[1] = "--spring.mail.port=" + port;
        all[2] = "--rentree.public-url=https://rentree.ac-exemple.fr"; // both required under prod
        all[3] = "--rentree.activation-codes.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        return new SpringApplicationBuilder(MailOnly.class).web(WebApplicationType.NONE).profiles(profile)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).logStartupInfo(false).run(all);
    }

    /** Spring Boot's mail sender, configured from the application's properties, and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MailSenderAutoConfiguration.class)
    static class MailOnly {
    }
}
