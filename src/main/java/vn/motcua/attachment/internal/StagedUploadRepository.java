package vn.motcua.attachment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files uploaded before their dossier exists ({@code staged_upload}). A row belongs to its uploader: every read and
 * removal on a user's behalf names them. Removal is the claim: whoever deletes the row (the receipt, the uploader, the
 * sweep) owns what happens to its file, so two of them never both act on it.
 */
@Repository
public class StagedUploadRepository {
    private final JdbcClient jdbc;

    StagedUploadRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A staged file. */
    public record Row(String reference, String uploadedBy, String procedureCode, String componentCode, String fileName,
                      String mediaType, long size, String sha256, Instant stagedAt) { }

    public void insert(Row row) {
        jdbc.sql("""
                        insert into staged_upload (reference, uploaded_by, procedure_code, component_code, file_name,
                          media_type, size_bytes, sha256, staged_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.reference(), row.uploadedBy(), row.procedureCode(), row.componentCode(), row.fileName(),
                        row.mediaType(), row.size(), row.sha256(), AttachmentRepository.utc(row.stagedAt()))
                .update();
    }

    /** The user's staged file with this reference. */
    public Optional<Row> find(String reference, String uploadedBy) {
        return jdbc.sql("select * from staged_upload where reference = ? and uploaded_by = ?").params(reference, uploadedBy)
                .query(StagedUploadRepository::map).optional();
    }

    /** Removes the user's staged file; false when it is not there (any more). */
    public boolean delete(String reference, String uploadedBy) {
        return jdbc.sql("delete from staged_upload where reference = ? and uploaded_by = ?").params(reference, uploadedBy).update() == 1;
    }

    /** Removes a staged file whoever staged it; false when it is not there (any more). */
    public boolean delete(String reference) {
        return jdbc.sql("delete from staged_upload where reference = ?").param(reference).update() == 1;
    }

    /** Whether a staged file with this reference exists. */
    public boolean exists(String reference) {
        return jdbc.sql("select count(*) from staged_upload where reference = ?").param(reference).query(Integer.class).single() > 0;
    }

    /** How many files the user has staged. */
    public int count(String uploadedBy) {
        return jdbc.sql("select count(*) from staged_upload where uploaded_by = ?").param(uploadedBy).query(Integer.class).single();
    }

    /** References of files staged before the instant, oldest first. */
    public List<String> stagedBefore(Instant before, int limit) {
        return jdbc.sql("select reference from staged_upload where staged_at < ? order by staged_at limit " + Math.max(1, limit))
                .param(AttachmentRepository.utc(before)).query(String.class).list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("reference"), rs.getString("uploaded_by"), rs.getString("procedure_code"),
                rs.getString("component_code"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), AttachmentRepository.instant(rs, "staged_at"));
    }
}
