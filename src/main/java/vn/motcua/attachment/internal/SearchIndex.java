package vn.motcua.attachment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organisation.Role;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.shared.Database;

/**
 * The search index: one entry per dossier (its code, applicant, procedure and form values) and per attachment (its
 * file name and text), each with its text folded in Java ({@link SearchText}) and the dossier's unit and owner, so
 * that a search reads only the entries its caller may see.
 * <p>
 * On PostgreSQL a query is a full-text match over {@code to_tsvector('simple', folded)} with prefix terms, served by a
 * GIN index ({@link #ensureFullTextIndex()}); on H2 the same words are matched with LIKE over the folded text. Folding
 * in Java rather than with PostgreSQL's unaccent extension: one folding, the application's own
 * ({@code TextSearch.fold}), on both databases, and no extension to create (managed PostgreSQL often forbids it).
 * <p>
 * It also keeps the queue of dossiers to index, filled in the dossiers' own transactions.
 */
@Repository
public class SearchIndex {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Database database;
    private final TransactionTemplate nested;

    SearchIndex(JdbcClient jdbc, ObjectMapper json, Database database, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.database = database;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Whose entries a search reads: the dossier scope of the caller, as the dossier module defines it. */
    public record Scope(Kind kind, String value) {
        public enum Kind { ALL, SUBTREE, UNIT, OWNER, NONE }

        public static Scope of(AuthenticatedUser user) {
            if (user.has(Role.ADMIN)) return new Scope(Kind.ALL, null);
            if (user.has(Role.SUPERVISOR) && user.unitTreePath() != null) return new Scope(Kind.SUBTREE, user.unitTreePath());
            if ((user.has(Role.CLERK) || user.has(Role.SPECIALIST) || user.has(Role.LEADER)) && user.unitId() != null) {
                return new Scope(Kind.UNIT, String.valueOf(user.unitId()));
            }
            if (user.has(Role.CITIZEN)) return new Scope(Kind.OWNER, user.username());
            return new Scope(Kind.NONE, null);
        }

        void appendTo(StringBuilder sql, List<Object> params) {
            switch (kind) {
                case ALL -> { }
                case SUBTREE -> { sql.append(" and e.unit_tree_path like ?"); params.add(value + "%"); }
                case UNIT -> { sql.append(" and e.unit_id = ?"); params.add(Long.parseLong(value)); }
                case OWNER -> { sql.append(" and e.owner_username = ?"); params.add(value); }
                case NONE -> sql.append(" and 1 = 0");
            }
        }
    }

    /**
     * On PostgreSQL, creates the GIN index over the entries' folded text as a full-text vector if it is missing
     * ({@code to_tsvector('simple', folded)}: the 'simple' configuration keeps words as they are, right for text
     * already folded and for Vietnamese, whose words are not stemmed). Not a Flyway migration because it exists on
     * PostgreSQL only: a Java migration known only to the full application context makes Flyway refuse the schema
     * from any other Flyway (a test slice, the command line), and vendor-specific locations need configuration. Safe
     * to run on every start, on several nodes at once. Without the index (no right to create it) search still works,
     * by scanning.
     *
     * @return true when the index exists (always false on H2, which has none)
     */
    public boolean ensureFullTextIndex() {
        if (!postgres()) return false;
        jdbc.sql("create index if not exists ix_search_entry_fulltext on search_entry using gin (to_tsvector('simple', folded))").update();
        return true;
    }

    /** Where a dossier belongs, copied to each of its entries. */
    public record Owner(long unitId, String unitTreePath, String ownerUsername) { }

    /** An entry a search found. */
    public record Found(String dossierCode, Long attachmentId, Map<String, String> fields) { }

    /** Indexes a dossier's fields (replacing what was indexed) and refreshes where its attachments belong. */
    public void putDossier(String code, Owner owner, Map<String, String> fields, Instant at) {
        String text = String.join("\n", fields.values());
        put("D:" + code, code, null, owner, fields, text, at);
        jdbc.sql("update search_entry set unit_id = ?, unit_tree_path = ?, owner_username = ? where dossier_code = ?")
                .params(owner.unitId(), owner.unitTreePath(), owner.ownerUsername(), code).update();
    }

    /** Indexes an attachment: its file name, and its text once extracted. */
    public void putAttachment(long id, String dossierCode, Owner owner, String fileName, String text, Instant at) {
        String body = text == null ? "" : text.length() > SearchText.INDEXED_CHARS ? text.substring(0, SearchText.INDEXED_CHARS) : text;
        var fields = new LinkedHashMap<String, String>();
        fields.put("fileName", fileName);
        put("A:" + id, dossierCode, id, owner, fields, fileName + "\n" + body, at);
    }

    private void put(String key, String dossierCode, Long attachmentId, Owner owner, Map<String, String> fields,
                     String text, Instant at) {
        String folded = SearchText.fold(text);
        String fieldsJson = toJson(fields);
        var now = AttachmentRepository.utc(at);
        int updated = update(key, owner, fieldsJson, folded, now);
        if (updated == 0) {
            try {
                nested.executeWithoutResult(s -> jdbc.sql("""
                                insert into search_entry (entry_key, dossier_code, attachment_id, unit_id, unit_tree_path,
                                  owner_username, fields, folded, updated_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(key, dossierCode, attachmentId, owner.unitId(), owner.unitTreePath(), owner.ownerUsername(),
                                fieldsJson, folded, now)
                        .update());
            } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrentInsert) {
                update(key, owner, fieldsJson, folded, now);
            }
        }
    }

    private int update(String key, Owner owner, String fields, String folded, java.time.OffsetDateTime at) {
        return jdbc.sql("""
                        update search_entry set unit_id = ?, unit_tree_path = ?, owner_username = ?, fields = ?, folded = ?,
                          updated_at = ?
                        where entry_key = ?""")
                .params(owner.unitId(), owner.unitTreePath(), owner.ownerUsername(), fields, folded, at, key).update();
    }

    /** Entries in the scope where every word starts a word of the entry, most recently indexed first. */
    public List<Found> search(Scope scope, List<String> words, int limit) {
        if (words.isEmpty()) return List.of();
        var sql = new StringBuilder("select e.dossier_code, e.attachment_id, e.fields from search_entry e where 1 = 1");
        var params = new ArrayList<Object>();
        scope.appendTo(sql, params);
        if (postgres()) {
            sql.append(" and to_tsvector('simple', e.folded) @@ to_tsquery('simple', ?)");
            params.add(String.join(" & ", words.stream().map(w -> w + ":*").toList()));
        } else {
            for (String w : words) {
                sql.append(" and e.folded like ?");
                params.add("% " + w + "%");
            }
        }
        sql.append(" order by e.updated_at desc, e.id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(this::found).list();
    }

    private Found found(ResultSet rs, int row) throws SQLException {
        long attachment = rs.getLong("attachment_id");
        Long attachmentId = rs.wasNull() ? null : attachment;
        try {
            return new Found(rs.getString("dossier_code"), attachmentId, json.readValue(rs.getString("fields"), FIELDS));
        } catch (JsonProcessingException e) {
            return new Found(rs.getString("dossier_code"), attachmentId, Map.of());
        }
    }

    // --- the queue of dossiers to index

    /** Asks for a dossier to be (re)indexed; joins the caller's transaction. */
    public void request(String dossierCode, Instant at) {
        jdbc.sql("insert into search_index_request (dossier_code, requested_at) values (?, ?)")
                .params(dossierCode, AttachmentRepository.utc(at)).update();
    }

    /** The highest dossier id, 0 when there is none. */
    public long maxDossierId() {
        return jdbc.sql("select coalesce(max(id), 0) from dossier").query(Long.class).single();
    }

    /**
     * Queues the dossiers with an id in {@code (after, upTo]} that are missing from the index (no {@code D:<code>}
     * entry, or an attachment without its {@code A:<id>} entry) and not queued already, in one statement; answers how
     * many were queued. Reads each dossier of the range through the primary key and the entries' unique key only.
     */
    public int requestMissing(long after, long upTo) {
        return jdbc.sql("""
                        insert into search_index_request (dossier_code, requested_at)
                        select d.code, current_timestamp from dossier d
                        where d.id > ? and d.id <= ?
                          and (not exists (select 1 from search_entry e where e.entry_key = concat('D:', d.code))
                               or exists (select 1 from attachment a where a.dossier_code = d.code
                                          and not exists (select 1 from search_entry ae where ae.entry_key = concat('A:', a.id))))
                          and not exists (select 1 from search_index_request r where r.dossier_code = d.code)""")
                .params(after, upTo).update();
    }

    /** Requests waiting in the queue (claimed or not). */
    public long queued() {
        return jdbc.sql("select count(*) from search_index_request").query(Long.class).single();
    }

    /** A request a node holds. */
    public record Request(long id, String dossierCode) { }

    /** Claims up to {@code limit} requests no node holds (or whose lease ran out) for this node. */
    public List<Request> claim(String node, Instant now, Instant until, int limit, java.util.Set<String> liveNodes) {
        var candidates = jdbc.sql("select id, dossier_code from search_index_request where claimed_until is null or claimed_until < :now"
                        + " or claimed_by not in (:live) order by id limit " + Math.max(1, limit))
                .param("now", AttachmentRepository.utc(now)).param("live", liveNodes)
                .query((rs, n) -> new Request(rs.getLong("id"), rs.getString("dossier_code"))).list();
        var claimed = new ArrayList<Request>();
        for (Request r : candidates) {
            int won = jdbc.sql("update search_index_request set claimed_by = :node, claimed_until = :until where id = :id"
                            + " and (claimed_until is null or claimed_until < :now or claimed_by not in (:live))")
                    .param("node", node).param("until", AttachmentRepository.utc(until)).param("id", r.id())
                    .param("now", AttachmentRepository.utc(now)).param("live", liveNodes).update();
            if (won == 1) claimed.add(r);
        }
        return claimed;
    }

    /** Removes requests once done. */
    public void done(List<Long> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("delete from search_index_request where id in (:ids)").param("ids", ids).update();
    }

    /** Gives back what this node held when it stopped. */
    public int release(String node) {
        return jdbc.sql("update search_index_request set claimed_by = null, claimed_until = null where claimed_by = ?")
                .param(node).update();
    }

    private boolean postgres() { return database.isPostgres(); }

    private String toJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
