package fr.rentree.campaign.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface DistrictCampaignRepository extends ListCrudRepository<DistrictCampaign, Long> {

    List<DistrictCampaign> findByDistrictInOrderByCreatedAtDesc(Collection<String> districts);

    List<DistrictCampaign> findByState(DistrictCampaignState state);
}
