package vn.motcua.notification.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The notification settings ({@code motcua.notifications.*}): whether notifications are recorded at all, the sender
 * address of the e-mails, how many attempts a message gets and how long the sender waits after the first failure
 * (doubled after each further one), how often the sender looks for messages due, and the SMS and Zalo providers.
 * The SMTP server itself is Spring's {@code spring.mail.*}.
 */
@Component
public class NotificationSettings {
    private final boolean enabled;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration pollInterval;
    private final String smsProvider;
    private final String zaloProvider;

    NotificationSettings(@Value("${motcua.notifications.enabled:true}") boolean enabled,
                         @Value("${motcua.notifications.from:no-reply@motcua.local}") String from,
                         @Value("${motcua.notifications.max-attempts:5}") int maxAttempts,
                         @Value("${motcua.notifications.backoff:1m}") Duration backoff,
                         @Value("${motcua.notifications.poll-interval:15s}") Duration pollInterval,
                         @Value("${motcua.notifications.sms.provider:logging}") String smsProvider,
                         @Value("${motcua.notifications.zalo.provider:logging}") String zaloProvider) {
        this.enabled = enabled;
        this.from = from == null || from.isBlank() ? "no-reply@motcua.local" : from.trim();
        this.maxAttempts = Math.max(1, Math.min(50, maxAttempts));
        this.backoff = backoff == null || backoff.isNegative() || backoff.isZero() ? Duration.ofMinutes(1) : backoff;
        this.pollInterval = pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                ? Duration.ofSeconds(15) : pollInterval;
        this.smsProvider = name(smsProvider);
        this.zaloProvider = name(zaloProvider);
    }

    private static String name(String provider) {
        return provider == null || provider.isBlank() ? "logging" : provider.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** False: dossiers' events are not turned into notifications at all. */
    public boolean enabled() { return enabled; }

    /** The e-mails' sender address ({@code From}). */
    public String from() { return from; }

    /** Attempts per message before it is FAILED (1 to 50). */
    public int maxAttempts() { return maxAttempts; }

    /** The wait after the first failed attempt; doubled after each further one. */
    public Duration backoff() { return backoff; }

    /** How often the sender looks for messages due. */
    public Duration pollInterval() { return pollInterval; }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: backoff × 2^(attempts−1), at most a day. */
    public Duration retryDelay(int attempts) {
        Duration delay = backoff;
        for (int i = 1; i < attempts && delay.compareTo(Duration.ofDays(1)) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : delay;
    }

    /** The provider named for a channel ({@code smtp} for e-mail). */
    public String provider(vn.motcua.notification.NotificationChannel.Kind kind) {
        return switch (kind) {
            case EMAIL -> EmailChannel.PROVIDER;
            case SMS -> smsProvider;
            case ZALO -> zaloProvider;
        };
    }
}
