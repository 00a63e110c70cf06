package fr.rentree.base.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's periodic work (bounces, PDFs past their time, guards, queued e-mails), off in a one-shot command:
 * Spring builds every bean with a scheduled method at start, and a command has no mail server to give them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rentree.background-work.enabled", matchIfMissing = true)
class BackgroundWork {
}
