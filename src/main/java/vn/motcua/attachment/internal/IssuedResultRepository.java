package vn.motcua.attachment.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which attachment is a dossier's electronic result, and how it was signed ({@code attachment_issued_result}). */
@Repository
public class IssuedResultRepository {
    private final JdbcClient jdbc;

    IssuedResultRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A dossier's issued result. */
    public record Row(String dossierCode, long attachmentId, Instant issuedAt, String signer, String signingUnit,
                      boolean timestamped) { }

    public Optional<Row> find(String dossierCode) {
        return jdbc.sql("""
                        select dossier_code, attachment_id, issued_at, signer, signing_unit, timestamped
                        from attachment_issued_result where dossier_code = ?""")
                .param(dossierCode)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), AttachmentRepository.instant(rs, "issued_at"), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    public void insert(Row row) {
        jdbc.sql("""
                        insert into attachment_issued_result (dossier_code, attachment_id, issued_at, signer, signing_unit, timestamped)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(row.dossierCode(), row.attachmentId(), AttachmentRepository.utc(row.issuedAt()), row.signer(),
                        row.signingUnit(), row.timestamped())
                .update();
    }
}
