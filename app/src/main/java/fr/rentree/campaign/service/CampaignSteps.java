package fr.rentree.campaign.service;

import java.util.Map;

import fr.rentree.process.service.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of the school-campaign model, as thin adapters: the campaign id is the process's business key,
 * the round its variable; the work is the services'.
 */
@Configuration(proxyBeanMethods = false)
class CampaignSteps {

    @Bean
    ServiceStep sendMailsStep(RoundMails mails) {
        return ServiceStep.computing("send-mails", context -> Map.of(CampaignService.MAILS_LEFT,
                !mails.send(context.businessId(), context.number(CampaignService.ROUND))));
    }

    @Bean
    ServiceStep generateSheetsStep(RoundSheets sheets) {
        return ServiceStep.of("generate-sheets",
                context -> sheets.generate(context.businessId(), context.number(CampaignService.ROUND)));
    }

    @Bean
    ServiceStep countActivationsStep(CampaignService campaigns) {
        return ServiceStep.computing("count-activations",
                context -> Map.of(CampaignService.DONE, campaigns.countActivations(context.businessId())));
    }

    @Bean
    ServiceStep prepareReminderStep(CampaignService campaigns) {
        return ServiceStep.computing("prepare-reminder",
                context -> campaigns.prepareReminder(context.businessId()));
    }

    @Bean
    ServiceStep flagLateStep(CampaignService campaigns) {
        return ServiceStep.of("flag-late", context -> campaigns.flagLate(context.businessId()));
    }

    @Bean
    ServiceStep closeCampaignStep(CampaignService campaigns) {
        return ServiceStep.of("close-campaign", context -> campaigns.close(context.businessId()));
    }
}
