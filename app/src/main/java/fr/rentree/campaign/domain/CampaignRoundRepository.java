package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRoundRepository extends ListCrudRepository<CampaignRound, Long> {

    List<CampaignRound> findByCampaignIdOrderByNumber(long campaignId);

    Optional<CampaignRound> findByCampaignIdAndNumber(long campaignId, int number);

    Optional<CampaignRound> findFirstByCampaignIdOrderByNumberDesc(long campaignId);

    /** PDFs kept since before {@code limit}, to delete. */
    List<CampaignRound> findBySheetsFileNotNullAndSheetsGeneratedAtBefore(Instant limit);

}
