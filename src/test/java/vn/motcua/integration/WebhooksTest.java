package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;
import vn.motcua.tasklist.TaskListService;

/**
 * Webhooks (issue 16, point 4): a connected system subscribes to the changes of its dossiers and receives each of them
 * at least once, signed with HMAC-SHA256 in the Standard Webhooks scheme, with the national status code and dates; a
 * receiver that fails gets the message again later, with a growing wait; every attempt is in the delivery log, from
 * which a message is sent again with the same id; a system sees only its own subscriptions, a person none.
 */
@MotCuaTest
class WebhooksTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired Webhooks webhooks;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired TestUsers users;
    @Autowired TestClock clock;

    private InTestReceiver receiver;
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = new InTestReceiver();
        sendDue(); // what earlier tests left due is sent (or fails) before this test's messages
        receiver.clear();
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        users.signOut();
        receiver.close();
        for (String key : keys) {
            for (JsonNode s : read(call(key, HttpMethod.GET, "/api/webhooks", null, null))) {
                call(key, HttpMethod.DELETE, "/api/webhooks/" + s.get("id").asLong(), null, null);
            }
        }
    }

    @Test
    void aSystemReceivesOnceForOneIdempotencyKeyAndItsWebhookGetsEveryStatusChangeSigned() throws Exception {
        String key = client("Cổng Dịch vụ công quốc gia", "dossiers:write", "dossiers:read");
        var subscribed = call(key, HttpMethod.POST, "/api/webhooks", Map.of("url", receiver.url(), "description", "Đồng bộ trạng thái"), null);
        assertThat(subscribed.getStatusCode()).as(subscribed.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(subscribed.getBody());
        String secret = body.get("secret").asText();
        long subscription = body.at("/subscription/id").asLong();
        assertThat(secret).startsWith("whsec_");
        assertThat(body.at("/subscription/scope").asText()).isEqualTo("OWN");

        String idempotency = UUID.randomUUID().toString();
        var first = call(key, HttpMethod.POST, "/api/dossiers", BirthRegistrationSample.receiptJson(), idempotency);
        var again = call(key, HttpMethod.POST, "/api/dossiers", BirthRegistrationSample.receiptJson(), idempotency);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        String code = json.readTree(first.getBody()).get("code").asText();
        assertThat(json.readTree(again.getBody()).get("code").asText()).as("the retry answers the same dossier").isEqualTo(code);
        assertThat(jdbc.sql("select count(*) from dossier where created_by = (select username from api_client where client_id = ?)")
                .param(body.at("/subscription/clientId").asText()).query(Long.class).single()).isEqualTo(1L);

        act(key, code, "request-supplement", Map.of("reason", "Bổ sung bản sao giấy chứng sinh có chứng thực"));
        act(key, code, "receive-supplement", Map.of());
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        act(key, code, "return-result", Map.of());

        assertThat(sendDue()).isEqualTo(6);
        assertThat(sendDue()).as("a delivered message is not sent again").isZero();
        var received = receiver.received();
        var statuses = new ArrayList<Integer>();
        var ids = new ArrayList<String>();
        for (var message : received) {
            assertThat(message.signature()).as("signed with the subscription's secret")
                    .isEqualTo(expectedSignature(secret, message.id(), message.timestamp(), message.body()));
            assertThat(Math.abs(Long.parseLong(message.timestamp()) - Instant.now().getEpochSecond())).isLessThan(300);
            assertThat(message.contentType()).startsWith("application/json");
            JsonNode m = json.readTree(message.body());
            assertThat(m.at("/dossier/code").asText()).isEqualTo(code);
            assertThat(m.at("/national/MaHoSo").asText()).isEqualTo(code);
            assertThat(m.at("/national/MaTTHC").asText()).isEqualTo(BirthRegistrationSample.PROCEDURE);
            assertThat(m.at("/national/TrangThaiHoSo").asText()).isEqualTo(m.at("/dossier/status").asText());
            assertThat(m.at("/national/NgayTiepNhan").asText()).matches("\\d{14}");
            assertThat(m.at("/national/NgayHenTra").asText()).matches("\\d{14}");
            statuses.add(m.at("/dossier/status").asInt());
            ids.add(message.id());
        }
        assertThat(statuses).as("every status of the dossier, in order").containsExactly(2, 4, 5, 4, 9, 10);
        assertThat(json.readTree(received.get(0).body()).get("type").asText()).isEqualTo("dossier.created");
        assertThat(json.readTree(received.get(2).body()).at("/dossier/previousStatus").asInt()).isEqualTo(4);
        assertThat(json.readTree(received.get(2).body()).at("/dossier/reason").asText()).contains("giấy chứng sinh");
        JsonNode returned = json.readTree(received.get(5).body());
        assertThat(returned.get("type").asText()).isEqualTo("dossier.status-changed");
        assertThat(returned.at("/dossier/statusName").asText()).isEqualTo("Đã trả kết quả");
        assertThat(returned.at("/national/NgayTra").asText()).matches("\\d{14}");
        assertThat(returned.at("/national/NgayKetThucXuLy").asText()).matches("\\d{14}");
        assertThat(ids).as("one id per message").doesNotHaveDuplicates();
        var versions = received.stream().map(r -> readUnchecked(r.body()).at("/dossier/version").asInt()).toList();
        assertThat(versions).as("each message a later version of the dossier").isSorted().doesNotHaveDuplicates();

        JsonNode log = json.readTree(call(key, HttpMethod.GET, "/api/webhooks/" + subscription + "/deliveries", null, null).getBody());
        assertThat(log.get("total").asLong()).isEqualTo(6);
        assertThat(log.get("items")).allSatisfy(d -> {
            assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.get("lastResponse").asInt()).isEqualTo(204);
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
        });
        JsonNode one = json.readTree(call(key, HttpMethod.GET, "/api/webhooks/" + subscription, null, null).getBody());
        assertThat(one.at("/deliveries/DELIVERED").asLong()).isEqualTo(6);
        assertThat(one.toString()).as("the secret is shown once only").doesNotContain(secret);
    }

    @Test
    void aFailingReceiverGetsTheMessageAgainLaterThenAReplaySendsItAgainWithTheSameId() throws Exception {
        String key = client("Hệ thống chuyên ngành hộ tịch", "dossiers:write");
        long subscription = subscribe(key, receiver.url(), "OWN");
        String code = read(call(key, HttpMethod.POST, "/api/dossiers", BirthRegistrationSample.receiptJson(), null)).get("code").asText();
        receiver.answer(500);

        Instant start = Instant.now();
        clock.setTo(start);
        assertThat(sendDue()).as("the created and the in-process messages").isEqualTo(2);
        JsonNode failed = deliveries(key, subscription, "PENDING");
        assertThat(failed.get("total").asLong()).isEqualTo(2);
        JsonNode created = failed.get("items").get(1);
        assertThat(created.get("attempts").asInt()).isEqualTo(1);
        assertThat(created.get("lastResponse").asInt()).isEqualTo(500);
        assertThat(created.get("lastError").asText()).isEqualTo("HTTP 500");
        Instant next = Instant.parse(created.get("nextAttemptAt").asText());
        assertThat(Duration.between(start, next)).as("the first wait").isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        assertThat(sendDue()).as("nothing before the wait is over").isZero();

        clock.setTo(start.plusSeconds(31));
        assertThat(sendDue()).isEqualTo(2);
        created = deliveries(key, subscription, "PENDING").get("items").get(1);
        assertThat(created.get("attempts").asInt()).isEqualTo(2);
        assertThat(Duration.between(start.plusSeconds(31), Instant.parse(created.get("nextAttemptAt").asText())))
                .as("the wait doubles").isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));

        receiver.answer(200);
        clock.setTo(start.plusSeconds(95));
        assertThat(sendDue()).isEqualTo(2);
        JsonNode delivered = deliveries(key, subscription, "DELIVERED");
        assertThat(delivered.get("total").asLong()).isEqualTo(2);
        assertThat(receiver.received()).hasSize(6);
        var firstMessage = receiver.received().get(0);
        assertThat(receiver.received().stream().filter(r -> r.id().equals(firstMessage.id())).map(InTestReceiver.Received::body))
                .as("every attempt of a message: the same id and body").hasSize(3).containsOnly(firstMessage.body());

        long deliveryId = delivered.get("items").get(1).get("id").asLong();
        var replayed = call(key, HttpMethod.POST, "/api/webhooks/" + subscription + "/deliveries/" + deliveryId + "/replay", null, null);
        assertThat(replayed.getStatusCode()).as(replayed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(read(replayed).get("replayOf").asLong()).isEqualTo(deliveryId);
        receiver.clear();
        assertThat(sendDue()).isEqualTo(1);
        var resent = receiver.received();
        assertThat(resent).hasSize(1);
        assertThat(resent.get(0).id()).as("a replay keeps the message id").isEqualTo(delivered.get("items").get(1).get("messageId").asText());
        assertThat(readUnchecked(resent.get(0).body()).at("/dossier/code").asText()).isEqualTo(code);
        assertThat(deliveries(key, subscription, null).get("total").asLong()).as("the log keeps the replay beside the first").isEqualTo(3);
    }

    @Test
    void aUnitWideSubscriptionNeedsTheReadScopeAndSeesTheUnitsDossiersOnly() throws Exception {
        String writer = client("Ki-ốt tiếp nhận", "dossiers:write");
        var refused = call(writer, HttpMethod.POST, "/api/webhooks", Map.of("url", receiver.url(), "scope", "UNIT"), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(refused).get("field").asText()).isEqualTo("scope");

        String reader = client("Hệ thống giám sát", "dossiers:read");
        subscribe(reader, receiver.url(), "UNIT");
        users.signInAs("clerk");
        String ours = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson())).code();
        users.signInAs("clerk2");
        String theirs = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson())).code();
        users.signOut();

        sendDue();
        var codes = receiver.received().stream().map(r -> readUnchecked(r.body()).at("/dossier/code").asText()).distinct().toList();
        assertThat(codes).as("the ward's dossier, received by the desk, and not the other commune's").containsExactly(ours).doesNotContain(theirs);
    }

    @Test
    void aSystemSeesOnlyItsOwnSubscriptionsPeopleNoneAndABadAddressIsRefusedInVietnamese() throws Exception {
        String a = client("Hệ thống A", "dossiers:write");
        String b = client("Hệ thống B", "dossiers:write");
        long subscription = subscribe(a, receiver.url(), "OWN");

        assertThat(call(b, HttpMethod.GET, "/api/webhooks/" + subscription, null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(b, HttpMethod.DELETE, "/api/webhooks/" + subscription, null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read(call(b, HttpMethod.GET, "/api/webhooks", null, null))).isEmpty();
        assertThat(http.withBasicAuth("clerk", "demo").getForEntity("/api/webhooks", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var all = http.withBasicAuth("admin", "demo").getForEntity("/api/webhooks", String.class);
        assertThat(all.getBody()).contains("\"id\":" + subscription).contains("Hệ thống A");

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", "ApiKey " + a);
        headers.set("Accept-Language", "vi");
        for (String url : List.of("ftp://example.vn/hooks", "https://user:pw@example.vn/hooks", "không phải địa chỉ")) {
            var bad = http.exchange("/api/webhooks", HttpMethod.POST, new HttpEntity<>(Map.of("url", url), headers), String.class);
            assertThat(bad.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(read(bad).get("field").asText()).isEqualTo("url");
            assertThat(read(bad).get("message").asText()).contains("Địa chỉ phải là URL http hoặc https");
        }
        assertThat(read(call(a, HttpMethod.GET, "/api/webhooks", null, null))).as("nothing stored for a refused address").hasSize(1);

        var paused = call(a, HttpMethod.POST, "/api/webhooks/" + subscription + "/pause", null, null);
        assertThat(read(paused).get("active").asBoolean()).isFalse();
        call(a, HttpMethod.POST, "/api/dossiers", BirthRegistrationSample.receiptJson(), null);
        assertThat(deliveries(a, subscription, null).get("total").asLong()).as("nothing is written while paused").isZero();
        call(a, HttpMethod.POST, "/api/webhooks/" + subscription + "/resume", null, null);
        assertThat(call(a, HttpMethod.POST, "/api/webhooks/" + subscription + "/test", null, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String oldSecret = null;
        var rotated = read(call(a, HttpMethod.POST, "/api/webhooks/" + subscription + "/secret", null, null)).get("secret").asText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(sendDue()).isEqualTo(1);
        var test = receiver.received().get(0);
        assertThat(readUnchecked(test.body()).get("type").asText()).isEqualTo("webhook.test");
        assertThat(test.signature()).as("signed with the new secret").isEqualTo(expectedSignature(rotated, test.id(), test.timestamp(), test.body()));

        var log = http.withBasicAuth("admin", "demo").getForEntity("/api/admin/log?from=" + java.time.LocalDate.now(vn.motcua.shared.Formats.ZONE).minusDays(1)
                + "&to=" + java.time.LocalDate.now(vn.motcua.shared.Formats.ZONE).plusDays(1), String.class).getBody();
        assertThat(log).contains("WEBHOOK_SUBSCRIBED").contains("WEBHOOK_PAUSED").contains("WEBHOOK_SECRET_ROTATED");
    }

    @Test
    void aRevokedSystemGetsNothingMore() throws Exception {
        var created = http.withBasicAuth("admin", "demo").exchange("/api/admin/api-clients", HttpMethod.POST,
                jsonEntity(Map.of("name", "Hệ thống sắp thu hồi", "scopes", List.of("dossiers:write"), "unit", BirthRegistrationSample.WARD)), String.class);
        String key = read(created).get("apiKey").asText();
        String clientId = read(created).at("/client/clientId").asText();
        long subscription = subscribe(key, receiver.url(), "OWN");
        call(key, HttpMethod.POST, "/api/dossiers", BirthRegistrationSample.receiptJson(), null);
        http.withBasicAuth("admin", "demo").exchange("/api/admin/api-clients/" + clientId + "/revoke", HttpMethod.POST, jsonEntity(null), String.class);

        assertThat(sendDue()).isEqualTo(2);
        assertThat(receiver.received()).as("nothing goes to a system cut off").isEmpty();
        var failed = http.withBasicAuth("admin", "demo").getForEntity("/api/webhooks/" + subscription + "/deliveries?status=FAILED", String.class);
        assertThat(read(failed).get("total").asLong()).isEqualTo(2);
        http.withBasicAuth("admin", "demo").exchange("/api/webhooks/" + subscription, HttpMethod.DELETE, jsonEntity(null), String.class);
    }

    // --- helpers

    /** The signature as a receiver computes it, by the Standard Webhooks rule, without MotCua's code. */
    private static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private int sendDue() {
        return SystemAccess.call(webhooks::deliverDue);
    }

    private String client(String name, String... scopes) throws Exception {
        var created = http.withBasicAuth("admin", "demo").exchange("/api/admin/api-clients", HttpMethod.POST,
                jsonEntity(Map.of("name", name, "scopes", List.of(scopes), "unit", BirthRegistrationSample.WARD)), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String key = read(created).get("apiKey").asText();
        keys.add(key);
        return key;
    }

    private long subscribe(String key, String url, String scope) {
        var subscribed = call(key, HttpMethod.POST, "/api/webhooks", Map.of("url", url, "scope", scope), null);
        assertThat(subscribed.getStatusCode()).as(subscribed.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(subscribed).at("/subscription/id").asLong();
    }

    private JsonNode deliveries(String key, long subscription, String status) {
        return read(call(key, HttpMethod.GET, "/api/webhooks/" + subscription + "/deliveries" + (status == null ? "" : "?status=" + status), null, null));
    }

    private void act(String key, String code, String action, Map<String, Object> body) {
        var answer = call(key, HttpMethod.POST, "/api/dossiers/" + code + "/actions/" + action, body, UUID.randomUUID().toString());
        assertThat(answer.getStatusCode()).as(action + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void complete(String username, String code, Map<String, Object> data) {
        users.signInAs(username);
        var task = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(task.id(), data);
        users.signOut();
    }

    private HttpEntity<Object> jsonEntity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> call(String apiKey, HttpMethod method, String path, Object body, String idempotencyKey) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", "ApiKey " + apiKey);
        if (idempotencyKey != null) headers.set("Idempotency-Key", idempotencyKey);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode read(ResponseEntity<String> answer) {
        return readUnchecked(answer.getBody());
    }

    private JsonNode readUnchecked(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
