package fr.rentree.campaign.service;

import java.util.Map;

import fr.rentree.process.service.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of the district-campaign model, as thin adapters: the district campaign id is the process's
 * business key, each school's place its multi-instance loop counter; the work is the service's.
 */
@Configuration(proxyBeanMethods = false)
class DistrictCampaignSteps {

    @Bean
    ServiceStep openSchoolCampaignStep(DistrictCampaignService districtCampaigns) {
        return ServiceStep.computing("open-school-campaign", context -> districtCampaigns.openSchool(
                context.businessId(), context.number("loopCounter")));
    }

    @Bean
    ServiceStep notifyDirectorsStep(DistrictCampaignService districtCampaigns) {
        return ServiceStep.of("notify-directors", context -> districtCampaigns.notifyDirectors(context.businessId(),
                Long.parseLong(String.valueOf(context.variables().get("campaignId")))));
    }

    @Bean
    ServiceStep closeDistrictSchoolsStep(DistrictCampaignService districtCampaigns) {
        // the final report says the deadline ended the campaign
        return ServiceStep.computing("close-district-schools", context -> {
            districtCampaigns.closeSchools(context.businessId());
            return Map.of("endedAtDeadline", true);
        });
    }

    @Bean
    ServiceStep closeDistrictCampaignStep(DistrictCampaignService districtCampaigns) {
        return ServiceStep.of("close-district-campaign", context -> districtCampaigns.close(context.businessId()));
    }
}
