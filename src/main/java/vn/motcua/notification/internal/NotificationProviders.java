package vn.motcua.notification.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.notification.NotificationChannel;

/**
 * The providers of each channel, and the one the settings choose: a provider named in the settings that does not
 * exist stops the application at start-up, naming the setting and the providers there are.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationProviders {

    @Bean
    NotificationChannel loggingSms() { return new LoggingChannel(NotificationChannel.Kind.SMS); }

    @Bean
    NotificationChannel loggingZalo() { return new LoggingChannel(NotificationChannel.Kind.ZALO); }

    /** The provider that sends each channel. */
    public record Chosen(Map<NotificationChannel.Kind, NotificationChannel> byKind) {
        public NotificationChannel of(NotificationChannel.Kind kind) { return byKind.get(kind); }
    }

    @Bean
    Chosen chosenNotificationProviders(List<NotificationChannel> providers, NotificationSettings settings) {
        var chosen = new EnumMap<NotificationChannel.Kind, NotificationChannel>(NotificationChannel.Kind.class);
        for (var kind : NotificationChannel.Kind.values()) {
            String wanted = settings.provider(kind);
            var candidates = providers.stream().filter(p -> p.kind() == kind).toList();
            var provider = candidates.stream().filter(p -> p.provider().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("motcua.notifications." + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + ".provider: no provider '" + wanted + "' (known: "
                            + candidates.stream().map(NotificationChannel::provider).collect(Collectors.joining(", ")) + ")"));
            chosen.put(kind, provider);
        }
        return new Chosen(java.util.Collections.unmodifiableMap(chosen));
    }
}
