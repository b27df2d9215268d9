package vn.motcua.shared;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node of the cluster: its name ({@code motcua.node-id}, else the host name), unique among the running nodes
 * sharing the database, and which nodes are alive.
 *
 * <p>At start the node writes its row in {@code cluster_node} and renews it every {@link #HEARTBEAT}; a node whose
 * row was not renewed within {@link #LIVENESS} is dead, and the work it had claimed is taken up by the others at once
 * (attachments being extracted, requests in progress under an Idempotency-Key). A start under a name that a running
 * process (another JVM) still renews is refused with a message saying so. Application contexts of one JVM (tests) share
 * a name. A node that stops cleanly removes its row, so the others take up at once what it leaves.
 *
 * <p>Times are the nodes' real clocks (kept in step by NTP), not the application's clock, which tests move.
 */
@Component
public class ClusterNode implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** How often a running node renews its row. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A node whose row is older than this is dead. */
    public static final Duration LIVENESS = Duration.ofSeconds(20);
    /** This JVM: application contexts of one process share their node's name. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final JdbcClient jdbc;
    private final String id;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    ClusterNode(JdbcClient jdbc, @Value("${motcua.node-id:}") String configured) {
        this.jdbc = jdbc;
        this.id = configured != null && !configured.isBlank() ? configured.trim() : hostName();
        if (id.length() > 100) throw new IllegalStateException("motcua.node-id is longer than 100 characters");
        register();
    }

    /** This node's name: in the work queues, the engine's job executor and the logs. */
    public String id() { return id; }

    /** Whether a node renewed its row within {@link #LIVENESS} (this node always is). */
    public boolean isAlive(String node) {
        if (node == null) return false;
        if (node.equals(id)) return true;
        return jdbc.sql("select count(*) from cluster_node where node_id = ? and heartbeat_at > ?")
                .params(node, Timestamp.from(Instant.now().minus(LIVENESS))).query(Integer.class).single() > 0;
    }

    /**
     * The live node that has run the longest (the earliest start, then the name): a node joining later never takes its
     * place, so work one node does for the cluster changes hands only when that node stops.
     */
    public String eldestLiveNode() {
        return jdbc.sql("select node_id from cluster_node where heartbeat_at > ? or node_id = ? order by started_at, node_id"
                        + " limit 1")
                .params(Timestamp.from(Instant.now().minus(LIVENESS)), id).query(String.class).optional().orElse(id);
    }

    /** The names of the nodes alive now, this one included. */
    public Set<String> liveNodes() {
        var live = new java.util.TreeSet<String>(jdbc.sql("select node_id from cluster_node where heartbeat_at > ?")
                .param(Timestamp.from(Instant.now().minus(LIVENESS))).query(String.class).list());
        live.add(id);
        return live;
    }

    private void register() {
        Instant now = Instant.now();
        var other = jdbc.sql("select instance_id, heartbeat_at from cluster_node where node_id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).optional();
        if (other.isPresent() && !INSTANCE.equals(other.get()[0])
                && ((Instant) other.get()[1]).isAfter(now.minus(LIVENESS))) {
            throw new IllegalStateException("Another running node already uses the name '" + id + "' (last seen "
                    + other.get()[1] + "): give each node its own motcua.node-id (MOTCUA_NODEID), or wait "
                    + LIVENESS.toSeconds() + " s if that node has just stopped");
        }
        renew(now, true);
        log.info("Cluster node '{}' registered", id);
    }

    private void renew(Instant now, boolean starting) {
        Timestamp at = Timestamp.from(now);
        int updated = starting
                ? jdbc.sql("update cluster_node set instance_id = ?, started_at = ?, heartbeat_at = ? where node_id = ?")
                        .params(INSTANCE, at, at, id).update()
                : jdbc.sql("update cluster_node set heartbeat_at = ? where node_id = ? and instance_id = ?")
                        .params(at, id, INSTANCE).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values (?, ?, ?, ?)")
                        .params(id, INSTANCE, at, at).update();
            } catch (org.springframework.dao.DataIntegrityViolationException taken) {
                // another process took the name after this one's row went stale: it is a clash only if it renews
                log.error("Cluster node name '{}' is used by another running process: give each node its own motcua.node-id", id);
            }
        }
    }

    @Override
    public synchronized void start() {
        heartbeat = BackgroundRounds.scheduler("cluster-heartbeat");
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                renew(Instant.now(), false);
            } catch (RuntimeException e) {
                log.warn("Cluster heartbeat of '{}' not written: {}", id, e.toString());
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (heartbeat != null) heartbeat.shutdownNow();
        try {
            // left cleanly: the other nodes take up at once what this one leaves (another context of this JVM renews it)
            jdbc.sql("delete from cluster_node where node_id = ? and instance_id = ?").params(id, INSTANCE).update();
        } catch (RuntimeException e) {
            log.warn("Cluster node '{}' not removed: {}", id, e.toString());
        }
    }

    @Override
    public boolean isRunning() { return running; }

    /** Stops after the work that uses the node's name (started later, stopped earlier). */
    @Override
    public int getPhase() { return Integer.MIN_VALUE + 100; }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "node" : env;
        }
    }
}
