package fr.rentree.tracking.service;

import java.time.Clock;
import java.time.LocalDate;

import fr.rentree.campaign.service.DistrictCampaigns;
import fr.rentree.directory.service.ActivationHistory;
import fr.rentree.process.service.ServiceStep;
import fr.rentree.tracking.domain.DistrictProgressLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of the nightly count ({@code daily-activation-count.bpmn}): every school's activation copied for the day,
 * then each running district campaign's day totalled. A timer job of the engine starts it, so in a cluster one
 * instance only runs it each night (the job is locked by the instance that takes it), and a night the application was
 * down is counted as soon as it is up again.
 */
@Configuration(proxyBeanMethods = false)
class DailyCountSteps {

    @Bean
    ServiceStep copySchoolsActivationStep(ActivationHistory history) {
        return ServiceStep.of("copy-schools-activation", context -> history.recordEverySchool());
    }

    @Bean
    ServiceStep totalDistrictCampaignsStep(DistrictCampaigns districtCampaigns, DistrictProgressLog progress,
            Clock clock) {
        return ServiceStep.of("total-district-campaigns", context -> progress.record(LocalDate.now(clock),
                districtCampaigns.runningForSystem()));
    }
}
