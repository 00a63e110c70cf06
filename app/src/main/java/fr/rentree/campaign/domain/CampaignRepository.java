package fr.rentree.campaign.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRepository extends ListCrudRepository<Campaign, Long> {

    List<Campaign> findBySchoolUaiInOrderByCreatedAtDesc(Collection<String> schoolUais);

    Optional<Campaign> findFirstBySchoolUaiAndSchoolYearAndStateInOrderByCreatedAt(String schoolUai, int schoolYear,
            Collection<CampaignState> states);

    List<Campaign> findByDistrictCampaignIdAndStateIn(long districtCampaignId, Collection<CampaignState> states);

    /** How many of these schools have an open campaign this school year (a district campaign adopts them). */
    @Query("""
            select count(distinct school_uai) from campaign
            where school_uai in (:schoolUais) and school_year = :schoolYear and state in ('SELECTING', 'RUNNING')""")
    int countSchoolsWithOpenCampaign(Collection<String> schoolUais, int schoolYear);

    List<Campaign> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    boolean existsBySchoolUaiAndSchoolYearAndStateIn(String schoolUai, int schoolYear,
            Collection<CampaignState> states);
}
