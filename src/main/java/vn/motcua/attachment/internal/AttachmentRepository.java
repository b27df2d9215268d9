package vn.motcua.attachment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.attachment.Attachment;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.SignatureCheck;

/**
 * Attachment storage, and the extraction queue it holds: an attachment is PENDING until a node claims it (a
 * conditional update that only one node can win, on PostgreSQL and H2 alike) for a lease, and completes it.
 */
@Repository
public class AttachmentRepository {
    static final int EXCERPT = 500;

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** What a worker needs of a claimed attachment. */
    public record Work(long id, String dossierCode, String fileName, String mediaType, String sha256, int attempts) { }

    /** Records a new attachment, PENDING; answers its id. {@code internal}: the unit's, not shown to the applicant. */
    public long insert(String dossierCode, String componentCode, String fileName, String mediaType, long size,
                       String sha256, String uploadedBy, Instant at, boolean internal) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into attachment (dossier_code, component_code, file_name, media_type, size_bytes, sha256,
                          uploaded_by, uploaded_at, state, internal)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(dossierCode, componentCode, fileName, mediaType, size, sha256, uploadedBy, utc(at), internal)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An attachment of the dossier, with its signatures. */
    public Optional<Attachment> find(String dossierCode, long id) {
        var found = jdbc.sql("select * from attachment where id = ? and dossier_code = ?").params(id, dossierCode)
                .query((rs, n) -> map(rs, List.of())).optional();
        return found.map(a -> withSignatures(a, signatures(List.of(a.id())).getOrDefault(a.id(), List.of())));
    }

    /** A dossier's attachments, oldest first. */
    public List<Attachment> list(String dossierCode) {
        var rows = jdbc.sql("select * from attachment where dossier_code = ? order by uploaded_at, id").param(dossierCode)
                .query((rs, n) -> map(rs, List.of())).list();
        if (rows.isEmpty()) return rows;
        var signatures = signatures(rows.stream().map(Attachment::id).toList());
        return rows.stream().map(a -> withSignatures(a, signatures.getOrDefault(a.id(), List.of()))).toList();
    }

    /** The extracted text, at most {@code maxChars} characters of it. */
    public Optional<String> text(long id, int maxChars) {
        return jdbc.sql("select substring(content, 1, ?) from attachment_text where attachment_id = ?")
                .params(maxChars, id).query(String.class).optional();
    }

    /** An attachment missing from the search index. */
    public record Unindexed(long id, String fileName) { }

    /** The dossier's attachments that have no search entry (their entry was lost, or never made). */
    public List<Unindexed> unindexed(String dossierCode) {
        return jdbc.sql("""
                        select a.id, a.file_name from attachment a where a.dossier_code = ?
                          and not exists (select 1 from search_entry e where e.entry_key = concat('A:', a.id))
                        order by a.id""")
                .param(dossierCode).query((rs, n) -> new Unindexed(rs.getLong("id"), rs.getString("file_name"))).list();
    }

    // --- the extraction queue

    /** PENDING attachments no node holds (or whose lease ran out), oldest first. */
    public List<Long> claimable(Instant now, int limit, java.util.Set<String> liveNodes) {
        return jdbc.sql("select id from attachment where state = 'PENDING' and (claimed_until is null or claimed_until < :now"
                        + " or claimed_by not in (:live)) order by id limit " + Math.max(1, limit))
                .param("now", utc(now)).param("live", liveNodes).query(Long.class).list();
    }

    /**
     * Takes an attachment for this node until {@code until}; false when another node has it. A claim whose lease ran
     * out, or whose node is no longer alive (not among {@code liveNodes}), is taken over.
     */
    public boolean claim(long id, String node, Instant until, Instant now, java.util.Set<String> liveNodes) {
        return jdbc.sql("""
                        update attachment set claimed_by = :node, claimed_until = :until, attempts = attempts + 1
                        where id = :id and state = 'PENDING' and (claimed_until is null or claimed_until < :now
                          or claimed_by not in (:live))""")
                .param("node", node).param("until", utc(until)).param("id", id).param("now", utc(now))
                .param("live", liveNodes).update() == 1;
    }

    /** Gives back what this node held when it stopped (a node name never runs twice at once). */
    public int release(String node) {
        return jdbc.sql("update attachment set claimed_by = null, claimed_until = null where state = 'PENDING' and claimed_by = ?")
                .param(node).update();
    }

    /** What a worker needs to extract an attachment. */
    public Optional<Work> work(long id) {
        return jdbc.sql("select id, dossier_code, file_name, media_type, sha256, attempts from attachment where id = ?").param(id)
                .query((rs, n) -> new Work(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getString("sha256"), rs.getInt("attempts")))
                .optional();
    }

    /**
     * Records the outcome of an attachment this node holds, with its text and signatures; false (nothing written)
     * when the node no longer holds it.
     */
    public boolean complete(long id, String node, ExtractionOutcome outcome, String suggestedComponent, Instant at) {
        int updated = jdbc.sql("""
                        update attachment set state = ?, reason = ?, reason_detail = ?, pages = ?, language = ?, title = ?,
                          text_excerpt = ?, text_truncated = ?, suggested_component = ?, extracted_at = ?,
                          claimed_by = null, claimed_until = null
                        where id = ? and state = 'PENDING' and claimed_by = ?""")
                .params(outcome.state().name(), outcome.reason(), outcome.detail(), outcome.pages(), outcome.language(),
                        outcome.title(), excerpt(outcome.text()), outcome.truncated(), suggestedComponent, utc(at), id, node)
                .update();
        if (updated == 0) return false;
        jdbc.sql("delete from attachment_text where attachment_id = ?").param(id).update();
        if (!outcome.text().isEmpty()) {
            jdbc.sql("insert into attachment_text (attachment_id, content) values (?, ?)").params(id, outcome.text()).update();
        }
        jdbc.sql("delete from attachment_signature where attachment_id = ?").param(id).update();
        int seq = 0;
        for (SignatureCheck s : outcome.signatures()) {
            jdbc.sql("""
                            insert into attachment_signature (attachment_id, seq, signer, signed_at, covers_whole_document, valid, problem,
                              trusted, trust_problem)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++seq, limit(s.signer(), 500), utc(s.signedAt()), s.coversWholeDocument(), s.valid(), s.problem(),
                            s.trusted(), s.trustProblem())
                    .update();
        }
        return true;
    }

    static String excerpt(String text) {
        if (text == null || text.isBlank()) return null;
        String head = text.length() > EXCERPT * 4 ? text.substring(0, EXCERPT * 4) : text;
        String collapsed = head.replaceAll("\\s+", " ").strip();
        if (collapsed.length() <= EXCERPT) return collapsed;
        int end = EXCERPT;
        if (Character.isHighSurrogate(collapsed.charAt(end - 1))) end--;
        return collapsed.substring(0, end);
    }

    private Map<Long, List<SignatureCheck>> signatures(List<Long> ids) {
        var result = new HashMap<Long, List<SignatureCheck>>();
        if (ids.isEmpty()) return result;
        jdbc.sql("select * from attachment_signature where attachment_id in (:ids) order by attachment_id, seq")
                .param("ids", ids)
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong("attachment_id"), k -> new ArrayList<>())
                            .add(new SignatureCheck(rs.getString("signer"), instant(rs, "signed_at"),
                                    rs.getBoolean("covers_whole_document"), rs.getBoolean("valid"), rs.getString("problem"),
                                    rs.getObject("trusted", Boolean.class), rs.getString("trust_problem")));
                    return null;
                }).list();
        return result;
    }

    private static Attachment withSignatures(Attachment a, List<SignatureCheck> signatures) {
        return new Attachment(a.id(), a.dossierCode(), a.componentCode(), a.fileName(), a.mediaType(), a.size(), a.sha256(),
                a.pages(), a.language(), a.title(), a.state(), a.reason(), a.textExcerpt(), a.truncated(),
                a.suggestedComponent(), a.uploadedBy(), a.uploadedAt(), a.extractedAt(), signatures, a.internal());
    }

    private static Attachment map(ResultSet rs, List<SignatureCheck> signatures) throws SQLException {
        int pages = rs.getInt("pages");
        Integer pageCount = rs.wasNull() ? null : pages;
        return new Attachment(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("component_code"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                pageCount, rs.getString("language"), rs.getString("title"), AttachmentState.valueOf(rs.getString("state")),
                rs.getString("reason"), rs.getString("text_excerpt"), rs.getBoolean("text_truncated"),
                rs.getString("suggested_component"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
                instant(rs, "extracted_at"), signatures, rs.getBoolean("internal"));
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
