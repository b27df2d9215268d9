package vn.motcua.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.ClusterNode;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;

/**
 * Operational metrics for the operations centre, through Micrometer (with micrometer-registry-prometheus on the
 * classpath they appear at {@code /actuator/prometheus}, for administrators and supervisors). Tags carry unit
 * identifiers and procedure codes only, never anything about a person.
 * <ul>
 *   <li>{@code motcua.dossiers.received} (counter; unit, procedure): dossiers received or accepted, counted when the
 *       transaction commits;</li>
 *   <li>{@code motcua.dossiers.finished} (counter; unit, outcome processed/refused/withdrawn);</li>
 *   <li>{@code motcua.dossiers.open}, {@code motcua.dossiers.overdue} (gauges; unit): dossiers not ended, and those
 *       of them whose clock runs past their due date;</li>
 *   <li>{@code motcua.tasks.open} (gauge; unit): open user tasks waiting at the unit (its candidate groups);</li>
 *   <li>{@code motcua.jobs.backlog}, {@code motcua.jobs.failed} (gauges): the engine's jobs due now, and jobs with no
 *       retries left.</li>
 * </ul>
 * The gauges read the database at most every {@value #REFRESH_MILLIS} ms, whatever the scrape rate. They count what the
 * whole cluster holds, so only one node exports them: the live node that has run the longest ({@link ClusterNode}); the
 * others do not, so that a sum over the nodes counts a dossier once (a node that joins never takes over from it); when
 * that node stops, the next takes over once its heartbeat is stale and at the next check (under a minute). The counters are each node's own events and are exported by every node. Other capabilities
 * add their own meters to the same registry (e.g. the attachment module's extraction queue as
 * {@code motcua.attachments.extraction.queue}).
 */
@Component
public class OperationsMetrics {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OperationsMetrics.class);
    private final Clock clock;
    static final long REFRESH_MILLIS = 30_000;

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ManagementService management;
    private final OrganisationService organisation;
    private final ClusterNode node;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();
    /** The gauges read from the database this node exports now (none while another node reports). */
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();
    private volatile boolean reporting;
    private ScheduledExecutorService follower;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of(), Map.of(), 0, 0);

    private record Snapshot(long takenAt, Map<Long, Long> open, Map<Long, Long> overdue, Map<Long, Long> tasks,
                            long jobs, long failedJobs) { }

    OperationsMetrics(MeterRegistry registry, JdbcClient jdbc, TaskService tasks, ManagementService management,
                      OrganisationService organisation, Clock clock, ClusterNode node) {
        this.node = node;
        this.clock = clock;
        this.registry = registry;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.management = management;
        this.organisation = organisation;
    }

    /** Exports the gauges if this node is the one to, and checks that again every refresh interval. */
    @EventListener(ApplicationReadyEvent.class)
    void registerUnits() {
        followQuietly();
        if (follower != null) return;
        follower = vn.motcua.shared.BackgroundRounds.scheduler("metrics-reporter");
        follower.scheduleWithFixedDelay(this::followQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("Metrics reporter check failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (follower != null) follower.shutdownNow();
    }

    /**
     * Exports the gauges read from the database when this node is the live node that has run the longest, withdraws
     * them otherwise. Run every refresh interval (public for the operations' tests).
     *
     * @return whether this node exports them now
     */
    public synchronized boolean follow() {
        boolean first = node.id().equals(node.eldestLiveNode());
        if (first && !reporting) {
            reporting = true;
            gauges.add(Gauge.builder("motcua.jobs.backlog", this, m -> m.fresh().jobs())
                    .description("Jobs of the engine due now, waiting for the job executor").register(registry));
            gauges.add(Gauge.builder("motcua.jobs.failed", this, m -> m.fresh().failedJobs())
                    .description("Jobs of the engine with no retries left").register(registry));
            organisation.units().forEach(this::register);
        } else if (!first && reporting) {
            reporting = false;
            gauges.forEach(registry::remove);
            gauges.clear();
            registered.clear();
        }
        return reporting;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void received(DossierEvents.DossierReceived event) {
        Counter.builder("motcua.dossiers.received").description("Dossiers received (online ones when accepted)")
                .tag("unit", event.unitIdentifier()).tag("procedure", event.procedureCode())
                .register(registry).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(DossierEvents.DossierStatusChanged event) {
        String outcome = event.to() == DossierStatus.PROCESSED ? "processed" : event.to() == DossierStatus.REFUSED ? "refused"
                : event.to() == DossierStatus.WITHDRAWN ? "withdrawn" : null;
        if (outcome == null) return;
        int dash = event.code().indexOf('-');
        String unit = dash > 0 ? event.code().substring(0, dash) : "unknown";
        Counter.builder("motcua.dossiers.finished").description("Dossiers ended: processed, refused or withdrawn")
                .tag("unit", unit).tag("outcome", outcome).register(registry).increment();
    }

    private void register(Unit unit) {
        if (!reporting || !registered.add(unit.id())) return;
        long id = unit.id();
        gauges.add(Gauge.builder("motcua.dossiers.open", this, m -> m.fresh().open().getOrDefault(id, 0L))
                .description("Dossiers not ended (received, in process, clock stopped)").tag("unit", unit.identifier())
                .register(registry));
        gauges.add(Gauge.builder("motcua.dossiers.overdue", this, m -> m.fresh().overdue().getOrDefault(id, 0L))
                .description("Dossiers in process past their due date").tag("unit", unit.identifier()).register(registry));
        gauges.add(Gauge.builder("motcua.tasks.open", this, m -> m.fresh().tasks().getOrDefault(id, 0L))
                .description("Open user tasks waiting at the unit").tag("unit", unit.identifier()).register(registry));
    }

    /** The figures, read again when older than the refresh interval. */
    private Snapshot fresh() {
        Snapshot s = snapshot;
        if (clock.millis() - s.takenAt() < REFRESH_MILLIS) return s;
        synchronized (this) {
            if (clock.millis() - snapshot.takenAt() < REFRESH_MILLIS) return snapshot;
            snapshot = read();
            return snapshot;
        }
    }

    private Snapshot read() {
        var open = new ConcurrentHashMap<Long, Long>();
        var overdue = new ConcurrentHashMap<Long, Long>();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        select d.unit_id, count(*) as open_count,
                          sum(case when d.status in (2, 4) and d.due_at < ? then 1 else 0 end) as overdue_count
                        from dossier d where d.finished_at is null and d.status in (2, 4, 5, 6, 8) group by d.unit_id""")
                .param(now).query(rs -> {
                    open.put(rs.getLong(1), rs.getLong(2));
                    overdue.put(rs.getLong(1), rs.getLong(3));
                });
        var waiting = new ConcurrentHashMap<Long, Long>();
        List<Unit> units = organisation.units();
        for (Unit unit : units) {
            register(unit);
            List<String> groups = List.of(Role.CLERK.groupAt(unit.identifier()), Role.SPECIALIST.groupAt(unit.identifier()),
                    Role.LEADER.groupAt(unit.identifier()));
            long count = tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().count();
            if (count > 0) waiting.put(unit.id(), count);
        }
        long jobs = management.createJobQuery().executable().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        return new Snapshot(clock.millis(), open, overdue, waiting, jobs, failed);
    }
}
