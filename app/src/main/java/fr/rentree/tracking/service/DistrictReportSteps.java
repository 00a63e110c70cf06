package fr.rentree.tracking.service;

import fr.rentree.process.service.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The district-campaign model's last step, "Écrire le rapport final", as a thin adapter: the campaign id is the
 * business key; {@code endedAtDeadline} is set by the step that closed the schools at the deadline.
 */
@Configuration(proxyBeanMethods = false)
class DistrictReportSteps {

    @Bean
    ServiceStep writeDistrictReportStep(DistrictReportService reports) {
        return ServiceStep.of("write-district-report", context -> reports.write(context.businessId(),
                Boolean.TRUE.equals(context.variables().get("endedAtDeadline"))));
    }
}
