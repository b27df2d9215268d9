package vn.motcua.organisation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.organisation.AdminLogEntry;

@Repository
public class AdminLogRepository {
    private final JdbcClient jdbc;

    public AdminLogRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public void append(Instant at, String actor, String action, String target, String details) {
        jdbc.sql("insert into admin_log (at, actor, action, target, details) values (?, ?, ?, ?, ?)")
                .params(at.atOffset(ZoneOffset.UTC), actor, action, target, details).update();
    }

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most {@code limit}. */
    public List<AdminLogEntry> between(Instant from, Instant to, int limit) {
        return jdbc.sql("select id, at, actor, action, target, details from admin_log where at >= ? and at < ?"
                        + " order by at desc, id desc limit " + Math.max(1, limit))
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new AdminLogEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list();
    }

    public long count(Instant from, Instant to) {
        return jdbc.sql("select count(*) from admin_log where at >= ? and at < ?")
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }
}
