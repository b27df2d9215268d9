package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaTest;

/**
 * A node's name is unique among the running nodes: a second process under the name of a node that still renews its
 * row is refused at start, a name whose node stopped renewing is free again, and only renewing nodes count as alive.
 */
@MotCuaTest
class ClusterNodeTest {
    @Autowired ClusterNode node;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void forget() {
        jdbc.sql("delete from cluster_node where node_id in ('app7', 'app8')").update();
    }

    private void otherProcess(String name, Instant heartbeat) {
        jdbc.sql("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values (?, 'pid-of-another-jvm', ?, ?)")
                .params(name, Timestamp.from(heartbeat.minusSeconds(60)), Timestamp.from(heartbeat)).update();
    }

    @Test
    void thisNodeIsRegisteredAndAlive() {
        assertThat(node.id()).isNotBlank();
        assertThat(node.isAlive(node.id())).isTrue();
        assertThat(node.liveNodes()).contains(node.id());
        assertThat(jdbc.sql("select count(*) from cluster_node where node_id = ?").param(node.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aSecondProcessUnderARunningNodesNameIsRefusedSayingWhatToDo() {
        otherProcess("app7", Instant.now());
        assertThatThrownBy(() -> new ClusterNode(jdbc, "app7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'app7'").hasMessageContaining("motcua.node-id");
        assertThat(node.isAlive("app7")).isTrue();
    }

    @Test
    void theNameOfANodeThatStoppedRenewingIsFreeAndThatNodeIsDead() {
        otherProcess("app8", Instant.now().minus(ClusterNode.LIVENESS).minusSeconds(5));
        assertThat(node.isAlive("app8")).isFalse();
        assertThat(node.liveNodes()).doesNotContain("app8");
        var restarted = new ClusterNode(jdbc, "app8");
        assertThat(restarted.id()).isEqualTo("app8");
        assertThat(node.isAlive("app8")).as("registered again by this process").isTrue();
    }
}
