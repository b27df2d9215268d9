package vn.motcua.notification;

import java.time.Instant;

/**
 * One notification of a dossier as staff see it: the channel, the template, the recipient (a phone masked), the
 * provider, where it stands, how many attempts were made, and the last error (without personal data).
 */
public record NotificationLogEntry(long id, NotificationChannel.Kind channel, TemplateKey template, String to,
                                   String provider, NotificationStatus status, int attempts, Instant createdAt,
                                   Instant sentAt, Instant nextAttemptAt, String lastError) { }
