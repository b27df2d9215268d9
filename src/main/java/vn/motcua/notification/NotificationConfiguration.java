package vn.motcua.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.notification.internal.NotificationSettings;
import vn.motcua.security.SystemRounds;

/**
 * The outbox's sender: every {@code motcua.notifications.poll-interval} it sends the rows that are due, as the system,
 * calling the service through its proxy (security). Several nodes may run it: each row is claimed by one of them
 * ({@link NotificationService#deliverDue}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    SystemRounds notificationOutboxSender(NotificationService service, NotificationSettings settings) {
        return new SystemRounds("notification-sender", settings.pollInterval(), service::deliverDue);
    }
}
