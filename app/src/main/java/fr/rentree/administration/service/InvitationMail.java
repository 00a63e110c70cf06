package fr.rentree.administration.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import fr.rentree.mailing.service.LinkMail;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.security.domain.BackOfficeUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The e-mail inviting a back-office user: who invites them to what, the link, until when it works. */
@Component
class InvitationMail {

    private final MessageSource messages;
    private final ZoneId zone;

    InvitationMail(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.zone = clock.getZone();
    }

    OutgoingMail compose(BackOfficeUser user, URI link, Instant expires, Locale locale) {
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(expires);
        String greeting = text(locale, "invitation.mail.greeting", user.displayName());
        String intro = text(locale, "invitation.mail.intro", user.username(),
                text(locale, "users.role." + user.role()));
        String action = text(locale, "invitation.mail.link", until);
        String next = text(locale, "invitation.mail.next");
        String ignore = text(locale, "invitation.mail.ignore");
        String signature = text(locale, "invitation.mail.signature");
        return new LinkMail(Objects.requireNonNull(user.email(), "an invited user has an address"),
                text(locale, "invitation.mail.subject"), List.of(greeting, intro), action, link.toString(),
                List.of(next, ignore, signature), null).outgoing();
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
