package fr.rentree.campaign.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRound;
import fr.rentree.campaign.domain.CampaignRoundRepository;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.Delivery;
import fr.rentree.campaign.domain.DeliveryStatus;
import fr.rentree.campaign.domain.OutcomeLog;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.mailing.service.AccountMails;
import fr.rentree.mailing.service.MailService;
import fr.rentree.mailing.service.OutgoingMail;
import fr.rentree.mailing.service.SendOutcome;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.sheets.service.HolderPages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail side of a round (service step "send-mails"): the pending deliveries of its frozen list sent in batches
 * over one SMTP connection, each outcome committed on its row (its own connection, auto-commit) as soon as the
 * server answered. Run again after a crash or an SMTP outage, it sends only what is still pending: at most the one
 * e-mail in flight goes twice.
 */
@Service
@Transactional
class RoundMails {

    /** E-mails composed and sent per connection. */
    static final int BATCH = 200;

    private final CampaignTasks tasks;
    private final CampaignRoundRepository rounds;
    private final Deliveries deliveries;
    private final RecipientService recipients;
    private final SchoolService schools;
    private final HolderPages pages;
    private final AccountMails accountMails;
    private final MailService mail;
    private final CampaignSettings settings;
    private final Clock clock;

    RoundMails(CampaignTasks tasks, CampaignRoundRepository rounds, Deliveries deliveries,
            RecipientService recipients, SchoolService schools, HolderPages pages, AccountMails accountMails,
            MailService mail, CampaignSettings settings, Clock clock) {
        this.tasks = tasks;
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.schools = schools;
        this.pages = pages;
        this.accountMails = accountMails;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends the round's pending e-mails for at most the slice's time. Returns whether none is left; otherwise the
     * process runs the step again, as a new job.
     */
    boolean send(long campaignId, int number) {
        Instant stop = clock.instant().plus(settings.mailSlice());
        Campaign campaign = tasks.byId(campaignId);
        CampaignRound round = rounds.findByCampaignIdAndNumber(campaignId, number).orElseThrow();
        School school = schools.find(campaign.schoolUai()).orElseThrow();
        int after = 0;
        List<Delivery> page;
        while (!(page = deliveries.pendingMails(round.id(), after, BATCH)).isEmpty()) {
            after = page.getLast().position();
            if (!send(page, campaign, school, round.reminder(), stop)) {
                return false;
            }
        }
        if (round.mailsDone(clock.instant())) {
            rounds.save(round);
        }
        return true;
    }

    /**
     * One batch over one connection, each outcome committed before the next e-mail leaves: never more than one
     * e-mail sent and not recorded. Stops at the end of the slice, checked before each e-mail (a batch can outlast
     * it on a slow server); returns whether the whole batch went.
     */
    private boolean send(List<Delivery> page, Campaign campaign, School school, boolean reminder, Instant stop) {
        Map<Long, Recipient> holders = recipients.recipients(campaign.schoolUai(), page.stream()
                        .map(d -> new Placement(d.accountId(), d.pile(), d.email())).toList())
                .stream().collect(Collectors.toMap(Recipient::accountId, Function.identity(), (a, b) -> a));
        String domain = mail.domain();
        // composed first, then sent back to back: the connection never waits on the composing
        Map<Delivery, OutgoingMail> mails = new LinkedHashMap<>();
        for (Delivery delivery : page) {
            Recipient holder = holders.get(delivery.accountId());
            mails.put(delivery, holder == null ? null : accountMails.compose(holder, delivery.email(), school,
                    pages.ent(school), pages.page(holder), reminder, delivery.messageId(domain)));
        }
        try (OutcomeLog outcomes = deliveries.outcomes(); MailService.Connection smtp = mail.connect()) {
            for (Map.Entry<Delivery, OutgoingMail> next : mails.entrySet()) {
                if (clock.instant().isAfter(stop)) {
                    return false;
                }
                Delivery delivery = next.getKey();
                OutgoingMail outgoing = next.getValue();
                if (outgoing == null) { // the account left the school since the list was frozen
                    outcomes.record(delivery.id(), DeliveryStatus.REJECTED, "compte introuvable", null,
                            clock.instant());
                    continue;
                }
                SendOutcome outcome = smtp.send(outgoing);
                outcomes.record(delivery.id(), outcome.accepted() ? DeliveryStatus.SENT : DeliveryStatus.REJECTED,
                        outcome.accepted() ? null : outcome.reply(), outgoing.messageId(), clock.instant());
            }
        }
        return true;
    }
}
