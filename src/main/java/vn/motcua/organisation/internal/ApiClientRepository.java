package vn.motcua.organisation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API's clients ({@code api_client}). */
@Repository
public class ApiClientRepository {
    private final JdbcClient jdbc;

    ApiClientRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One client; {@code keyHash} the SHA-256 of its key's secret. */
    public record Row(String clientId, String name, String username, String keyHash, String scopes, String createdBy,
                      Instant createdAt, Instant revokedAt, Instant lastUsedAt) { }

    private static final String COLUMNS = "client_id, name, username, key_hash, scopes, created_by, created_at, revoked_at, last_used_at";

    public Optional<Row> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from api_client where client_id = ?").param(clientId).query((rs, n) -> row(rs)).optional();
    }

    public Optional<Row> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from api_client where username = ?").param(username).query((rs, n) -> row(rs)).optional();
    }

    public List<Row> all() {
        return jdbc.sql("select " + COLUMNS + " from api_client order by created_at, client_id").query((rs, n) -> row(rs)).list();
    }

    public void insert(Row row) {
        jdbc.sql("insert into api_client (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.clientId(), row.name(), row.username(), row.keyHash(), row.scopes(), row.createdBy(),
                        utc(row.createdAt()), utc(row.revokedAt()), utc(row.lastUsedAt()))
                .update();
    }

    public boolean revoke(String clientId, Instant at) {
        return jdbc.sql("update api_client set revoked_at = ? where client_id = ? and revoked_at is null")
                .params(utc(at), clientId).update() > 0;
    }

    /** Records a use, at most once a minute per client (a busy client does not write on every request). */
    public void used(String clientId, Instant at) {
        jdbc.sql("update api_client set last_used_at = ? where client_id = ? and (last_used_at is null or last_used_at < ?)")
                .params(utc(at), clientId, utc(at.minusSeconds(60))).update();
    }

    private static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("client_id"), rs.getString("name"), rs.getString("username"), rs.getString("key_hash"),
                rs.getString("scopes"), rs.getString("created_by"), at(rs, "created_at"), at(rs, "revoked_at"), at(rs, "last_used_at"));
    }

    private static Instant at(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
