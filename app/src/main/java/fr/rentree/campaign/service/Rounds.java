package fr.rentree.campaign.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRound;
import fr.rentree.campaign.domain.CampaignRoundRepository;
import fr.rentree.campaign.domain.Channel;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.Delivery;
import fr.rentree.campaign.domain.Distribution;
import fr.rentree.campaign.domain.DistributionMode;
import fr.rentree.campaign.domain.FrozenRecipient;
import fr.rentree.campaign.domain.RoundPlan;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.RecipientService;
import org.springframework.stereotype.Service;

/**
 * The lists of a campaign's rounds: planned from the directory, then frozen in the campaign's own rows, so that
 * printing and sending work through exactly the list the director confirmed.
 */
@Service
class Rounds {

    private final CampaignRoundRepository rounds;
    private final Deliveries deliveries;
    private final RecipientService recipients;
    private final Clock clock;

    Rounds(CampaignRoundRepository rounds, Deliveries deliveries, RecipientService recipients, Clock clock) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.clock = clock;
    }

    /**
     * The first round: the selection in the chosen order, each reached as the mode says. A parent listed in
     * several classes gets one e-mail (the sheets stay in each pile).
     */
    RoundPlan first(RecipientSelection selection, Distribution distribution) {
        List<FrozenRecipient> list = new ArrayList<>();
        Set<Long> mailed = new HashSet<>();
        Set<Long> leftOut = new HashSet<>();
        for (Placement placement : recipients.placements(
                new RecipientQuery(selection, distribution.order(), distribution.parents()))) {
            if (distribution.mode() == DistributionMode.PAPER) {
                list.add(paper(placement));
            } else if (placement.email() != null) {
                if (mailed.add(placement.accountId())) {
                    list.add(mail(placement));
                }
            } else if (distribution.mode() == DistributionMode.EMAIL_ELSE_PAPER) {
                list.add(paper(placement));
            } else {
                leftOut.add(placement.accountId());
            }
        }
        return new RoundPlan(list, leftOut.size());
    }

    /**
     * A reminder: the accounts of the first round still not activated, in its order and piles; by e-mail where the
     * address is known and was never refused, on paper otherwise.
     */
    RoundPlan reminder(Campaign campaign, CampaignRound first) {
        Set<Long> invalid = deliveries.invalidAddresses(first.campaignId());
        Set<Long> seen = new HashSet<>();
        List<FrozenRecipient> list = new ArrayList<>();
        int after = 0;
        for (List<Delivery> page; !(page = deliveries.page(first.id(), null, after, RecipientService.PAGE)).isEmpty(); ) {
            after = page.getLast().position();
            List<Placement> placements = page.stream().filter(d -> seen.add(d.accountId()))
                    .map(d -> new Placement(d.accountId(), d.pile(), d.email())).toList();
            for (Recipient recipient : recipients.recipients(campaign.schoolUai(), placements)) {
                if (!recipient.activated()) {
                    Placement now = new Placement(recipient.accountId(), recipient.pile(), recipient.email());
                    list.add(recipient.email() != null && !invalid.contains(recipient.accountId()) ? mail(now)
                            : paper(now));
                }
            }
        }
        return new RoundPlan(list, 0);
    }

    /** Opens round {@code number} with its frozen list. */
    CampaignRound open(Campaign campaign, int number, RoundPlan plan) {
        CampaignRound round = rounds.save(CampaignRound.open(campaign.id(), number, plan.mails(), plan.sheets(),
                clock.instant()));
        deliveries.freeze(round.id(), plan.recipients());
        return round;
    }

    private static FrozenRecipient mail(Placement placement) {
        return new FrozenRecipient(placement.accountId(), Channel.MAIL, placement.pile(), placement.email());
    }

    private static FrozenRecipient paper(Placement placement) {
        return new FrozenRecipient(placement.accountId(), Channel.PAPER, placement.pile(), null);
    }
}
