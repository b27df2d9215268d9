package vn.motcua.integration.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The webhook settings ({@code motcua.webhooks.*}): whether changes are written for subscribers at all, how often the
 * sender looks for messages due, how long it waits for a receiver's answer, how many attempts a message gets, the wait
 * after the first failure (doubled after each further one, at most {@code max-backoff}), and whether a subscriber's
 * address may be on this machine or a private network (off in production: a webhook is not a way into the
 * province's internal network).
 */
@Component
public class WebhookSettings {
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final boolean allowPrivateAddresses;

    WebhookSettings(@Value("${motcua.webhooks.enabled:true}") boolean enabled,
                    @Value("${motcua.webhooks.poll-interval:5s}") Duration pollInterval,
                    @Value("${motcua.webhooks.timeout:10s}") Duration timeout,
                    @Value("${motcua.webhooks.max-attempts:12}") int maxAttempts,
                    @Value("${motcua.webhooks.backoff:30s}") Duration backoff,
                    @Value("${motcua.webhooks.max-backoff:6h}") Duration maxBackoff,
                    @Value("${motcua.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.enabled = enabled;
        this.pollInterval = positive(pollInterval, Duration.ofSeconds(5));
        this.timeout = positive(timeout, Duration.ofSeconds(10));
        this.maxAttempts = Math.max(1, Math.min(50, maxAttempts));
        this.backoff = positive(backoff, Duration.ofSeconds(30));
        this.maxBackoff = positive(maxBackoff, Duration.ofHours(6));
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value == null || value.isNegative() || value.isZero() ? otherwise : value;
    }

    /** False: no change is written for subscribers (the subscriptions stay). */
    public boolean enabled() { return enabled; }

    public Duration pollInterval() { return pollInterval; }

    /** How long the sender waits to connect and for the receiver's answer. */
    public Duration timeout() { return timeout; }

    /** Attempts per message before it is FAILED (1 to 50). */
    public int maxAttempts() { return maxAttempts; }

    /** True: an address on this machine or a private network may subscribe (tests, a demo, a closed network). */
    public boolean allowPrivateAddresses() { return allowPrivateAddresses; }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: backoff × 2^(attempts−1), capped. */
    public Duration retryDelay(int attempts) {
        Duration delay = backoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
