package fr.rentree.campaign.service;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Campaign settings ({@code rentree.campaign.*}).
 *
 * @param cadence         the reminder cadence a launch proposes
 * @param targetPercent   the target activation rate a launch proposes
 * @param sheetsDir       where the rounds' PDFs are kept until handed out (shared by every instance)
 * @param sheetsRetention how long a round's PDF is kept at most; it goes sooner when its campaign ends
 * @param mailSlice       how long one run of "send-mails" sends before it hands over to the next (a new job)
 * @param escalationDelay how long a school may wait at one step before it is late, as a district launch proposes
 */
@ConfigurationProperties("rentree.campaign")
public record CampaignSettings(@DefaultValue("P7D") Duration cadence, @DefaultValue("90") int targetPercent,
                               Path sheetsDir, @DefaultValue("P30D") Duration sheetsRetention,
                               @DefaultValue("PT1M") Duration mailSlice,
                               @DefaultValue("P7D") Duration escalationDelay) {
}
