package vn.motcua.monitoring.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.shared.Database;
import vn.motcua.shared.Formats;

/**
 * The summary of ended dossiers behind the indicators on PostgreSQL (table {@code indicator_month}, migration
 * {@code db/vendor/postgresql/V21}): per unit and procedure, the dossiers that share the month of their end
 * ({@code finished_at}), of their start (acceptance, else receipt), of their fee payment and of their return, with every
 * count the indicators need. Months are {@code year * 12 + month} in Asia/Ho_Chi_Minh.
 *
 * <p>Exactness: database triggers append the month of every ended dossier whose counted facts change (the dossier,
 * its rating, its attachments) to {@code indicator_dirty} in the writer's own transaction; {@link #refresh()}
 * recomputes those months before a report reads the summary. A report uses only the months wholly inside its period
 * ({@link Core}); what depends on where the period starts or ends inside a month is corrected row by row
 * (see {@code IndicatorQueries}). On H2 there is no summary and {@link #core} is always empty.
 */
@Component
public class IndicatorSummary {
    private static final Logger log = LoggerFactory.getLogger(IndicatorSummary.class);
    private static final ZoneId ZONE = Formats.ZONE;
    /** The advisory lock that serialises refreshes across nodes. */
    private static final long LOCK = 766_021L;

    /**
     * The whole months of a period the summary answers: [{@code start}, {@code end}), as instants and month numbers.
     */
    public record Core(Instant start, Instant end, int startMonth, int endMonth) { }

    private final JdbcClient jdbc;
    private final Database database;
    private final TransactionTemplate separate;
    private final AttachmentTable attachments;
    private volatile Boolean available;

    IndicatorSummary(JdbcClient jdbc, PlatformTransactionManager transactions, Database database,
                     AttachmentTable attachments) {
        this.jdbc = jdbc;
        this.database = database;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.attachments = attachments;
    }

    /** The month number of an instant: {@code year * 12 + month} of its date in Asia/Ho_Chi_Minh. */
    public static int month(Instant instant) {
        LocalDate date = instant.atZone(ZONE).toLocalDate();
        return date.getYear() * 12 + date.getMonthValue();
    }

    /** The first instant of a month number. */
    public static Instant monthStart(int month) {
        int year = (month - 1) / 12;
        int m = month - year * 12;
        return YearMonth.of(year, m).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * The whole months inside [{@code from}, {@code asOf}) the summary can answer for, or empty when there is none, or
     * no summary (H2, or an attachment table of another shape).
     */
    public Optional<Core> core(Instant from, Instant asOf) {
        if (!available()) return Optional.empty();
        int first = month(from);
        if (monthStart(first).isBefore(from)) first++;
        int end = month(asOf);
        if (end <= first) return Optional.empty();
        return Optional.of(new Core(monthStart(first), monthStart(end), first, end));
    }

    /** Whether this database has the summary: PostgreSQL with the V21 migration and the attachment table by code. */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = database.isPostgres() && database.hasTable("indicator_month");
            var shape = attachments.shape();
            known = known && shape.isPresent() && "dossier_code".equals(shape.get().dossierColumn()) && shape.get().rejectedState();
            available = known;
        }
        return known;
    }

    /**
     * Recomputes the months marked dirty, in a transaction of its own, one node at a time. The marks are taken by
     * deleting them (a mark written by a transaction that has not committed yet stays for the next refresh), so a
     * change is never lost; a failure rolls everything back. Cheap when nothing is marked.
     *
     * @return the months recomputed
     */
    public int refresh() {
        if (!available()) return 0;
        Integer done = separate.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query((rs, n) -> 0).list();
            List<Integer> months = jdbc.sql("""
                    with taken as (delete from indicator_dirty returning month)
                    select distinct month from taken order by month""").query(Integer.class).list();
            if (months.isEmpty()) return 0;
            jdbc.sql("set local jit = off").update();
            jdbc.sql("set local work_mem = '64MB'").update();
            for (int[] run : runs(months)) recompute(run[0], run[1]);
            return months.size();
        });
        return done == null ? 0 : done;
    }

    /** Consecutive months as [first, last] runs. */
    static List<int[]> runs(List<Integer> months) {
        List<int[]> runs = new ArrayList<>();
        for (int m : months) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == m - 1) runs.get(runs.size() - 1)[1] = m;
            else runs.add(new int[] {m, m});
        }
        return runs;
    }

    private void recompute(int first, int last) {
        Map<String, Object> p = new HashMap<>();
        p.put("first", first);
        p.put("last", last);
        p.put("lo", IndicatorQueries.utc(monthStart(first)));
        p.put("hi", IndicatorQueries.utc(monthStart(last + 1)));
        jdbc.sql("delete from indicator_month where end_month >= :first and end_month <= :last").params(p).update();
        jdbc.sql("""
                insert into indicator_month (unit_id, procedure_code, end_month, start_month, paid_month, returned_month,
                  dossiers, on_time, processed, working_seconds, online, fee_due, paid_online, returned, rated, negative,
                  supplemented_twice, with_attachment, returned_with_attachment, returned_e_result, returned_attached_e_result,
                  online_e_result)
                select unit_id, procedure_code, indicator_month_of(finished_at), indicator_month_of(started_at),
                  case when fee_amount > 0 and paid_at is not null then indicator_month_of(paid_at) end,
                  indicator_month_of(returned_at),
                  count(*),
                  sum(case when supplement_count > 1 then 0 when due_at is null or finished_at <= due_at then 1 else 0 end),
                  sum(case when status in (9, 10) and working_seconds is not null then 1 else 0 end),
                  sum(case when status in (9, 10) and working_seconds is not null then working_seconds else 0 end),
                  sum(case when channel = 'ONLINE' then 1 else 0 end),
                  sum(case when fee_amount > 0 then 1 else 0 end),
                  sum(case when fee_amount > 0 and paid_at is not null and payment_method = 'ONLINE' then 1 else 0 end),
                  sum(case when returned_at is not null then 1 else 0 end),
                  sum(case when rated then 1 else 0 end),
                  sum(case when negative then 1 else 0 end),
                  sum(case when supplement_count > 1 then 1 else 0 end),
                  sum(case when attached then 1 else 0 end),
                  sum(case when attached and returned_at is not null then 1 else 0 end),
                  sum(case when e_result and returned_at is not null then 1 else 0 end),
                  sum(case when attached and e_result and returned_at is not null then 1 else 0 end),
                  sum(case when e_result and channel = 'ONLINE' then 1 else 0 end)
                from (
                  select d.unit_id, d.procedure_code, d.finished_at, coalesce(d.accepted_at, d.received_at) as started_at,
                    d.fee_amount, d.paid_at, d.payment_method, d.returned_at, d.supplement_count, d.due_at, d.status,
                    d.working_seconds, d.channel, d.ind_rated as rated, d.ind_negative as negative,
                    d.ind_attached as attached, d.ind_e_result as e_result
                  from dossier d
                  where d.finished_at >= :lo and d.finished_at < :hi and d.status <> 1
                ) f
                group by 1, 2, 3, 4, 5, 6""").params(p).update();
    }

    /** Builds the summary in the background when the application starts (the migration marks every month). */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!available()) return;
        Thread thread = new Thread(() -> {
            try {
                long t = System.nanoTime();
                int months = refresh();
                if (months > 0) log.info("Indicator summary: {} months recomputed in {} ms", months, (System.nanoTime() - t) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Indicator summary not built at start (the first report builds it): {}", e.getMessage());
            }
        }, "indicator-summary");
        thread.setDaemon(true);
        thread.start();
    }
}
