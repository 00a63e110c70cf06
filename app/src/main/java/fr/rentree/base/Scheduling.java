package fr.rentree.base;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (task reconciliation...) runs in the application, not in one-shot commands like the import. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rentree.scheduling.enabled", matchIfMissing = true)
class Scheduling {
}
