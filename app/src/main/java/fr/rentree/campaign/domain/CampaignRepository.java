package fr.rentree.campaign.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRepository extends ListCrudRepository<Campaign, Long> {

    List<Campaign> findBySchoolUaiInOrderByCreatedAtDesc(Collection<String> schoolUais);

    boolean existsBySchoolUaiAndSchoolYearAndStateIn(String schoolUai, int schoolYear,
            Collection<CampaignState> states);
}
