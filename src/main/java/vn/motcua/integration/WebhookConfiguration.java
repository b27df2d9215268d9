package vn.motcua.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.integration.internal.WebhookSettings;
import vn.motcua.security.SystemRounds;

/**
 * The webhooks' sender: every {@code motcua.webhooks.poll-interval} it sends the messages that are due, as the system,
 * calling the service through its proxy (security). Several nodes may run it: each message is claimed by one of them
 * ({@link Webhooks#deliverDue}).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    SystemRounds webhookSender(Webhooks webhooks, WebhookSettings settings) {
        return new SystemRounds("webhook-sender", settings.pollInterval(), webhooks::deliverDue);
    }
}
