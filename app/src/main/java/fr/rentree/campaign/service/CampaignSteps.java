package fr.rentree.campaign.service;

import fr.rentree.process.service.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of the school-campaign model, as thin adapters: the campaign id is the process's business key,
 * the work is the service's.
 */
@Configuration(proxyBeanMethods = false)
class CampaignSteps {

    @Bean
    ServiceStep confirmSelectionStep(CampaignService campaigns) {
        return ServiceStep.of("confirm-selection", context -> campaigns.confirmSelection(context.businessId()));
    }

    @Bean
    ServiceStep checkProgressStep(CampaignService campaigns) {
        return ServiceStep.of("check-progress", context -> campaigns.checkProgress(context.businessId()));
    }
}
