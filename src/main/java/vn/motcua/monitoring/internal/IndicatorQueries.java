package vn.motcua.monitoring.internal;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.shared.Database;

/**
 * The aggregate SQL behind the indicators: one pass over the period's dossiers, grouped by unit and procedure, every
 * count a conditional sum; no dossier is read into Java. Portable between H2 2.x and PostgreSQL 15.
 *
 * <p>The period's dossiers (the population): every dossier except online submissions still awaiting acceptance
 * (status 1) whose start ({@code accepted_at}, else {@code received_at}) is before the as-of instant and which had not
 * ended before the period's first instant. A dossier's end is the instant it was first processed (9: {@code
 * finished_at}, set once when it reaches 9), else returned (10), else refused (3) or withdrawn (7) ({@code
 * finished_at}), else, for a dossier whose processing is stopped (8), the instant its clock stopped.
 */
@Repository
public class IndicatorQueries {
    /** The end instant as defined above. */
    static final String END = "coalesce(d.finished_at, d.returned_at, case when d.status = 8 then d.clock_stopped_at end)";
    private static final String RESULT_END = "coalesce(d.finished_at, d.returned_at)";
    /**
     * On time at the as-of instant: more than one supplement request is late; an end before it is on time when not
     * after the due date; a clock stopped before it (5, 6, 8) is on time when it stopped by the due date (the due date
     * moves only when the clock runs again); otherwise the due date must not have passed; no due date, never late.
     */
    static final String ON_TIME = """
            case when d.supplement_count > 1 then 0
                 when %1$s < :asOf then case when d.due_at is null or %1$s <= d.due_at then 1 else 0 end
                 when d.clock_stopped_at < :asOf then case when d.due_at is null or d.clock_stopped_at <= d.due_at then 1 else 0 end
                 when d.due_at is null or d.due_at >= :asOf then 1 else 0 end""".formatted(RESULT_END);

    /**
     * Results returned before the as-of instant, counted before the procedure's result type is known: with a usable
     * attachment (4.2), issued electronically by MotCua with a signature (4.1), and both (4.2); and the online
     * dossiers whose result MotCua issued electronically with a signature before the as-of instant, returned or not
     * (DVC.1, for a procedure whose result is a paper document).
     */
    public record Returned(long withAttachment, long issued, long issuedWithAttachment, long onlineIssued) {
        static final Returned NONE = new Returned(0, 0, 0, 0);

        Returned plus(Returned o) {
            return new Returned(withAttachment + o.withAttachment, issued + o.issued, issuedWithAttachment + o.issuedWithAttachment,
                    onlineIssued + o.onlineIssued);
        }

        static Returned of(ResultSet rs) throws java.sql.SQLException {
            return new Returned(rs.getLong("returned_with_attachment"), rs.getLong("returned_e_result"),
                    rs.getLong("returned_attached_e_result"), rs.getLong("online_e_result"));
        }
    }

    /** One unit's and one procedure's counts, with its returned results before the procedure's result type is known. */
    public record Group(long unitId, String procedureCode, Figures figures, Returned returned) { }

    private final JdbcClient jdbc;
    /** For the register: rows fetched 500 at a time (PostgreSQL streams them inside a transaction). */
    private final NamedParameterJdbcTemplate streaming;
    private final AttachmentTable attachments;
    private final IndicatorSummary summary;
    private final Database database;

    IndicatorQueries(JdbcClient jdbc, DataSource dataSource, Database database, AttachmentTable attachments, IndicatorSummary summary) {
        this.jdbc = jdbc;
        this.database = database;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.attachments = attachments;
        this.summary = summary;
    }

    /** Whether attachments can be counted (the attachment table exists). */
    public boolean attachmentsAvailable() { return attachments.shape().isPresent(); }

    /**
     * The counts of the selected dossiers, one row per unit and procedure that has any. Where the database keeps the
     * summary of ended dossiers ({@link IndicatorSummary}, PostgreSQL) and the period holds whole months, those months
     * come from the summary and only the rest is read row by row: the dossiers ended in the period's first and last
     * partial months, those unfinished at its end, and, for the summarised dossiers, the facts that depend on where
     * the period starts or ends inside a month (a start after the period's first instant, a payment or a return before
     * its as-of instant). Otherwise {@link #direct}. Both give the same counts.
     */
    public List<Group> groups(Selection s) {
        return groups(s, true);
    }

    /**
     * As {@link #groups(Selection)}; without {@code attachments}, the counts of dossiers with an attachment (4.2) are
     * left at 0 and not read (the trends do not show them).
     */
    public List<Group> groups(Selection s, boolean attachments) {
        return groups(List.of(s), attachments).get(0);
    }

    /**
     * The counts of several selections (the periods of a trend), as {@link #groups(Selection, boolean)} gives each; the
     * summary is brought up to date once for all of them.
     */
    public List<List<Group>> groups(List<Selection> selections, boolean attachments) {
        if (selections.stream().allMatch(Selection::empty)) return selections.stream().map(s -> List.<Group>of()).toList();
        boolean summarised = summary.available();
        if (summarised) summary.refresh();
        tune();
        return selections.stream().map(s -> s.empty() ? List.<Group>of()
                : summarised ? summarised(s, attachments) : rows(s, whole(s), false, attachments)).toList();
    }

    /** A selection's dossiers ended since its first instant, and the unfinished: all of them. */
    private static List<Instant[]> whole(Selection s) {
        return List.<Instant[]>of(new Instant[] {s.from(), null});
    }

    /** {@link #groups(Selection, boolean)} from an up-to-date summary (the caller tuned the transaction). */
    private List<Group> summarised(Selection s, boolean attachments) {
        Map<String, Group> sums = new LinkedHashMap<>();
        var core = summary.core(s.from(), s.asOf());
        core.ifPresent(c -> {
            // the whole months
            Map<String, Object> p = new HashMap<>();
            jdbc.sql(summarySql(s, c, p)).params(p).query(rs -> {
                add(sums, rs.getLong("unit_id"), rs.getString("procedure_code"), new Figures(rs.getLong("dossiers"),
                        rs.getLong("received"), rs.getLong("on_time"), rs.getLong("dossiers"), rs.getLong("processed"),
                        rs.getLong("working_seconds"), rs.getLong("online"), rs.getLong("fee_due"),
                        rs.getLong("paid_online"), rs.getLong("returned"), 0, rs.getLong("with_attachment"), 0, rs.getLong("rated"), rs.getLong("negative"),
                        rs.getLong("supplemented_twice")), Returned.of(rs));
            });
            // their facts at the period's edges
            Map<String, Object> e = new HashMap<>();
            String edges = edgeSql(s, c, e);
            if (edges != null) {
                jdbc.sql(edges).params(e).query(rs -> {
                    add(sums, rs.getLong("unit_id"), rs.getString("procedure_code"), new Figures(0, rs.getLong("received"), 0,
                            0, 0, 0, 0, 0, rs.getLong("paid_online"), rs.getLong("returned"), 0, 0, 0, 0, 0, 0),
                            Returned.of(rs));
                });
            }
        });
        // The rest, row by row: ended before the whole months, or after them (or, without whole months, since the period
        // began) up to the last month in which a dossier started before the as-of instant ended (the summary knows it),
        // or unfinished. A change committed while the report runs may be seen by one statement and not another, as with
        // any report of several statements.
        Instant after = core.map(IndicatorSummary.Core::end).orElse(s.from());
        Map<String, Object> u = new HashMap<>();
        u.put("afterMonth", IndicatorSummary.month(after));
        u.put("asOfMonth", IndicatorSummary.month(s.asOf().minusNanos(1)));
        int lastMonth = jdbc.sql("select max(end_month) from indicator_month where end_month >= :afterMonth "
                + "and start_month <= :asOfMonth").params(u).query((rs, n) -> rs.getObject(1) == null ? 0 : rs.getInt(1)).single();
        List<Instant[]> ranges = new ArrayList<>();
        core.filter(c -> s.from().isBefore(c.start())).ifPresent(c -> ranges.add(new Instant[] {s.from(), c.start()}));
        if (lastMonth > 0) ranges.add(new Instant[] {after, IndicatorSummary.monthStart(lastMonth + 1)});
        for (Group g : rows(s, ranges, true, attachments)) add(sums, g.unitId(), g.procedureCode(), g.figures(), g.returned());
        return new ArrayList<>(sums.values());
    }

    /** The counts of the selected dossiers read row by row (no summary): the reference {@link #groups} agrees with. */
    public List<Group> direct(Selection s) {
        if (s.empty()) return List.of();
        tune();
        return rows(s, whole(s), false, true);
    }

    private static void add(Map<String, Group> sums, long unitId, String procedureCode, Figures f, Returned returned) {
        sums.merge(unitId + "/" + procedureCode, new Group(unitId, procedureCode, f, returned),
                (a, b) -> new Group(unitId, procedureCode, a.figures().plus(b.figures()), a.returned().plus(b.returned())));
    }

    /**
     * Two statements over the selected dossiers ended in {@code ranges} ([from, to), to null: open-ended) or unfinished:
     * their facts (read from the covering index {@code ix_dossier_indicators} alone), and, when the attachment table
     * exists, those of them with a usable attachment (a semi-join).
     */
    private List<Group> rows(Selection s, List<Instant[]> ranges, boolean flags, boolean withAttachment) {
        Map<String, Object> params = new HashMap<>();
        Map<String, long[]> withAttachments = new HashMap<>();
        Map<String, long[]> issued = new HashMap<>();
        if (withAttachment && !flags) {
            var shape = attachments.shape();
            shape.ifPresent(sh -> {
                Map<String, Object> p = new HashMap<>();
                jdbc.sql(attachmentSql(s, ranges, p, sh)).params(p).query(rs -> {
                    withAttachments.put(rs.getLong("unit_id") + "/" + rs.getString("procedure_code"),
                            new long[] {rs.getLong("with_attachment"), rs.getLong("returned_with_attachment")});
                });
            });
            Map<String, Object> p = new HashMap<>();
            jdbc.sql(issuedSql(s, ranges, p, shape.orElse(null))).params(p).query(rs -> {
                issued.put(rs.getLong("unit_id") + "/" + rs.getString("procedure_code"), new long[] {rs.getLong("returned_e_result"),
                        rs.getLong("returned_attached_e_result"), rs.getLong("online_e_result")});
            });
        }
        return jdbc.sql(factsSql(s, ranges, params, flags ? FLAGS : RATING_JOINED)).params(params).query((rs, n) -> {
            String key = rs.getLong("unit_id") + "/" + rs.getString("procedure_code");
            long[] a = flags ? new long[] {rs.getLong("with_attachment"), rs.getLong("returned_with_attachment")}
                    : withAttachments.getOrDefault(key, new long[2]);
            long[] e = flags ? new long[] {rs.getLong("returned_e_result"), rs.getLong("returned_attached_e_result"),
                    rs.getLong("online_e_result")} : issued.getOrDefault(key, new long[3]);
            return new Group(rs.getLong("unit_id"), rs.getString("procedure_code"),
                    new Figures(rs.getLong("dossiers"), rs.getLong("received"), rs.getLong("on_time"), rs.getLong("ended"),
                            rs.getLong("processed"), rs.getLong("working_seconds"), rs.getLong("online"),
                            rs.getLong("fee_due"), rs.getLong("paid_online"), rs.getLong("returned"), 0, a[0], 0,
                            rs.getLong("rated"), rs.getLong("negative"), rs.getLong("supplemented_twice")),
                    new Returned(a[1], e[0], e[1], e[2]));
        }).list();
    }

    /**
     * The whole months from the summary. A summarised dossier ended inside the period, so it counts and is ended; it
     * was received in the period when it started in those months (an earlier start inside the period is an edge); its
     * fee was paid, its result returned, before the as-of instant when that happened before the last whole month ends
     * (later ones inside the period are edges).
     */
    private static String summarySql(Selection s, IndicatorSummary.Core c, Map<String, Object> params) {
        var sql = new StringBuilder("""
                select m.unit_id, m.procedure_code, sum(m.dossiers) as dossiers,
                  sum(case when m.start_month >= :csMonth then m.dossiers else 0 end) as received,
                  sum(m.on_time) as on_time, sum(m.processed) as processed, sum(m.working_seconds) as working_seconds,
                  sum(m.online) as online, sum(m.fee_due) as fee_due,
                  sum(case when m.paid_month < :ceMonth then m.paid_online else 0 end) as paid_online,
                  sum(case when m.returned_month < :ceMonth then m.returned else 0 end) as returned,
                  sum(m.rated) as rated, sum(m.negative) as negative, sum(m.supplemented_twice) as supplemented_twice,
                  sum(m.with_attachment) as with_attachment,
                  sum(case when m.returned_month < :ceMonth then m.returned_with_attachment else 0 end) as returned_with_attachment,
                  sum(case when m.returned_month < :ceMonth then m.returned_e_result else 0 end) as returned_e_result,
                  sum(case when m.returned_month < :ceMonth then m.returned_attached_e_result else 0 end) as returned_attached_e_result,
                  sum(m.online_e_result) as online_e_result
                from indicator_month m
                """);
        if (s.treePath() != null || s.level() != null) sql.append(" join org_unit u on u.id = m.unit_id");
        sql.append(" where m.end_month >= :csMonth and m.end_month < :ceMonth");
        params.put("csMonth", c.startMonth());
        params.put("ceMonth", c.endMonth());
        appendUnitAndProcedure(sql, params, s, "m");
        return sql.append(" group by m.unit_id, m.procedure_code").toString();
    }

    /**
     * The summarised dossiers' facts that depend on the period's edges inside a month: started in the period before
     * its first whole month (received in the period); fee paid, result returned after its last whole month began and
     * before the as-of instant. Null when the period starts and ends on a month's first instant.
     */
    private static String edgeSql(Selection s, IndicatorSummary.Core c, Map<String, Object> params) {
        boolean early = s.from().isBefore(c.start());
        boolean late = c.end().isBefore(s.asOf());
        if (!early && !late) return null;
        String started = "(d.accepted_at >= :from and d.accepted_at < :cs or d.accepted_at is null and d.received_at >= :from and d.received_at < :cs)";
        String paid = "(d.fee_amount > 0 and d.paid_at >= :ce and d.paid_at < :asOf)";
        String returned = "(d.returned_at >= :ce and d.returned_at < :asOf)";
        String attached = "d.ind_attached";
        var sql = new StringBuilder("select d.unit_id, d.procedure_code, ")
                .append(early ? "sum(case when " + started + " then 1 else 0 end)" : "0").append(" as received, ")
                .append(late ? "sum(case when " + paid + " and d.payment_method = 'ONLINE' then 1 else 0 end)" : "0").append(" as paid_online, ")
                .append(late ? "sum(case when " + returned + " then 1 else 0 end)" : "0").append(" as returned, ")
                .append(late ? "sum(case when " + returned + " and " + attached + " then 1 else 0 end)" : "0")
                .append(" as returned_with_attachment, ")
                .append(late ? "sum(case when " + returned + " and d.ind_e_result then 1 else 0 end)" : "0")
                .append(" as returned_e_result, ")
                .append(late ? "sum(case when " + returned + " and " + attached + " and d.ind_e_result then 1 else 0 end)" : "0")
                .append(" as returned_attached_e_result, 0 as online_e_result from dossier d");
        if (s.treePath() != null || s.level() != null) sql.append(" join org_unit u on u.id = d.unit_id");
        sql.append(" where d.finished_at >= :cs and d.finished_at < :ce and (");
        List<String> any = new ArrayList<>();
        if (early) {
            any.add("d.accepted_at >= :from and d.accepted_at < :cs");
            any.add("d.received_at >= :from and d.received_at < :cs");
        }
        if (late) {
            any.add("d.paid_at >= :ce and d.paid_at < :asOf");
            any.add("d.returned_at >= :ce and d.returned_at < :asOf");
        }
        sql.append(String.join(" or ", any)).append(")");
        params.put("cs", utc(c.start()));
        params.put("ce", utc(c.end()));
        appendCommon(sql, params, s);
        return sql.append(" group by d.unit_id, d.procedure_code").toString();
    }

    /**
     * On PostgreSQL, for the rest of the caller's transaction: no JIT compilation (it costs a quarter of a second per
     * statement and gains nothing on these short aggregates), memory enough for the attachment semi-join to hash in
     * one batch, and plans made for each statement's own parameters. Nothing elsewhere, nor outside a transaction.
     */
    private void tune() {
        if (database.isPostgres() && org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("set local jit = off").update();
            jdbc.sql("set local work_mem = '64MB'").update();
            // a plan for the actual period: a generic plan of a prepared statement cannot know which index range is small
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
    }

    /** How the database runs the statements (EXPLAIN ANALYZE), line by line: for diagnosis and the benchmark. */
    public List<String> plan(Selection s) {
        tune();
        Map<String, Object> params = new HashMap<>();
        List<Instant[]> all = whole(s);
        var lines = new ArrayList<>(jdbc.sql("explain analyze " + factsSql(s, all, params, RATING_JOINED)).params(params)
                .query((rs, n) -> rs.getString(1)).list());
        attachments.shape().ifPresent(shape -> {
            Map<String, Object> p = new HashMap<>();
            lines.addAll(jdbc.sql("explain analyze " + attachmentSql(s, all, p, shape)).params(p)
                    .query((rs, n) -> rs.getString(1)).list());
        });
        return lines;
    }

    /**
     * The facts of one part; {@code %1$s} is the result's end (first processed, else returned), {@code %2$s} the end,
     * {@code %3$s} the join to the units when the criteria need it.
     */
    private static final String FACTS = """
            select d.unit_id, d.procedure_code,
              count(*) as dossiers,
              sum(case when coalesce(d.accepted_at, d.received_at) >= :from then 1 else 0 end) as received,
              sum(case when d.supplement_count > 1 then 0
                       when %1$s < :asOf then case when d.due_at is null or %1$s <= d.due_at then 1 else 0 end
                       when d.clock_stopped_at < :asOf then case when d.due_at is null or d.clock_stopped_at <= d.due_at then 1 else 0 end
                       when d.due_at is null or d.due_at >= :asOf then 1 else 0 end) as on_time,
              sum(case when %2$s < :asOf then 1 else 0 end) as ended,
              sum(case when d.status in (9, 10) and d.working_seconds is not null and %1$s >= :from and %1$s < :asOf
                       then 1 else 0 end) as processed,
              sum(case when d.status in (9, 10) and d.working_seconds is not null and %1$s >= :from and %1$s < :asOf
                       then d.working_seconds else 0 end) as working_seconds,
              sum(case when d.channel = 'ONLINE' then 1 else 0 end) as online,
              sum(case when d.fee_amount > 0 then 1 else 0 end) as fee_due,
              sum(case when d.fee_amount > 0 and d.paid_at < :asOf and d.payment_method = 'ONLINE' then 1 else 0 end) as paid_online,
              sum(case when d.returned_at < :asOf then 1 else 0 end) as returned,
              sum(case when %4$s then 1 else 0 end) as rated,
              sum(case when %5$s then 1 else 0 end) as negative,
              sum(case when d.supplement_count > 1 then 1 else 0 end) as supplemented_twice%7$s
            from dossier d
            %3$s
            %6$s
            """;
    private static final List<String> SUMMED = List.of("dossiers", "received", "on_time", "ended", "processed",
            "working_seconds", "online", "fee_due", "paid_online", "returned", "rated", "negative", "supplemented_twice");
    /**
     * The rating and attachment facts: joined (the rating) and semi-joined in a statement of their own (the
     * attachments); or, where the database keeps them on the dossier row (PostgreSQL: {@code ind_rated},
     * {@code ind_negative}, {@code ind_attached}, in the covering index), read from there in the same statement.
     */
    private static final String[] RATING_JOINED = {"r.dossier_id is not null",
            "r.dossier_id is not null and (r.complaint = true or r.score <= 2)", "left join dossier_rating r on r.dossier_id = d.id", ""};
    private static final String[] FLAGS = {"d.ind_rated", "d.ind_negative", "", """
            ,
              sum(case when d.ind_attached then 1 else 0 end) as with_attachment,
              sum(case when d.ind_attached and d.returned_at < :asOf then 1 else 0 end) as returned_with_attachment,
              sum(case when d.ind_e_result and d.returned_at < :asOf then 1 else 0 end) as returned_e_result,
              sum(case when d.ind_attached and d.ind_e_result and d.returned_at < :asOf then 1 else 0 end) as returned_attached_e_result,
              sum(case when d.channel = 'ONLINE' and d.ind_e_result and d.finished_at < :asOf then 1 else 0 end) as online_e_result"""};

    /**
     * The facts, as the union of two aggregates that each read one range of the covering index: the dossiers finished
     * since the period began (whose end is simply {@code finished_at}: it is set at the first 9, at 3 and at 7, and
     * never for a stopped dossier), and the unfinished ones ({@code finished_at} null); then added up.
     */
    private static String factsSql(Selection s, List<Instant[]> ranges, Map<String, Object> params, String[] rating) {
        var sum = new StringBuilder("select unit_id, procedure_code");
        for (String column : SUMMED) sum.append(", sum(").append(column).append(") as ").append(column);
        if (rating == FLAGS) sum.append(", sum(with_attachment) as with_attachment, sum(returned_with_attachment) as returned_with_attachment, "
                + "sum(returned_e_result) as returned_e_result, sum(returned_attached_e_result) as returned_attached_e_result, "
                + "sum(online_e_result) as online_e_result");
        sum.append(" from (");
        String units = s.treePath() != null || s.level() != null ? "join org_unit u on u.id = d.unit_id" : "";
        for (int part = 0; part <= ranges.size(); part++) {
            if (part > 0) sum.append(" union all ");
            boolean finished = part < ranges.size();
            var sql = new StringBuilder(finished ? FACTS.formatted("d.finished_at", "d.finished_at", units, rating[0], rating[1], rating[2], rating[3])
                    : FACTS.formatted(RESULT_END, END, units, rating[0], rating[1], rating[2], rating[3]));
            appendWhere(sql, params, s, finished ? ranges.get(part) : null, part);
            sql.append(" group by d.unit_id, d.procedure_code");
            sum.append(sql);
        }
        return sum.append(") parts group by unit_id, procedure_code").toString();
    }

    /** The dossiers of the population with at least one usable attachment, and those of them with a result returned. */
    private static String attachmentSql(Selection s, List<Instant[]> ranges, Map<String, Object> params,
                                        AttachmentTable.Shape shape) {
        var sum = new StringBuilder("select unit_id, procedure_code, sum(with_attachment) as with_attachment, "
                + "sum(returned_with_attachment) as returned_with_attachment from (");
        for (int part = 0; part <= ranges.size(); part++) {
            if (part > 0) sum.append(" union all ");
            var sql = new StringBuilder("""
                    select d.unit_id, d.procedure_code, count(*) as with_attachment,
                      sum(case when d.returned_at < :asOf then 1 else 0 end) as returned_with_attachment
                    from dossier d
                    """).append(s.treePath() != null || s.level() != null ? " join org_unit u on u.id = d.unit_id" : "");
            appendWhere(sql, params, s, part < ranges.size() ? ranges.get(part) : null, part);
            sql.append(" and exists (select 1 from attachment a where a.").append(shape.dossierColumn()).append(" = ")
                    .append(shape.dossierKey("d")).append(shape.rejectedState() ? " and a.state <> 'REJECTED'" : "").append(')');
            sql.append(" group by d.unit_id, d.procedure_code");
            sum.append(sql);
        }
        return sum.append(") parts group by unit_id, procedure_code").toString();
    }

    /**
     * The dossiers of the population whose result MotCua issued electronically with a signature
     * ({@code attachment_issued_result}): those returned, those of them with a usable attachment (a semi-join), and
     * the online ones whose result was issued (when they were processed, {@code finished_at}) before the as-of instant.
     */
    private static String issuedSql(Selection s, List<Instant[]> ranges, Map<String, Object> params,
                                    AttachmentTable.Shape shape) {
        var sum = new StringBuilder("select unit_id, procedure_code, sum(returned_e_result) as returned_e_result, "
                + "sum(returned_attached_e_result) as returned_attached_e_result, sum(online_e_result) as online_e_result from (");
        String attached = shape == null ? "0" : "case when exists (select 1 from attachment a where a." + shape.dossierColumn()
                + " = " + shape.dossierKey("d") + (shape.rejectedState() ? " and a.state <> 'REJECTED'" : "") + ") then 1 else 0 end";
        for (int part = 0; part <= ranges.size(); part++) {
            if (part > 0) sum.append(" union all ");
            var sql = new StringBuilder("select d.unit_id, d.procedure_code, ")
                    .append("sum(case when d.returned_at < :asOf then 1 else 0 end) as returned_e_result, ")
                    .append("sum(case when d.returned_at < :asOf then ").append(attached).append(" else 0 end) as returned_attached_e_result, ")
                    .append("sum(case when d.channel = 'ONLINE' and d.finished_at < :asOf then 1 else 0 end) as online_e_result from dossier d")
                    .append(s.treePath() != null || s.level() != null ? " join org_unit u on u.id = d.unit_id" : "");
            appendWhere(sql, params, s, part < ranges.size() ? ranges.get(part) : null, part);
            sql.append(" and (d.returned_at < :asOf or d.finished_at < :asOf) and exists (select 1 from attachment_issued_result r "
                    + "where r.dossier_code = d.code and r.signer is not null)");
            sql.append(" group by d.unit_id, d.procedure_code");
            sum.append(sql);
        }
        return sum.append(") parts group by unit_id, procedure_code").toString();
    }

    /**
     * The population's condition, with the unit, level and procedure criteria, appended as a where clause (the
     * dossier is {@code d}, its unit {@code u}): for the dossiers with {@code finished_at} in {@code range} ([from, to),
     * to null: no end; from not before the period's first instant), or, {@code range} null, for those without.
     */
    static void appendWhere(StringBuilder sql, Map<String, Object> params, Selection s, Instant[] range, int part) {
        if (range != null) {
            sql.append(" where d.finished_at >= :lo").append(part);
            params.put("lo" + part, utc(range[0]));
            if (range[1] != null) {
                sql.append(" and d.finished_at < :hi").append(part);
                params.put("hi" + part, utc(range[1]));
            }
        } else {
            sql.append(" where d.finished_at is null and (" + END + " is null or " + END + " >= :from)");
        }
        appendCommon(sql, params, s);
    }

    /** The population's condition in one where clause (both parts). */
    static void appendWhere(StringBuilder sql, Map<String, Object> params, Selection s) {
        sql.append(" where (d.finished_at >= :from or (d.finished_at is null and (").append(END).append(" is null or ")
                .append(END).append(" >= :from)))");
        appendCommon(sql, params, s);
    }

    private static void appendCommon(StringBuilder sql, Map<String, Object> params, Selection s) {
        sql.append("""
                 and d.status <> 1
                 and d.received_at < :asOf
                 and coalesce(d.accepted_at, d.received_at) < :asOf
                """);
        params.put("from", utc(s.from()));
        params.put("asOf", utc(s.asOf()));
        appendUnitAndProcedure(sql, params, s, "d");
    }

    /** The unit (its tree, {@code u}), level and procedure criteria, on the table aliased {@code alias}. */
    private static void appendUnitAndProcedure(StringBuilder sql, Map<String, Object> params, Selection s, String alias) {
        if (s.treePath() != null) {
            sql.append(" and u.tree_path like :path");
            params.put("path", s.treePath() + "%");
        }
        if (s.level() != null) {
            sql.append(" and u.unit_level = :level");
            params.put("level", s.level());
        }
        if (s.procedureCodes() != null) {
            sql.append(" and ").append(alias).append(".procedure_code in (:codes)");
            params.put("codes", s.procedureCodes());
        }
    }

    /** How many dossiers a unit received for applicants living in a commune ({@code residenceUnitId} null: not recorded). */
    public record ResidenceCount(long unitId, Long residenceUnitId, long dossiers) { }

    /**
     * The dossiers received in the period (for an online submission: accepted), by receiving unit and the applicant's
     * commune of residence: two index ranges (receipt, acceptance) of the period, not the whole table.
     */
    public List<ResidenceCount> residences(Selection s) {
        if (s.empty()) return List.of();
        var sql = new StringBuilder("""
                select d.unit_id, d.residence_unit_id, count(*) as n
                from dossier d join org_unit u on u.id = d.unit_id
                where (d.received_at >= :from and d.received_at < :asOf or d.accepted_at >= :from and d.accepted_at < :asOf)
                 and coalesce(d.accepted_at, d.received_at) >= :from""");
        Map<String, Object> params = new HashMap<>();
        appendCommon(sql, params, s);
        sql.append(" group by d.unit_id, d.residence_unit_id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long residence = rs.getLong("residence_unit_id");
            Long residenceId = rs.wasNull() ? null : residence;
            return new ResidenceCount(rs.getLong("unit_id"), residenceId, rs.getLong("n"));
        }).list();
    }

    /** One dossier of the tracking register. */
    public record RegisterLine(String code, String procedureCode, String applicantName, Instant receivedAt,
                               Instant dueAt, Instant finishedAt, Instant returnedAt, int status, int supplementCount,
                               String statusReason, boolean onTime, boolean carriedOver) { }

    /**
     * Streams the selected dossiers (the same population as the indicators) to {@code sink}, oldest receipt first,
     * at most {@code limit}; answers how many there were in all.
     */
    public long register(Selection s, int limit, Consumer<RegisterLine> sink) {
        if (s.empty()) return 0;
        var sql = new StringBuilder("""
                select d.code, d.procedure_code, d.applicant_name, d.received_at, d.due_at, d.finished_at, d.returned_at,
                  d.status, d.supplement_count, d.status_reason, %s as on_time,
                  case when coalesce(d.accepted_at, d.received_at) < :from then 1 else 0 end as carried_over
                from dossier d
                join org_unit u on u.id = d.unit_id
                """.formatted(ON_TIME));
        Map<String, Object> params = new HashMap<>();
        appendWhere(sql, params, s);
        sql.append(" order by d.received_at, d.code");
        long[] count = {0};
        streaming.query(sql.toString(), params, (ResultSet rs) -> {
            if (count[0]++ < limit) {
                sink.accept(new RegisterLine(rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("applicant_name"), instant(rs.getObject("received_at", OffsetDateTime.class)),
                        instant(rs.getObject("due_at", OffsetDateTime.class)),
                        instant(rs.getObject("finished_at", OffsetDateTime.class)),
                        instant(rs.getObject("returned_at", OffsetDateTime.class)), rs.getInt("status"),
                        rs.getInt("supplement_count"), rs.getString("status_reason"), rs.getInt("on_time") == 1,
                        rs.getInt("carried_over") == 1));
            }
        });
        return count[0];
    }

    /** An open dossier whose due date has passed or comes soon. */
    public record DueLine(String code, String procedureCode, String unitIdentifier, String unitName, int status,
                          Instant receivedAt, Instant dueAt) { }

    /**
     * Open dossiers whose clock runs (2, 4) due at or before {@code dueBefore}, in the units under {@code treePath} (null:
     * all), earliest due first, at most {@code limit}.
     */
    public List<DueLine> dueSoon(String treePath, List<String> procedureCodes, String level, Instant dueBefore, int limit) {
        if (procedureCodes != null && procedureCodes.isEmpty()) return List.of();
        var sql = new StringBuilder("""
                select d.code, d.procedure_code, u.identifier, u.name, d.status, d.received_at, d.due_at
                from dossier d join org_unit u on u.id = d.unit_id
                where d.due_at <= :before and d.finished_at is null and d.status in (2, 4)""");
        Map<String, Object> params = new HashMap<>();
        params.put("before", utc(dueBefore));
        if (treePath != null) {
            sql.append(" and u.tree_path like :path");
            params.put("path", treePath + "%");
        }
        if (level != null) {
            sql.append(" and u.unit_level = :level");
            params.put("level", level);
        }
        if (procedureCodes != null) {
            sql.append(" and d.procedure_code in (:codes)");
            params.put("codes", procedureCodes);
        }
        sql.append(" order by d.due_at, d.code limit ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new DueLine(rs.getString("code"),
                rs.getString("procedure_code"), rs.getString("identifier"), rs.getString("name"), rs.getInt("status"),
                instant(rs.getObject("received_at", OffsetDateTime.class)),
                instant(rs.getObject("due_at", OffsetDateTime.class)))).list();
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

    static Instant instant(OffsetDateTime value) { return value == null ? null : value.toInstant(); }
}
