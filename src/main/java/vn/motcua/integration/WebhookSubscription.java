package vn.motcua.integration;

import java.time.Instant;

/**
 * A connected system's subscription: where its messages go and which dossiers they are about (never its secret).
 *
 * @param scope {@code OWN}: the dossiers the system received through the API; {@code UNIT}: every dossier of its
 *              unit and the units below (a system with the scope {@code dossiers:read})
 */
public record WebhookSubscription(long id, String clientId, String clientName, String url, String scope,
                                  String description, boolean active, String createdBy, Instant createdAt) {
    public static final String OWN = "OWN";
    public static final String UNIT = "UNIT";
}
