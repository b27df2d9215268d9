package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.internal.AttachmentRepository;
import vn.motcua.attachment.internal.ContentStore;
import vn.motcua.attachment.internal.ExtractionWorker;
import vn.motcua.shared.ClusterNode;
import vn.motcua.dossier.DossierService;

/**
 * The extraction queue in the database: nodes claiming at the same time never take the same item; what a stopped
 * node held is taken up again (released when it starts, or once its lease has run out); an item that keeps failing
 * ends FAILED.
 */
@MotCuaTest
class ExtractionQueueTest {
    @Autowired AttachmentRepository attachments;
    @Autowired ContentStore store;
    @Autowired JdbcClient jdbc;
    @Autowired DossierService dossiers;
    @Autowired AttachmentService service;
    @Autowired ExtractionWorker extraction;
    @Autowired TestUsers users;
    String code;
    String sha256;

    @BeforeEach
    void setUp() throws Exception {
        users.signInAs("clerk");
        code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        var staged = store.stage(new ByteArrayInputStream("Biên bản bàn giao hồ sơ".getBytes(StandardCharsets.UTF_8)), 1000);
        store.commit(staged);
        sha256 = staged.sha256();
    }

    @AfterEach
    void signOut() { users.signOut(); }

    /** An attachment row as a node would have left it. */
    private long pending(String claimedBy, Instant claimedUntil, int attempts) {
        long id = attachments.insert(code, null, "bien-ban.txt", "text/plain", 40, sha256, "clerk", Instant.now(), false);
        jdbc.sql("update attachment set claimed_by = ?, claimed_until = ?, attempts = ? where id = ?")
                .params(claimedBy, claimedUntil == null ? null : claimedUntil.atOffset(java.time.ZoneOffset.UTC), attempts, id).update();
        return id;
    }

    private AttachmentState state(long id) {
        return service.get(code, id).state();
    }

    @Test
    void twoNodesClaimingTogetherNeverTakeTheSameItem() throws Exception {
        // Items held far into the future by a third node: this application's own worker leaves them alone; the two
        // simulated nodes see them from a later "now", when that hold has run out.
        Instant later = Instant.now().plus(Duration.ofDays(1));
        alive("elsewhere", later);
        var live = java.util.Set.of("node-a", "node-b", "elsewhere");
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 30; i++) ids.add(pending("elsewhere", later.minusSeconds(60), 0));
        var won = new ConcurrentHashMap<Long, String>();
        var doubles = new ConcurrentHashMap<Long, String>();
        var start = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        for (String node : List.of("node-a", "node-b")) {
            pool.submit(() -> {
                start.await();
                for (Long id : ids) {
                    if (attachments.claim(id, node, later.plus(Duration.ofHours(1)), later, live)) {
                        if (won.putIfAbsent(id, node) != null) doubles.put(id, node);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(doubles).isEmpty();
        assertThat(won.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        jdbc.sql("delete from attachment where id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from cluster_node where node_id = 'elsewhere'").update();
    }

    /** A node of the cluster that renewed its row at {@code heartbeat}. */
    private void alive(String node, Instant heartbeat) {
        jdbc.sql("delete from cluster_node where node_id = ?").param(node).update();
        jdbc.sql("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values (?, 'other-jvm', ?, ?)")
                .params(node, java.sql.Timestamp.from(heartbeat), java.sql.Timestamp.from(heartbeat)).update();
    }

    @Test
    void whatADeadNodeHeldIsTakenUpAtOnceWithoutWaitingForItsLease() {
        // node-killed held the file for another hour, but its heartbeat stopped 30 s ago: it is dead
        alive("node-killed", Instant.now().minus(ClusterNode.LIVENESS).minusSeconds(10));
        long id = pending("node-killed", Instant.now().plus(Duration.ofHours(1)), 1);
        extraction.wake();
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> state(id) == AttachmentState.EXTRACTED);
        jdbc.sql("delete from cluster_node where node_id = 'node-killed'").update();
    }

    @Test
    void whatALiveNodeHoldsIsLeftToItUntilItsLeaseRunsOut() throws Exception {
        alive("node-busy", Instant.now().plus(Duration.ofHours(1)));
        long id = pending("node-busy", Instant.now().plus(Duration.ofHours(1)), 1);
        extraction.wake();
        Thread.sleep(3000);
        assertThat(state(id)).isEqualTo(AttachmentState.PENDING);
        assertThat(jdbc.sql("select claimed_by from attachment where id = ?").param(id).query(String.class).single()).isEqualTo("node-busy");
        jdbc.sql("delete from attachment where id = ?").param(id).update();
        jdbc.sql("delete from cluster_node where node_id = 'node-busy'").update();
    }

    @Test
    void whatANodeHeldWhenItStoppedIsExtractedAfterItsRestart() {
        long id = pending("restarting-node", Instant.now().plus(Duration.ofHours(1)), 1);
        assertThat(attachments.release("restarting-node")).isEqualTo(1);
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> state(id) == AttachmentState.EXTRACTED);
        assertThat(service.text(code, id)).isEqualTo("Biên bản bàn giao hồ sơ");
    }

    @Test
    void whatADeadNodeHeldIsExtractedOnceItsLeaseHasRunOut() {
        long id = pending("dead-node", Instant.now().minusSeconds(1), 1);
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> state(id) == AttachmentState.EXTRACTED);
    }

    @Test
    void anItemClaimedTooOftenEndsFailed() {
        long id = pending("dead-node", Instant.now().minusSeconds(1), 3);
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> state(id) != AttachmentState.PENDING);
        var failed = service.get(code, id);
        assertThat(failed.state()).isEqualTo(AttachmentState.FAILED);
        assertThat(failed.reason()).isEqualTo("tooManyAttempts");
    }
}
