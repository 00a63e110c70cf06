package fr.rentree.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRoundRepository extends ListCrudRepository<CampaignRound, Long> {

    List<CampaignRound> findByCampaignIdOrderByNumber(long campaignId);

    Optional<CampaignRound> findFirstByCampaignIdOrderByNumberDesc(long campaignId);

    /** PDFs kept since before {@code limit}, to delete. */
    List<CampaignRound> findBySheetsFileNotNullAndSheetsGeneratedAtBefore(Instant limit);

    /** Progress of the PDF being generated, written apart from the round (which the step saves at its end). */
    @Modifying
    @Query("update campaign_round set sheets_printed = :printed where id = :id")
    void recordSheetsPrinted(long id, int printed);
}
