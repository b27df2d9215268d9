package vn.motcua.notification;

/** Where a notification stands in the outbox. */
public enum NotificationStatus {
    /** Waiting to be sent (first time, or again after a failed attempt). */ PENDING,
    /** Delivered to the provider. */ SENT,
    /** Every attempt failed; no more are made. */ FAILED,
    /** The applicant stopped this channel for the dossier. */ SKIPPED_OPTED_OUT,
    /** The applicant gave no address or number for this channel. */ SKIPPED_NO_RECIPIENT,
    /** The channel is not configured here (e.g. no SMTP server); the reason is recorded. */ SKIPPED_CHANNEL_OFF;

    public String messageKey() { return "notification.status." + name(); }
}
