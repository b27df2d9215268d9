package vn.motcua.payment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.payment.CallbackOutcome;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Reconciliation;

/** The payment module's tables: {@code payment}, {@code payment_callback}, {@code payment_reconciliation}, {@code payment_mismatch}. */
@Repository
public class PaymentRepository {
    private static final String COLUMNS = "id, dossier_code, amount, currency, status, provider, provider_ref, pay_url, "
            + "qr_content, created_by, created_at, paid_at, finished_at, receipt_number, unit_tree_path";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A payment with the dossier's unit path (to scope the reconciliation report). */
    public record Row(Payment payment, String unitTreePath) { }

    /** Inserts an open payment; fails with a duplicate key when the dossier already has an open one. */
    public void insertOpen(String id, long dossierId, String dossierCode, String unitTreePath, BigDecimal amount,
                           String provider, String createdBy, Instant at) {
        jdbc.sql("""
                insert into payment (id, dossier_id, dossier_code, unit_tree_path, amount, currency, status, provider,
                                     open_dossier_id, created_by, created_at)
                values (:id, :dossierId, :code, :path, :amount, 'VND', 'CREATED', :provider, :dossierId, :by, :at)
                """).param("id", id).param("dossierId", dossierId).param("code", dossierCode).param("path", unitTreePath)
                .param("amount", amount).param("provider", provider).param("by", createdBy).param("at", utc(at)).update();
    }

    /** The dossier's open payment, locked until the transaction ends. */
    public Optional<Payment> lockOpen(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from payment where open_dossier_id = :d for update")
                .param("d", dossierId).query(PaymentRepository::row).optional().map(Row::payment);
    }

    /** A payment, locked until the transaction ends. */
    public Optional<Payment> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id for update")
                .param("id", id).query(PaymentRepository::row).optional().map(Row::payment);
    }

    public Optional<Payment> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = :id")
                .param("id", id).query(PaymentRepository::row).optional().map(Row::payment);
    }

    public void checkout(String id, String providerRef, String payUrl, String qrContent) {
        jdbc.sql("update payment set provider_ref = :ref, pay_url = :url, qr_content = :qr where id = :id")
                .param("ref", providerRef).param("url", payUrl).param("qr", qrContent).param("id", id).update();
    }

    /** The payment ends in {@code status}; it is no longer the dossier's open payment. */
    public void finish(String id, PaymentStatus status, Instant paidAt, String receiptNumber, Instant at) {
        jdbc.sql("""
                update payment set status = :status, paid_at = :paidAt, receipt_number = :receipt, finished_at = :at,
                       open_dossier_id = null
                 where id = :id and status = 'CREATED'
                """).param("status", status.name()).param("paidAt", utc(paidAt)).param("receipt", receiptNumber)
                .param("at", utc(at)).param("id", id).update();
    }

    /** The payments of a dossier, newest first. */
    public List<Payment> ofDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_id = :d order by created_at desc, id")
                .param("d", dossierId).query(PaymentRepository::row).list().stream().map(Row::payment).toList();
    }

    /** The payments created in [{@code from}, {@code to}). */
    public List<Row> createdBetween(Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from payment where created_at >= :from and created_at < :to order by created_at, id")
                .param("from", utc(from)).param("to", utc(to)).query(PaymentRepository::row).list();
    }

    public void logCallback(Instant at, String provider, String paymentId, String providerRef, PaymentStatus reported,
                            CallbackOutcome outcome) {
        jdbc.sql("""
                insert into payment_callback (received_at, provider, payment_id, provider_ref, reported_status, outcome)
                values (:at, :provider, :payment, :ref, :reported, :outcome)
                """).param("at", utc(at)).param("provider", provider).param("payment", clip(paymentId, 36))
                .param("ref", clip(providerRef, 100)).param("reported", reported == null ? null : reported.name())
                .param("outcome", outcome.name()).update();
    }

    /** The outcomes of the callbacks received for a payment, oldest first. */
    public List<CallbackOutcome> callbackOutcomes(String paymentId) {
        return jdbc.sql("select outcome from payment_callback where payment_id = :p order by id")
                .param("p", paymentId).query((rs, n) -> CallbackOutcome.valueOf(rs.getString(1))).list();
    }

    /** Claims a day's reconciliation: true for the one caller (on any node) that inserted its row. */
    public boolean claimReconciliation(LocalDate day, Instant at) {
        try {
            jdbc.sql("insert into payment_reconciliation (run_date, started_at) values (:d, :at)")
                    .param("d", day).param("at", utc(at)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    /** Forgets a day's reconciliation and its mismatches, so that it can be claimed and run again. */
    public void forgetReconciliation(LocalDate day) {
        jdbc.sql("delete from payment_mismatch where run_date = :d").param("d", day).update();
        jdbc.sql("delete from payment_reconciliation where run_date = :d").param("d", day).update();
    }

    public boolean reconciled(LocalDate day) {
        return jdbc.sql("select count(*) from payment_reconciliation where run_date = :d").param("d", day)
                .query(Integer.class).single() > 0;
    }

    public void finishReconciliation(LocalDate day, int checked, Instant at) {
        jdbc.sql("update payment_reconciliation set finished_at = :at, checked = :n where run_date = :d")
                .param("at", utc(at)).param("n", checked).param("d", day).update();
    }

    public void addMismatch(LocalDate day, Row row, String kind, PaymentStatus providerStatus, BigDecimal providerAmount) {
        Payment p = row.payment();
        jdbc.sql("""
                insert into payment_mismatch (run_date, payment_id, dossier_code, unit_tree_path, kind, local_status,
                                              gateway_status, local_amount, gateway_amount)
                values (:d, :p, :code, :path, :kind, :local, :remote, :amount, :remoteAmount)
                """).param("d", day).param("p", p.id()).param("code", p.dossierCode()).param("path", row.unitTreePath())
                .param("kind", kind).param("local", p.status().name())
                .param("remote", providerStatus == null ? null : providerStatus.name())
                .param("amount", p.amount()).param("remoteAmount", providerAmount).update();
    }

    /** A day's reconciliation, its mismatches limited to the units under {@code treePath} (all when null). */
    public Reconciliation reconciliation(LocalDate day, String treePath) {
        var run = jdbc.sql("select finished_at, checked from payment_reconciliation where run_date = :d").param("d", day)
                .query((rs, n) -> new Object[] {instant(rs, "finished_at"), (Integer) rs.getObject("checked", Integer.class)})
                .optional();
        String scope = treePath == null ? "" : " and unit_tree_path like :path";
        var query = jdbc.sql("""
                select payment_id, dossier_code, kind, local_status, gateway_status, local_amount, gateway_amount
                  from payment_mismatch where run_date = :d""" + scope + " order by id").param("d", day);
        if (treePath != null) query = query.param("path", treePath + "%");
        var mismatches = query.query((rs, n) -> new Reconciliation.Mismatch(rs.getString("payment_id"),
                rs.getString("dossier_code"), rs.getString("kind"), PaymentStatus.valueOf(rs.getString("local_status")),
                rs.getString("gateway_status") == null ? null : PaymentStatus.valueOf(rs.getString("gateway_status")),
                rs.getBigDecimal("local_amount"), rs.getBigDecimal("gateway_amount"))).list();
        return new Reconciliation(day, run.map(r -> (Instant) r[0]).orElse(null), run.map(r -> (Integer) r[1]).orElse(null),
                mismatches);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new Payment(rs.getString("id"), rs.getString("dossier_code"), rs.getBigDecimal("amount"),
                rs.getString("currency"), PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider"),
                rs.getString("provider_ref"), rs.getString("pay_url"), rs.getString("qr_content"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "paid_at"),
                instant(rs, "finished_at"), rs.getString("receipt_number")), rs.getString("unit_tree_path"));
    }

    private static String clip(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
