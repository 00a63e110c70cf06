package fr.rentree.campaign.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import fr.rentree.base.PublicAddress;
import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.DeliveryStatus;
import fr.rentree.campaign.domain.DirectorNotice;
import fr.rentree.campaign.domain.DirectorNotices;
import fr.rentree.campaign.domain.DistrictCampaign;
import fr.rentree.campaign.domain.OutcomeLog;
import fr.rentree.mailing.service.LinkMail;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.mailing.service.SendOutcome;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.DirectorContact;
import fr.rentree.security.service.BackOfficeUserService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a district campaign tells a school's directors by e-mail, each once: that it launched their school's campaign,
 * and that a step of it waited past the escalation delay. Planned first, then sent over one connection, each outcome
 * committed as the server answered: a step run again sends only what is still pending.
 */
@Service
@Transactional
class DirectorMails {

    private static final Locale FRENCH = Locale.FRENCH;

    private final DirectorNotices notices;
    private final BackOfficeUserService users;
    private final SchoolService schools;
    private final MailService mail;
    private final PublicAddress address;
    private final MessageSource messages;
    private final Clock clock;

    DirectorMails(DirectorNotices notices, BackOfficeUserService users, SchoolService schools, MailService mail,
            PublicAddress address, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.users = users;
        this.schools = schools;
        this.mail = mail;
        this.address = address;
        this.messages = messages;
        this.clock = clock;
    }

    /** The district launched the school's campaign: its first step waits in "Mes tâches". */
    void launched(Campaign campaign, DistrictCampaign district) {
        String school = schoolName(campaign);
        send(campaign, DirectorNotice.Kind.LAUNCHED, "", notice -> mail(notice.email(),
                text("notice.launched.subject", campaign.name(), school),
                text("notice.launched.intro", campaign.name(), district.district(), school, campaign.targetPercent(),
                        day(campaign.deadline().atStartOfDay(clock.getZone()).toInstant()),
                        campaign.cadence().toDays()),
                text("notice.launched.link"),
                text("notice.launched.next", district.escalationDelay().toDays()), campaign, notice));
    }

    /** A step of the campaign has waited since {@code since}, past the district's delay. */
    void late(Campaign campaign, String step, Instant since) {
        String school = schoolName(campaign);
        send(campaign, DirectorNotice.Kind.LATE, step, notice -> mail(notice.email(),
                text("notice.late.subject", campaign.name(), day(since)),
                text("notice.late.intro", text("step." + step), campaign.name(), school, day(since)),
                text("notice.late.link"), null, campaign, notice));
    }

    private void send(Campaign campaign, DirectorNotice.Kind kind, String step,
            Function<DirectorNotice, OutgoingMail> compose) {
        long id = Objects.requireNonNull(campaign.id());
        List<DirectorContact> directors = users.directorsOf(campaign.schoolUai());
        if (directors.isEmpty()) { // nobody to tell: no second connection taken for nothing
            return;
        }
        notices.plan(id, kind, step, directors, clock.instant());
        List<DirectorNotice> pending = notices.pending(id, kind, step);
        if (pending.isEmpty()) {
            return;
        }
        try (OutcomeLog outcomes = notices.outcomes(); MailService.Connection smtp = mail.connect()) {
            for (DirectorNotice notice : pending) {
                OutgoingMail outgoing = compose.apply(notice);
                SendOutcome outcome = smtp.send(outgoing);
                outcomes.record(notice.id(), outcome.accepted() ? DeliveryStatus.SENT : DeliveryStatus.REJECTED,
                        outcome.accepted() ? null : outcome.reply(), outgoing.messageId(), clock.instant());
            }
        }
    }

    private OutgoingMail mail(String to, String subject, String intro, String action, @Nullable String next,
            Campaign campaign, DirectorNotice notice) {
        List<String> after = next == null ? List.of(text("notice.signature"))
                : List.of(next, text("notice.signature"));
        return new LinkMail(to, subject, List.of(text("notice.greeting"), intro), action,
                address.page("taches").toString(), after, campaign.schoolUai()).outgoing(notice.messageId(mail.domain()));
    }

    private String schoolName(Campaign campaign) {
        return schools.find(campaign.schoolUai()).map(School::name).orElse(campaign.schoolUai());
    }

    private String day(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(FRENCH).withZone(clock.getZone())
                .format(instant);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, FRENCH);
    }
}
