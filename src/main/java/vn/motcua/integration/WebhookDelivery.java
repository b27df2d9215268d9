package vn.motcua.integration;

import java.time.Instant;

/**
 * One message to one subscription and how its sending went.
 *
 * @param status       {@code PENDING} (to be sent, or tried again at {@code nextAttemptAt}), {@code DELIVERED} (the
 *                     receiver answered 2xx) or {@code FAILED} (every attempt failed; a replay sends it again)
 * @param lastResponse the HTTP status the receiver last answered, null when it did not answer
 * @param replayOf     the delivery this one sends again, null for the first
 */
public record WebhookDelivery(long id, long subscriptionId, String messageId, String eventType, String dossierCode,
                              String payload, String status, int attempts, Instant nextAttemptAt, Integer lastResponse,
                              String lastError, Long replayOf, Instant createdAt, Instant deliveredAt) {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
