package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.shared.BusinessRuleException;

/** Dossier storage (portable SQL for H2 and PostgreSQL). */
@Repository
class DossierRepository {
    /** A dossier row with what {@link #map} reads beside it: its unit's identifier and path, its residence's identifier. */
    static final String SELECT = """
            select d.*, u.identifier as unit_identifier, u.tree_path as unit_tree_path, r.identifier as residence_identifier
            from dossier d join org_unit u on u.id = d.unit_id left join org_unit r on r.id = d.residence_unit_id
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate nested;

    DossierRepository(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The next sequence number of a unit for a receipt day. The counter row is locked by the update until the
     * caller's transaction ends, so concurrent receipts queue on it and never share a number; a rolled-back receipt
     * gives its number back.
     */
    int nextSequence(long unitId, LocalDate day) {
        int updated = increment(unitId, day);
        if (updated == 0) {
            // First dossier of the day for this unit: create the counter under a savepoint of the same transaction
            // (same connection: no second connection to wait for), a concurrent creator winning the race
            // harmlessly; then take the number under the row lock as usual.
            try {
                nested.executeWithoutResult(s -> jdbc.sql(
                                "insert into dossier_code_sequence (unit_id, receipt_day, last_value) values (?, ?, 0)")
                        .params(unitId, day).update());
            } catch (DataIntegrityViolationException | ConcurrencyFailureException alreadyCreated) {
                // another receipt created it first; its row lock now orders us after it
            }
            updated = increment(unitId, day);
            if (updated == 0) throw new IllegalStateException("dossier code counter missing");
        }
        return jdbc.sql("select last_value from dossier_code_sequence where unit_id = ? and receipt_day = ?")
                .params(unitId, day).query(Integer.class).single();
    }

    private int increment(long unitId, LocalDate day) {
        return jdbc.sql("update dossier_code_sequence set last_value = last_value + 1 where unit_id = ? and receipt_day = ?")
                .params(unitId, day).update();
    }

    long insert(String code, String procedureCode, long unitId, Channel channel, DossierStatus status, Applicant applicant,
                String ownerUsername, Map<String, Object> formData, Instant receivedAt, Instant dueAt, String createdBy,
                java.math.BigDecimal feeAmount) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, applicant_id_number,
                          applicant_phone, applicant_email, applicant_address, owner_username, form_data, received_at, due_at, created_by,
                          fee_amount, tracking_key, residence_unit_id)
                        values (:code, :procedure, :unit, :channel, :status, :name, :idNumber, :phone, :email, :address, :owner,
                          :data, :receivedAt, :dueAt, :createdBy, :fee, :trackingKey,
                          (select id from org_unit where identifier = :residence))""")
                .param("residence", applicant.residence())
                .param("fee", feeAmount == null ? java.math.BigDecimal.ZERO : feeAmount)
                .param("trackingKey", newTrackingKey())
                .param("code", code).param("procedure", procedureCode).param("unit", unitId)
                .param("channel", channel.name()).param("status", status.code())
                .param("name", applicant.fullName()).param("idNumber", applicant.idNumber())
                .param("phone", applicant.phone()).param("email", applicant.email()).param("address", applicant.address())
                .param("owner", ownerUsername).param("data", toJson(formData))
                .param("receivedAt", utc(receivedAt)).param("dueAt", utc(dueAt)).param("createdBy", createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Eight random digits: the tracking key printed on the receipt (a few failed tries lock the code: not guessable). */
    static String newTrackingKey() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    /** The dossier's tracking key; empty for a dossier received before keys were printed (or imported). */
    Optional<String> trackingKey(long dossierId) {
        return jdbc.sql("select tracking_key from dossier where id = ?").param(dossierId).query(String.class).list().stream()
                .filter(k -> k != null && !k.isBlank()).findFirst();
    }

    /** Locks the dossier's row until the transaction ends: appends to one dossier's audit trail are serialised by it. */
    void lock(long dossierId) {
        jdbc.sql("select id from dossier where id = ? for update").param(dossierId).query(Long.class).single();
    }

    Optional<Dossier> findByCode(String code) {
        return jdbc.sql(SELECT + " where d.code = ?").param(code).query(this::map).optional();
    }

    /** Saves the mutable state; refuses a concurrent change made since the dossier was read. */
    void update(Dossier d) {
        int rows = jdbc.sql("""
                        update dossier set status = :status, due_at = :dueAt, finished_at = :finishedAt, returned_at = :returnedAt,
                          process_instance_id = :pid, current_step = :step, accepted_at = :acceptedAt,
                          clock_stopped_at = :stoppedAt, stopped_seconds = :stoppedSeconds, supplement_count = :supplements,
                          status_reason = :reason, extended_due_at = :extendedDue, working_seconds = :workingSeconds,
                          payment_method = :paymentMethod, paid_at = :paidAt, version = version + 1
                        where id = :id and version = :version""")
                .param("acceptedAt", utc(d.acceptedAt())).param("stoppedAt", utc(d.clockStoppedAt()))
                .param("stoppedSeconds", d.stoppedSeconds()).param("supplements", d.supplementCount())
                .param("reason", d.statusReason()).param("extendedDue", utc(d.extendedDueAt()))
                .param("workingSeconds", d.workingSeconds()).param("paymentMethod", d.paymentMethod()).param("paidAt", utc(d.paidAt()))
                .param("status", d.status().code()).param("dueAt", utc(d.dueAt()))
                .param("finishedAt", utc(d.finishedAt())).param("returnedAt", utc(d.returnedAt()))
                .param("pid", d.processInstanceId()).param("step", d.currentStep())
                .param("id", d.id()).param("version", d.version())
                .update();
        if (rows == 0) throw new BusinessRuleException("dossier.concurrentChange", d.code());
    }

    /** An open dossier of a unit: its id, code and status. */
    record OpenDossier(long id, String code, DossierStatus status) { }

    /**
     * The dossiers of a unit not yet ended (every status but refused, withdrawn and returned, and stopped when the stop
     * ended the dossier).
     */
    List<OpenDossier> openOf(long unitId) {
        return jdbc.sql("""
                        select id, code, status from dossier
                        where unit_id = ? and (status in (1, 2, 4, 5, 6, 9) or (status = 8 and finished_at is null)) order by id""")
                .param(unitId)
                .query((rs, n) -> new OpenDossier(rs.getLong(1), rs.getString(2), DossierStatus.ofCode(rs.getInt(3))))
                .list();
    }

    /**
     * The applicants of open dossiers who lived in a merged commune live in its successor now (ended dossiers keep
     * what was recorded); answers how many dossiers changed.
     */
    int moveResidence(long fromUnitId, long toUnitId) {
        return jdbc.sql("update dossier set residence_unit_id = ? where residence_unit_id = ? and finished_at is null")
                .params(toUnitId, fromUnitId).update();
    }

    /** Hands a dossier to another unit (its code, history and dates stay as they are). */
    void moveToUnit(long dossierId, long unitId) {
        jdbc.sql("update dossier set unit_id = ?, version = version + 1 where id = ?").params(unitId, dossierId).update();
    }

    /** Dossiers in the caller's scope, newest first. */
    List<Dossier> search(DossierScope scope, DossierStatus status, String text, int limit) {
        var sql = new StringBuilder(SELECT).append(" where 1 = 1");
        var params = new ArrayList<Object>();
        scope.appendTo(sql, params);
        if (status != null) {
            sql.append(" and d.status = ?");
            params.add(status.code());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (lower(d.code) like ? escape '\\' or lower(d.applicant_name) like ? escape '\\')");
            String like = vn.motcua.shared.SqlPatterns.containing(text.trim().toLowerCase(java.util.Locale.ROOT));
            params.add(like);
            params.add(like);
        }
        sql.append(" order by d.received_at desc, d.id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** The dossiers a unit received in a period (receipt days in Vietnamese time, both included), by code. */
    List<Dossier> receivedBetween(long unitId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where d.unit_id = ? and d.received_at >= ? and d.received_at < ? order by d.code")
                .params(unitId, utc(from), utc(to)).query(this::map).list();
    }

    void recordStep(long dossierId, String taskId, String stepKey, String stepName, String actor, Instant startedAt,
                    Instant completedAt, Map<String, Object> data, Instant dueAt) {
        jdbc.sql("""
                        insert into dossier_step (dossier_id, task_id, step_key, step_name, actor, started_at, completed_at, data, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, taskId, stepKey, stepName, actor, utc(startedAt), utc(completedAt), toJson(data), utc(dueAt))
                .update();
    }

    /** Whether the dossier has been rated. */
    boolean rated(long dossierId) {
        return jdbc.sql("select count(*) from dossier_rating where dossier_id = ?").param(dossierId).query(Long.class).single() > 0;
    }

    /** Records or replaces the applicant's rating. */
    void rate(long dossierId, int score, boolean complaint, String comment, String criteria, Instant at) {
        int updated = jdbc.sql("update dossier_rating set score = ?, complaint = ?, comment = ?, criteria = ?, rated_at = ? where dossier_id = ?")
                .params(score, complaint, comment, criteria, utc(at), dossierId).update();
        if (updated == 0) {
            jdbc.sql("insert into dossier_rating (dossier_id, score, complaint, comment, criteria, rated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(dossierId, score, complaint, comment, criteria, utc(at)).update();
        }
    }

    /** The criteria the applicant chose when rating the dossier (none when not rated or none chosen). */
    java.util.Set<RatingCriterion> ratingCriteria(long dossierId) {
        return RatingCriterion.parse(jdbc.sql("select criteria from dossier_rating where dossier_id = ?").param(dossierId)
                .query(String.class).optional().orElse(null));
    }

    /** Records the components the desk checked on paper (each once per dossier). */
    void checkComponents(long dossierId, java.util.Collection<String> componentCodes, String checkedBy, Instant at) {
        for (String code : new java.util.LinkedHashSet<>(componentCodes)) {
            jdbc.sql("insert into dossier_component_check (dossier_id, component_code, checked_by, checked_at) values (?, ?, ?, ?)")
                    .params(dossierId, code, checkedBy, utc(at)).update();
        }
    }

    /** The components the desk checked on paper, in the order they were checked. */
    List<CheckedComponent> checkedComponents(long dossierId) {
        return jdbc.sql("select * from dossier_component_check where dossier_id = ? order by checked_at, component_code")
                .param(dossierId)
                .query((rs, n) -> new CheckedComponent(rs.getString("component_code"), rs.getString("checked_by"),
                        instant(rs, "checked_at")))
                .list();
    }

    /** The reason given when the dossier last entered a status (from its audit trail). */
    Optional<String> lastReason(long dossierId, int status) {
        return jdbc.sql("select detail from dossier_event where dossier_id = ? and status_after = ? and detail is not null order by seq desc limit 1")
                .params(dossierId, status).query(String.class).optional();
    }

    List<DossierStep> steps(long dossierId) {
        return jdbc.sql("select * from dossier_step where dossier_id = ? order by completed_at, id").param(dossierId)
                .query((rs, n) -> new DossierStep(rs.getString("task_id"), rs.getString("step_key"), rs.getString("step_name"),
                        rs.getString("actor"), instant(rs, "started_at"), instant(rs, "completed_at"), fromJson(rs.getString("data")),
                        instant(rs, "due_at")))
                .list();
    }

    Dossier map(ResultSet rs, int row) throws SQLException {
        long working = rs.getLong("working_seconds");
        Long workingSeconds = rs.wasNull() ? null : working;
        return Dossier.stored().id(rs.getLong("id")).code(rs.getString("code")).procedureCode(rs.getString("procedure_code"))
                .unit(rs.getLong("unit_id"), rs.getString("unit_identifier"), rs.getString("unit_tree_path"))
                .channel(Channel.valueOf(rs.getString("channel"))).status(DossierStatus.ofCode(rs.getInt("status")))
                .applicant(new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                        rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address"),
                        rs.getString("residence_identifier")))
                .ownerUsername(rs.getString("owner_username")).formData(fromJson(rs.getString("form_data")))
                .receivedAt(instant(rs, "received_at")).dueAt(instant(rs, "due_at"))
                .finishedAt(instant(rs, "finished_at")).returnedAt(instant(rs, "returned_at"))
                .processInstanceId(rs.getString("process_instance_id")).currentStep(rs.getString("current_step"))
                .createdBy(rs.getString("created_by")).version(rs.getInt("version"))
                .acceptedAt(instant(rs, "accepted_at")).clockStoppedAt(instant(rs, "clock_stopped_at"))
                .stoppedSeconds(rs.getLong("stopped_seconds")).supplementCount(rs.getInt("supplement_count"))
                .statusReason(rs.getString("status_reason")).extendedDueAt(instant(rs, "extended_due_at"))
                .workingSeconds(workingSeconds).feeAmount(rs.getBigDecimal("fee_amount"))
                .paymentMethod(rs.getString("payment_method")).paidAt(instant(rs, "paid_at"))
                .build();
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private String toJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data == null ? Map.of() : data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("form data cannot be stored as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form data is not JSON", e);
        }
    }
}
