package vn.motcua.notification;

/** Whether the applicant is notified of a dossier by a channel (false: they opted out of it). */
public record ChannelChoice(NotificationChannel.Kind channel, boolean enabled) { }
