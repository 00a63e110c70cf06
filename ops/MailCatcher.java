import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The cluster's SMTP catcher (ops/cluster): GreenMail, the library the dev services use, taken from the built jar.
 * It accepts every e-mail (any sender, any recipient, no authentication), keeps them for IMAP (each recipient's
 * mailbox, password = address), and lists what it received on http://127.0.0.1:HTTP/messages, one line per e-mail
 * and recipient: Message-ID, recipient, subject (tab-separated), so that a scenario can count what arrived twice.
 * DELETE on the same address empties it. Run as a single-file program:
 * java -cp 'lib/*' ops/MailCatcher.java SMTP IMAP HTTP
 */
public class MailCatcher {

    public static void main(String[] args) throws IOException {
        int[] ports = Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(ports[0], "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(ports[1], "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", ports[2]), 0);
        http.createContext("/messages", exchange -> {
            byte[] body;
            try {
                if ("DELETE".equals(exchange.getRequestMethod())) {
                    mail.purgeEmailFromAllMailboxes();
                    body = new byte[0];
                } else {
                    body = Arrays.stream(mail.getReceivedMessages()).map(MailCatcher::line)
                            .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
                }
            } catch (Exception failure) {
                body = failure.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                write(exchange.getResponseBody(), body);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            write(exchange.getResponseBody(), body);
        });
        http.start();
        System.out.printf("Mail catcher: SMTP %d, IMAP %d, received e-mails on http://127.0.0.1:%d/messages%n",
                ports[0], ports[1], ports[2]);
    }

    private static String line(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .collect(Collectors.joining(","));
            return message.getMessageID() + "\t" + to + "\t" + message.getSubject() + "\n";
        } catch (MessagingException unreadable) {
            return "?\t?\t" + unreadable + "\n";
        }
    }

    private static void write(OutputStream out, byte[] body) throws IOException {
        try (out) {
            out.write(body);
        }
    }
}
