package vn.motcua.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.TemplateKey;

/** The notification module's tables: {@code notification_outbox}, {@code notification_template}, {@code notification_opt_out}. */
@Repository
public class NotificationRepository {
    private static final String COLUMNS = "id, dossier_code, template_key, channel, provider, recipient, subject, body, "
            + "status, attempts, next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One outbox row. */
    public record Row(long id, String dossierCode, TemplateKey template, NotificationChannel.Kind channel,
                      String provider, String recipient, String subject, String body, NotificationStatus status,
                      int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        @Override
        public String toString() { return "Row[" + id + ", " + dossierCode + ", " + template + ", " + channel + ", " + status + "]"; }
    }

    /** A stored template text. */
    public record StoredTemplate(TemplateKey key, String language, String subject, String body, String updatedBy,
                                 Instant updatedAt) { }

    /** Writes a message into the outbox (in the caller's transaction). */
    public void insert(String dossierCode, TemplateKey template, NotificationChannel.Kind channel, String provider,
                       String recipient, String subject, String body, NotificationStatus status, String lastError,
                       Instant at) {
        jdbc.sql("""
                insert into notification_outbox (dossier_code, template_key, channel, provider, recipient, subject, body,
                                                 status, attempts, next_attempt_at, last_error, created_at)
                values (:code, :template, :channel, :provider, :recipient, :subject, :body, :status, 0, :next, :error, :at)
                """).param("code", dossierCode).param("template", template.name()).param("channel", channel.name())
                .param("provider", provider).param("recipient", recipient).param("subject", clip(subject, 500))
                .param("body", clip(body, 8000)).param("status", status.name())
                .param("next", status == NotificationStatus.PENDING ? utc(at) : null).param("error", clip(lastError, 500))
                .param("at", utc(at)).update();
    }

    /** The messages of a dossier, oldest first. */
    public List<Row> ofDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where dossier_code = :code order by id")
                .param("code", dossierCode).query(NotificationRepository::row).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where id = :id").param("id", id)
                .query(NotificationRepository::row).optional();
    }

    /** The ids of messages due now and claimed by nobody (or by a node whose claim ran out), oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from notification_outbox
                where status = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at, id
                fetch first %d rows only
                """.formatted(Math.max(1, limit))).param("now", utc(now)).query(Long.class).list();
    }

    /**
     * Claims a message for this node until {@code until}: one atomic update, which only one node can win for a row
     * (on H2 and PostgreSQL alike). True when this node has it.
     */
    public boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                update notification_outbox set claimed_by = :node, claimed_until = :until
                where id = :id and status = 'PENDING' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)
                """).param("node", node).param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
    }

    /** The message was delivered. */
    public void sent(long id, String node, Instant at) {
        jdbc.sql("""
                update notification_outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = null,
                       next_attempt_at = null, claimed_until = null, claimed_by = null
                where id = :id and claimed_by = :node
                """).param("at", utc(at)).param("id", id).param("node", node).update();
    }

    /** An attempt failed: tried again at {@code next}, or FAILED when {@code next} is null. */
    public void failed(long id, String node, String error, Instant next) {
        jdbc.sql("""
                update notification_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                       status = :status, claimed_until = null, claimed_by = null
                where id = :id and claimed_by = :node
                """).param("error", clip(error, 500)).param("next", utc(next))
                .param("status", next == null ? NotificationStatus.FAILED.name() : NotificationStatus.PENDING.name())
                .param("id", id).param("node", node).update();
    }

    /** The message will not be sent, for the reason its status says. */
    public void skipped(long id, String node, NotificationStatus status, String reason) {
        jdbc.sql("""
                update notification_outbox set status = :status, last_error = :reason, next_attempt_at = null,
                       claimed_until = null, claimed_by = null
                where id = :id and claimed_by = :node
                """).param("status", status.name()).param("reason", clip(reason, 500)).param("id", id)
                .param("node", node).update();
    }

    // --- opt-outs

    /** The channels the applicant stopped for a dossier. */
    public Set<NotificationChannel.Kind> optedOut(String dossierCode) {
        return jdbc.sql("select channel from notification_opt_out where dossier_code = :code").param("code", dossierCode)
                .query(String.class).list().stream().map(NotificationChannel.Kind::valueOf)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(NotificationChannel.Kind.class)));
    }

    /** Stops a channel for a dossier; nothing when it already is. */
    public void optOut(String dossierCode, NotificationChannel.Kind channel, String by, Instant at) {
        if (optedOut(dossierCode).contains(channel)) return;
        try {
            jdbc.sql("insert into notification_opt_out (dossier_code, channel, opted_out_by, opted_out_at) values (:c, :ch, :by, :at)")
                    .param("c", dossierCode).param("ch", channel.name()).param("by", by).param("at", utc(at)).update();
        } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
            // opted out at the same moment by another request: the same outcome
        }
    }

    /** Lets a channel send again for a dossier. */
    public void optIn(String dossierCode, NotificationChannel.Kind channel) {
        jdbc.sql("delete from notification_opt_out where dossier_code = :c and channel = :ch")
                .param("c", dossierCode).param("ch", channel.name()).update();
    }

    // --- templates

    public List<StoredTemplate> templates() {
        return jdbc.sql("select template_key, language, subject, body, updated_by, updated_at from notification_template")
                .query((rs, n) -> new StoredTemplate(TemplateKey.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, "updated_at"))).list();
    }

    /** Stores an administrator's text of a template, replacing theirs before. */
    public void saveTemplate(TemplateKey key, String language, String subject, String body, String by, Instant at) {
        int updated = jdbc.sql("""
                update notification_template set subject = :subject, body = :body, updated_by = :by, updated_at = :at
                where template_key = :key and language = :lang
                """).param("subject", subject).param("body", body).param("by", by).param("at", utc(at))
                .param("key", key.name()).param("lang", language).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notification_template (template_key, language, subject, body, updated_by, updated_at)
                    values (:key, :lang, :subject, :body, :by, :at)
                    """).param("subject", subject).param("body", body).param("by", by).param("at", utc(at))
                    .param("key", key.name()).param("lang", language).update();
        }
    }

    /** Goes back to the default text; true when there was a text of the administrators'. */
    public boolean deleteTemplate(TemplateKey key, String language) {
        return jdbc.sql("delete from notification_template where template_key = :key and language = :lang")
                .param("key", key.name()).param("lang", language).update() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("dossier_code"), TemplateKey.valueOf(rs.getString("template_key")),
                NotificationChannel.Kind.valueOf(rs.getString("channel")), rs.getString("provider"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static String clip(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
