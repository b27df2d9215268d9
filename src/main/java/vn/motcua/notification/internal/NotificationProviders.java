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

    @Bean
    NotificationChannel httpSms(org.springframework.core.env.Environment environment) {
        return new HttpChannel(NotificationChannel.Kind.SMS, httpSettings(environment, "sms"));
    }

    @Bean
    NotificationChannel httpZalo(org.springframework.core.env.Environment environment) {
        return new HttpChannel(NotificationChannel.Kind.ZALO, httpSettings(environment, "zalo"));
    }

    /** {@code motcua.notifications.<channel>.http.*}: see {@link HttpChannel}. */
    static HttpChannel.Settings httpSettings(org.springframework.core.env.Environment environment, String channel) {
        String prefix = "motcua.notifications." + channel + ".http.";
        return new HttpChannel.Settings(environment.getProperty(prefix + "url", ""),
                environment.getProperty(prefix + "body", HttpChannel.DEFAULT_BODY),
                environment.getProperty(prefix + "content-type", "application/json"),
                environment.getProperty(prefix + "authorization", ""),
                org.springframework.boot.convert.DurationStyle.detectAndParse(environment.getProperty(prefix + "timeout", "10s")));
    }

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
