package fr.rentree.activation.service;

import java.util.List;
import java.util.Locale;

import fr.rentree.base.i18n.Institution;
import fr.rentree.directory.domain.Holder;
import fr.rentree.directory.domain.WrittenName;
import fr.rentree.mailing.service.LinkMail;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.school.service.SchoolService;
import fr.rentree.sheets.service.HolderPages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The e-mail of a "Mot de passe oublié" link: whose account, the link, how long it works. */
@Component
class ResetMail {

    private final MessageSource messages;
    private final SchoolService schools;
    private final ActivationSettings settings;
    private final HolderPages pages;

    ResetMail(MessageSource messages, SchoolService schools, ActivationSettings settings, HolderPages pages) {
        this.messages = messages;
        this.schools = schools;
        this.settings = settings;
        this.pages = pages;
    }

    OutgoingMail compose(Holder holder, String token, Locale locale) {
        String link = UriComponentsBuilder.fromUri(pages.passwordPage()).queryParam("jeton", token).build()
                .toUriString();
        String school = schools.find(holder.schoolUai()).map(s -> s.name()).orElse("");
        long minutes = settings.resetLinkValidity().toMinutes();
        String greeting = text(locale, "reset.mail.greeting", WrittenName.of(holder.firstName(), holder.lastName()));
        String intro = text(locale, "reset.mail.intro", holder.login());
        String action = text(locale, "reset.mail.link", minutes);
        String ignore = text(locale, "reset.mail.ignore");
        String signature = text(locale, "mail.account.signature", new Institution(school));
        return new LinkMail(holder.email(), text(locale, "reset.mail.subject", school), List.of(greeting, intro),
                action, link, List.of(ignore, signature), holder.schoolUai()).outgoing();
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
