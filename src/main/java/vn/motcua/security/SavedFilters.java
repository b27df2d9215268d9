package vn.motcua.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;

/** Filters a user saved on a list ("tasks" or "dossiers") under a name of their own, as the list's query string. */
@Service
public class SavedFilters {
    public static final List<String> LISTS = List.of("tasks", "dossiers");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    SavedFilters(JdbcClient jdbc, CurrentUser currentUser, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    public record SavedFilter(long id, String list, String name, String query, Instant createdAt) { }

    /** The caller's saved filters of a list, by name. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SavedFilter> list(String list) {
        requireList(list);
        return jdbc.sql("select id, list_name, name, query, created_at from saved_filter where username = ? and list_name = ? order by name")
                .params(currentUser.require().username(), list)
                .query((rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Saves (or replaces, under the same name) a filter of the caller's. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public SavedFilter save(String list, String name, String query) {
        requireList(list);
        String user = currentUser.require().username();
        if (name == null || name.isBlank()) throw new InvalidInputException("name", messages.get("error.field.required"));
        if (!PlainText.clean(name, false)) throw new InvalidInputException("name", messages.get("error.field.singleLine", "name"));
        String n = PlainText.normalize(name, false);
        if (n.length() > 100) throw new InvalidInputException("name", messages.get("error.field.tooLong", 100));
        String q = query == null ? "" : query.strip();
        if (q.startsWith("?")) q = q.substring(1);
        if (!PlainText.clean(q, false)) throw new InvalidInputException("query", messages.get("error.field.singleLine", "query"));
        if (q.length() > 2000) throw new InvalidInputException("query", messages.get("error.field.tooLong", 2000));
        jdbc.sql("delete from saved_filter where username = ? and list_name = ? and name = ?").params(user, list, n).update();
        jdbc.sql("insert into saved_filter (username, list_name, name, query, created_at) values (?, ?, ?, ?, ?)")
                .params(user, list, n, q, clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        return list(list).stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow();
    }

    /** Deletes one of the caller's saved filters (404 for anyone else's). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long id) {
        int deleted = jdbc.sql("delete from saved_filter where id = ? and username = ?")
                .params(id, currentUser.require().username()).update();
        if (deleted == 0) throw new NotFoundException("task.filter.notFound", id);
    }

    private void requireList(String list) {
        if (!LISTS.contains(list)) throw new InvalidInputException("list", messages.get("error.field.oneOf", "list", LISTS.toString()));
    }
}
