package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaTest;
import vn.motcua.shared.ClusterNode;

/**
 * A retried write with the same Idempotency-Key does the work once: one dossier for two receipts, one transition for
 * two accepts, the first answer given again; the key reused for another request is refused; concurrent retries make
 * one dossier.
 */
@MotCuaTest
class IdempotencyTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void aRetriedReceiptMakesOneDossierAndGetsTheSameAnswer() throws Exception {
        long before = total();
        String key = UUID.randomUUID().toString();
        var first = post("clerk", "/api/dossiers", receipt(), key);
        var again = post("clerk", "/api/dossiers", receipt(), key);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(again.getBody()).get("code").asText()).isEqualTo(json.readTree(first.getBody()).get("code").asText());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(total()).isEqualTo(before + 1);

        // the same key for another request is refused; another user's same key is theirs
        assertThat(post("clerk", "/api/dossiers/" + json.readTree(first.getBody()).get("code").asText() + "/actions/withdraw",
                Map.of("reason", "Nhầm"), key).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post("clerk2", "/api/dossiers", receipt(), key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(total()).isEqualTo(before + 2);
        assertThat(post("clerk", "/api/dossiers", receipt(), "x".repeat(101)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRetriedAcceptanceMovesTheDossierOnce() throws Exception {
        var request = receipt();
        request.put("channel", "ONLINE");
        request.put("unit", BirthRegistrationSample.WARD);
        request.remove("checkedComponents");
        request.put("stagedFiles", List.of());
        // an online submission needs its files: stage them as the citizen
        request.put("stagedFiles", vn.motcua.Intakes.stagedAtApi(http, json, "citizen", BirthRegistrationSample.PROCEDURE));
        String code = json.readTree(post("citizen", "/api/dossiers", request, null).getBody()).get("code").asText();
        String key = UUID.randomUUID().toString();
        var first = post("clerk", "/api/dossiers/" + code + "/actions/accept", Map.of(), key);
        var again = post("clerk", "/api/dossiers/" + code + "/actions/accept", Map.of(), key);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).as("the first answer, not a refused second transition").isEqualTo(HttpStatus.OK);
        assertThat(post("clerk", "/api/dossiers/" + code + "/actions/accept", Map.of(), null).getStatusCode())
                .as("without the key a second accept is refused").isEqualTo(HttpStatus.CONFLICT);
        JsonNode history = json.readTree(http.withBasicAuth("clerk", "demo").getForEntity("/api/dossiers/" + code + "/history", String.class).getBody());
        assertThat(history.findValuesAsText("action").stream().filter("ACCEPT"::equals)).hasSize(1);
    }

    @Test
    void concurrentRetriesMakeOneDossier() throws Exception {
        long before = total();
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(3);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<java.util.concurrent.Future<ResponseEntity<String>>>();
            for (int i = 0; i < 3; i++) futures.add(pool.submit(() -> { start.await(); return post("clerk", "/api/dossiers", receipt(), key); }));
            start.countDown();
            var codes = new java.util.HashSet<String>();
            for (var f : futures) {
                var response = f.get();
                assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(201, 409);
                if (response.getStatusCode().value() == 201) codes.add(json.readTree(response.getBody()).get("code").asText());
            }
            assertThat(codes).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void aRequestInProgressOnANodeThatDiedFreesItsKeyAtOnceWhileOneOnALiveNodeKeepsIt() throws Exception {
        // node-killed took the key a moment ago and died before answering (its heartbeat stopped): the retry does the work
        jdbc.sql("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values ('node-killed', 'other-jvm', ?, ?)")
                .params(Timestamp.from(Instant.now().minusSeconds(600)), Timestamp.from(Instant.now().minus(ClusterNode.LIVENESS).minusSeconds(5)))
                .update();
        String dead = UUID.randomUUID().toString();
        inProgress("clerk", dead, "node-killed");
        long before = total();
        var retried = post("clerk", "/api/dossiers", receipt(), dead);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(total()).isEqualTo(before + 1);

        // node-busy is alive and still working on its request: the retry waits its turn (409)
        jdbc.sql("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values ('node-busy', 'other-jvm', ?, ?)")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(3600))).update();
        String busy = UUID.randomUUID().toString();
        inProgress("clerk", busy, "node-busy");
        assertThat(post("clerk", "/api/dossiers", receipt(), busy).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(total()).isEqualTo(before + 1);
        jdbc.sql("delete from cluster_node where node_id in ('node-killed', 'node-busy')").update();
    }

    private void inProgress(String user, String key, String node) {
        jdbc.sql("insert into idempotency_record (username, idem_key, method, path, created_at, node_id) values (?, ?, 'POST', '/api/dossiers', ?, ?)")
                .params(user, key, Timestamp.from(Instant.now()), node).update();
    }

    private long total() throws Exception {
        return json.readTree(http.withBasicAuth("admin", "demo").getForEntity("/api/dossiers?size=1", String.class).getBody())
                .get("total").asLong();
    }

    private ResponseEntity<String> post(String user, String path, Object body, String key) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) headers.set("Idempotency-Key", key);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> receipt() {
        return BirthRegistrationSample.receiptJson();
    }
}
