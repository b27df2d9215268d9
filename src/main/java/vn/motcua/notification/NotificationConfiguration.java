package vn.motcua.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.notification.internal.NotificationSettings;
import vn.motcua.notification.internal.OutboxSender;

/** The outbox's sender, calling the service through its proxy (security). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    OutboxSender notificationOutboxSender(NotificationService service, NotificationSettings settings) {
        return new OutboxSender(service::deliverDue, settings);
    }
}
