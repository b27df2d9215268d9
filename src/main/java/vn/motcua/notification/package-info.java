/**
 * Notifications (thông báo) to applicants: when their dossier is received, accepted or refused online, when a
 * supplement or a payment is asked of them, when an apology promises a later date (form 04) and when the result is
 * ready. The dossier's events are turned into rows of a transactional outbox in the transaction that made them (they
 * commit with the dossier's work or not at all); a sender delivers the rows later, one node per row, with retries, by
 * e-mail (SMTP, Spring's {@code spring.mail.*}), SMS and Zalo (each through a {@link
 * vn.motcua.notification.NotificationChannel} provider chosen by {@code motcua.notifications.*}, the logging provider
 * by default). A failed delivery never touches the dossier. The texts are templates administrators may change;
 * applicants may stop a channel for their dossier. The module owns the tables {@code notification_*} and reads the
 * applicant's contact through the dossier module's API only.
 */
package vn.motcua.notification;
