package vn.motcua.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.integration.WebhookDelivery;

/** The subscriptions ({@code webhook_subscription}) and the outbox of their messages ({@code webhook_delivery}). */
@Repository
public class WebhookRepository {
    private static final String SUBSCRIPTION = "id, client_id, url, scope, description, secret, active, created_by, created_at";
    private static final String DELIVERY = "id, subscription_id, message_id, event_type, dossier_code, payload, status, attempts, "
            + "next_attempt_at, last_response, last_error, replay_of, created_at, delivered_at";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A subscription as stored, with its secret. */
    public record Subscription(long id, String clientId, String url, String scope, String description, String secret,
                               boolean active, String createdBy, Instant createdAt) { }

    // --- subscriptions

    public long insert(String clientId, String url, String scope, String description, String secret, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_subscription (client_id, url, scope, description, secret, active, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, true, ?, ?)")
                .params(clientId, url, scope, description, secret, by, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Subscription> subscription(long id) {
        return jdbc.sql("select " + SUBSCRIPTION + " from webhook_subscription where id = ?").param(id)
                .query((rs, n) -> subscription(rs)).optional();
    }

    /** Every subscription, or a client's when {@code clientId} is given, oldest first. */
    public List<Subscription> subscriptions(String clientId) {
        return clientId == null
                ? jdbc.sql("select " + SUBSCRIPTION + " from webhook_subscription order by id").query((rs, n) -> subscription(rs)).list()
                : jdbc.sql("select " + SUBSCRIPTION + " from webhook_subscription where client_id = ? order by id")
                        .param(clientId).query((rs, n) -> subscription(rs)).list();
    }

    /** The active subscriptions: few (one or two per connected system), read on every change of a dossier. */
    public List<Subscription> active() {
        return jdbc.sql("select " + SUBSCRIPTION + " from webhook_subscription where active = true order by id")
                .query((rs, n) -> subscription(rs)).list();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("update webhook_subscription set active = ? where id = ?").params(active, id).update();
    }

    public void setSecret(long id, String secret) {
        jdbc.sql("update webhook_subscription set secret = ? where id = ?").params(secret, id).update();
    }

    /** Removes a subscription and its delivery log. */
    public void delete(long id) {
        jdbc.sql("delete from webhook_delivery where subscription_id = ?").param(id).update();
        jdbc.sql("delete from webhook_subscription where id = ?").param(id).update();
    }

    // --- deliveries

    public long insertDelivery(long subscriptionId, String messageId, String type, String dossierCode, String payload,
                               Long replayOf, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_delivery (subscription_id, message_id, event_type, dossier_code, payload, status, attempts, "
                        + "next_attempt_at, replay_of, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(subscriptionId, messageId, type, dossierCode, payload, utc(at), replayOf, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<WebhookDelivery> delivery(long id) {
        return jdbc.sql("select " + DELIVERY + " from webhook_delivery where id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
    }

    /** A page of a subscription's deliveries, newest first, filtered by status and dossier when given. */
    public List<WebhookDelivery> deliveries(long subscriptionId, String status, String dossierCode, long offset, int limit) {
        var params = new ArrayList<Object>();
        String where = where(subscriptionId, status, dossierCode, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + DELIVERY + " from webhook_delivery " + where + " order by id desc limit ? offset ?")
                .params(params).query((rs, n) -> delivery(rs)).list();
    }

    public long countDeliveries(long subscriptionId, String status, String dossierCode) {
        var params = new ArrayList<Object>();
        return jdbc.sql("select count(*) from webhook_delivery " + where(subscriptionId, status, dossierCode, params))
                .params(params).query(Long.class).single();
    }

    private static String where(long subscriptionId, String status, String dossierCode, List<Object> params) {
        var where = new StringBuilder("where subscription_id = ?");
        params.add(subscriptionId);
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (dossierCode != null) {
            where.append(" and dossier_code = ?");
            params.add(dossierCode);
        }
        return where.toString();
    }

    /** How many of a subscription's messages are in each status (for the administrators' view). */
    public java.util.Map<String, Long> counts(long subscriptionId) {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.sql("select status, count(*) as n from webhook_delivery where subscription_id = ? group by status").param(subscriptionId)
                .query((ResultSet rs) -> { counts.put(rs.getString("status"), rs.getLong("n")); });
        return counts;
    }

    /** The ids of messages due now and claimed by nobody (or by a node whose claim ran out), oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at, id
                fetch first %d rows only
                """.formatted(Math.max(1, limit))).param("now", utc(now)).query(Long.class).list();
    }

    /** Claims a message for this node until {@code until}: one atomic update that only one node wins. */
    public boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                update webhook_delivery set claimed_by = :node, claimed_until = :until
                where id = :id and status = 'PENDING' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)
                """).param("node", node).param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
    }

    /** The receiver took the message (answered 2xx). */
    public void delivered(long id, String node, int response, Instant at) {
        jdbc.sql("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_response = :response,
                       last_error = null, delivered_at = :at, next_attempt_at = null, claimed_until = null, claimed_by = null
                where id = :id and claimed_by = :node
                """).param("response", response).param("at", utc(at)).param("id", id).param("node", node).update();
    }

    /** An attempt failed: tried again at {@code next}, or FAILED when {@code next} is null. */
    public void failed(long id, String node, Integer response, String error, Instant next) {
        jdbc.sql("""
                update webhook_delivery set attempts = attempts + 1, last_response = :response, last_error = :error,
                       next_attempt_at = :next, status = :status, claimed_until = null, claimed_by = null
                where id = :id and claimed_by = :node
                """).param("response", response).param("error", clip(error)).param("next", utc(next))
                .param("status", next == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING)
                .param("id", id).param("node", node).update();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("client_id"), rs.getString("url"), rs.getString("scope"),
                rs.getString("description"), rs.getString("secret"), rs.getBoolean("active"), rs.getString("created_by"),
                at(rs, "created_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int response = rs.getInt("last_response");
        Integer lastResponse = rs.wasNull() ? null : response;
        long replay = rs.getLong("replay_of");
        Long replayOf = rs.wasNull() ? null : replay;
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("message_id"),
                rs.getString("event_type"), rs.getString("dossier_code"), rs.getString("payload"), rs.getString("status"),
                rs.getInt("attempts"), at(rs, "next_attempt_at"), lastResponse, rs.getString("last_error"), replayOf,
                at(rs, "created_at"), at(rs, "delivered_at"));
    }
}
