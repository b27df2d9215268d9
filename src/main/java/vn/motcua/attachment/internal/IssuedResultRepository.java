package vn.motcua.attachment.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A dossier's electronic result as issued, and how it was signed ({@code attachment_issued_result}). */
@Repository
public class IssuedResultRepository {
    private final JdbcClient jdbc;

    IssuedResultRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A dossier's issued result; its content is in the content store under {@code sha256}. */
    public record Row(String dossierCode, String fileName, String sha256, long size, Instant issuedAt, String signer,
                      String signingUnit, boolean timestamped) { }

    public Optional<Row> find(String dossierCode) {
        return jdbc.sql("""
                        select dossier_code, file_name, sha256, size_bytes, issued_at, signer, signing_unit, timestamped
                        from attachment_issued_result where dossier_code = ?""")
                .param(dossierCode)
                .query((rs, n) -> new Row(rs.getString("dossier_code"), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getLong("size_bytes"), AttachmentRepository.instant(rs, "issued_at"), rs.getString("signer"),
                        rs.getString("signing_unit"), rs.getBoolean("timestamped")))
                .optional();
    }

    public void insert(Row row) {
        jdbc.sql("""
                        insert into attachment_issued_result (dossier_code, file_name, sha256, size_bytes, issued_at, signer,
                          signing_unit, timestamped)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.dossierCode(), row.fileName(), row.sha256(), row.size(), AttachmentRepository.utc(row.issuedAt()),
                        row.signer(), row.signingUnit(), row.timestamped())
                .update();
    }
}
