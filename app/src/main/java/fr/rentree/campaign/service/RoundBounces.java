package fr.rentree.campaign.service;

import java.time.Clock;

import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.mailing.service.BounceMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The e-mails that came back: each delivery status notification in the bounce mailbox marks its delivery BOUNCED
 * (found by the Message-ID the e-mail was sent with), so that account goes on paper in the next round and the
 * campaign page says why. Several application instances may read at once: a delivery is marked once.
 */
@Service
class RoundBounces {

    private static final Logger LOG = LoggerFactory.getLogger(RoundBounces.class);

    private final BounceMailbox mailbox;
    private final Deliveries deliveries;
    private final Clock clock;

    RoundBounces(BounceMailbox mailbox, Deliveries deliveries, Clock clock) {
        this.mailbox = mailbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rentree.mail.bounces.every:PT5M}",
            initialDelayString = "${rentree.mail.bounces.every:PT5M}")
    void collect() {
        try {
            mailbox.collect(bounce -> deliveries.bounced(bounce.messageId(),
                    bounce.recipient() + " : " + bounce.diagnostic(), clock.instant()));
        } catch (MailException e) { // the mailbox is read again at the next turn; the sending goes on meanwhile
            LOG.warn("Bounces not read: {}", e.getMessage());
        }
    }
}
