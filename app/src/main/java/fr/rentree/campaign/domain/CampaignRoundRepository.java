package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface CampaignRoundRepository extends ListCrudRepository<CampaignRound, Long> {

    List<CampaignRound> findByCampaignIdOrderByNumber(long campaignId);

    Optional<CampaignRound> findByCampaignIdAndNumber(long campaignId, int number);

    Optional<CampaignRound> findFirstByCampaignIdOrderByNumberDesc(long campaignId);

    /** PDFs kept since before {@code limit}, to delete. */
    List<CampaignRound> findBySheetsFileNotNullAndSheetsGeneratedAtBefore(Instant limit);

    /** How far the rendering of the round's PDF went: committed at once, for the campaign page to show. */
    @Modifying
    @Query("update campaign_round set sheets_written = :written where id = :id")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSheetsWritten(long id, int written);

}
