package vn.motcua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
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
import vn.motcua.MotCuaTest;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;

/**
 * Worklists at the API: the desk's queues and the task tabs with exact counters, lists paged and sorted exactly past
 * 1,000 items, steps taken before they are completed, concurrent completions and claims (one wins, the other gets
 * 409), hand-overs by a leader, steps sent back to who did them, steps paused by a stopped clock, saved filters.
 */
@MotCuaTest
class WorklistApiTest {
    private static final String WARD = BirthRegistrationSample.WARD;

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired OrganisationService organisation;
    @Autowired JdbcClient jdbc;

    private final List<String> syntheticGroups = new ArrayList<>();

    @AfterEach
    void removeSyntheticSteps() {
        for (String group : syntheticGroups) jdbc.sql("delete from work_item where candidate_group = ?").param(group).update();
    }

    @Test
    void anOnlineSubmissionWaitsInTheDesksAcceptanceQueueAndItsCounterCountsIt() throws Exception {
        long before = count(as("clerk"), "awaiting-acceptance");
        var request = validRequest();
        request.put("channel", "ONLINE");
        request.put("unit", WARD);
        request.remove("checkedComponents");
        request.put("stagedFiles", vn.motcua.Intakes.stagedAtApi(http, json, "citizen", BirthRegistrationSample.PROCEDURE));
        String code = body(as("citizen").postForEntity("/api/dossiers", jsonEntity(request), String.class), HttpStatus.CREATED)
                .get("code").asText();

        assertThat(count(as("clerk"), "awaiting-acceptance")).isEqualTo(before + 1);
        JsonNode queue = body(as("clerk").getForEntity("/api/dossiers?queue=awaiting-acceptance&size=1000", String.class), HttpStatus.OK);
        assertThat(queue.get("total").asLong()).isEqualTo(before + 1);
        assertThat(queue.get("items").findValuesAsText("code")).contains(code);
        assertThat(queue.get("items").findValuesAsText("statusCode")).containsOnly("1");
        // Another commune's desk does not see it
        JsonNode other = body(as("clerk2").getForEntity("/api/dossiers?queue=awaiting-acceptance&size=1000", String.class), HttpStatus.OK);
        assertThat(other.get("items").findValuesAsText("code")).doesNotContain(code);

        body(as("clerk").postForEntity("/api/dossiers/" + code + "/actions/accept", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        assertThat(count(as("clerk"), "awaiting-acceptance")).isEqualTo(before);
    }

    @Test
    void theDesksListIncludesEveryQueueAndTheSupervisorSeesThemPerUnit() throws Exception {
        JsonNode desk = body(as("clerk").getForEntity("/api/worklist", String.class), HttpStatus.OK);
        assertThat(desk.findValuesAsText("key")).contains("awaiting-acceptance", "in-processing", "awaiting-supplement",
                "awaiting-payment", "to-return", "overdue", "nearly-due", "my-tasks", "unassigned-tasks");
        assertThat(desk.findValuesAsText("label")).contains("Chờ tiếp nhận");
        JsonNode specialist = body(as("specialist").getForEntity("/api/worklist", String.class), HttpStatus.OK);
        assertThat(specialist.findValuesAsText("key")).contains("my-tasks", "unassigned-tasks", "returned-tasks",
                "paused-tasks", "overdue-tasks", "nearly-due-tasks").doesNotContain("awaiting-acceptance");

        String code = receive();
        long inProcessing = count(as("clerk"), "in-processing");
        JsonNode units = body(as("supervisor").getForEntity("/api/worklist/units", String.class), HttpStatus.OK);
        JsonNode ward = null;
        for (JsonNode u : units) if (WARD.equals(u.at("/unit/identifier").asText())) ward = u;
        assertThat(ward).as("the ward among the supervisor's units").isNotNull();
        assertThat(ward.at("/unit/name").asText()).isNotBlank().isNotEqualTo(WARD);
        long wardInProcessing = 0;
        for (JsonNode c : ward.get("counts")) if (c.get("key").asText().equals("in-processing")) wardInProcessing = c.get("count").asLong();
        assertThat(wardInProcessing).isEqualTo(inProcessing);
        assertThat(count(as("supervisor"), "in-processing", "?unit=" + WARD)).isEqualTo(inProcessing);
        assertThat(as("citizen").getForEntity("/api/worklist", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(code).isNotBlank();
    }

    @Test
    void theTaskListPagesAndSortsExactlyPastAThousandSteps() throws Exception {
        String unit = "000.00.98.H33";
        String user = "paging-specialist";
        SystemAccess.run(() -> {
            if (organisation.unitByIdentifier(unit).isEmpty()) {
                organisation.createUnit(unit, "Phòng thử phân trang", "Paging test office", UnitLevel.PROVINCE,
                        organisation.unitByIdentifier("000.00.00.H33").orElseThrow());
            }
            if (organisation.user(user).isEmpty()) {
                organisation.createUser(user, "demo", "Người Thử Phân Trang", null,
                        organisation.unitByIdentifier(unit).orElseThrow(), EnumSet.of(Role.SPECIALIST));
            }
        });
        String group = Role.SPECIALIST.groupAt(unit);
        syntheticGroups.add(group);
        // 1,200 waiting steps: the later a step was created, the more urgent it is (the old cut at 1,000 by creation
        // lost exactly the most urgent ones); a few have no deadline
        Instant base = Instant.parse("2026-10-01T01:00:00Z");
        Random random = new Random(42);
        var expected = new ArrayList<Object[]>();
        for (int i = 0; i < 1200; i++) {
            String id = String.format("paging-%04d", i);
            Instant created = base.plus(i, ChronoUnit.MINUTES);
            Instant due = i % 97 == 0 ? null : base.plus(30, ChronoUnit.DAYS).minus(i * 7L + random.nextInt(5), ChronoUnit.MINUTES);
            String applicant = "Người nộp " + (char) ('A' + random.nextInt(26)) + String.format("%04d", random.nextInt(10000));
            jdbc.sql("""
                            insert into work_item (task_id, process_instance_id, dossier_code, step_key, name, candidate_group,
                              unit_identifier, created_at, due_at, applicant_name, search_text)
                            values (?, 'none', ?, 'Task_Review', 'Thẩm định', ?, ?, ?, ?, ?, ?)""")
                    .params(id, "TEST-" + id, group, unit, created.atOffset(java.time.ZoneOffset.UTC),
                            due == null ? null : due.atOffset(java.time.ZoneOffset.UTC), applicant, "tham dinh " + id)
                    .update();
            expected.add(new Object[] {id, created, due, applicant});
        }

        var byDue = new ArrayList<>(expected);
        byDue.sort(Comparator.<Object[], Instant>comparing(r -> (Instant) r[2], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (Instant) r[1]).thenComparing(r -> (String) r[0]));
        assertThat(pageThrough(user, "", 500)).containsExactlyElementsOf(byDue.stream().map(r -> (String) r[0]).toList());
        JsonNode first = body(as(user).getForEntity("/api/tasks?size=1", String.class), HttpStatus.OK);
        assertThat(first.get("total").asLong()).isEqualTo(1200);
        assertThat(first.at("/items/0/id").asText()).as("the most urgent step, created last").isEqualTo("paging-1199");

        var byApplicantDesc = new ArrayList<>(expected);
        byApplicantDesc.sort(Comparator.<Object[], String>comparing(r -> (String) r[3]).reversed()
                .thenComparing(r -> (Instant) r[2], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (Instant) r[1]).thenComparing(r -> (String) r[0]));
        assertThat(pageThrough(user, "&sort=applicant,desc", 333))
                .containsExactlyElementsOf(byApplicantDesc.stream().map(r -> (String) r[0]).toList());

        JsonNode tabs = body(as(user).getForEntity("/api/worklist", String.class), HttpStatus.OK);
        assertThat(countOf(tabs, "unassigned-tasks")).isEqualTo(1200);
        assertThat(countOf(tabs, "my-tasks")).isZero();
        JsonNode filtered = body(as(user).getForEntity("/api/tasks?q=paging-0042", String.class), HttpStatus.OK);
        assertThat(filtered.get("total").asLong()).isEqualTo(1);

        assertThat(as(user).getForEntity("/api/tasks?size=1001", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).getForEntity("/api/tasks?size=0", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).getForEntity("/api/tasks?page=-1", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).getForEntity("/api/tasks?sort=colour", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).getForEntity("/api/tasks?tab=everything", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).getForEntity("/api/tasks?dueFrom=05/12/2026", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void twoConcurrentCompletionsOfOneStepGiveOne200AndOne409() throws Exception {
        String code = receive();
        String task = taskOf("specialist", code);
        var review = Map.of("data", Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        List<HttpStatus> statuses = race(() -> as("specialist").postForEntity("/api/tasks/" + task + "/complete",
                jsonEntity(review), String.class), 2);
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        JsonNode steps = body(as("specialist").getForEntity("/api/dossiers/" + code + "/history", String.class), HttpStatus.OK);
        assertThat(steps.findValuesAsText("action").stream().filter("STEP_COMPLETED"::equals)).hasSize(1);
    }

    @Test
    void twoConcurrentClaimsOfOneStepGiveOne200AndOne409() throws Exception {
        ensureSecondSpecialist();
        String code = receive();
        String task = taskOf("specialist", code);
        var users = List.of("specialist", "specialist-b");
        List<HttpStatus> statuses = race(i -> as(users.get(i)).postForEntity("/api/tasks/" + task + "/claim",
                jsonEntity(Map.of()), String.class), 2);
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
    }

    @Test
    void aStepSomeoneElseTookAnswers409AndCompletingAWaitingStepTakesIt() throws Exception {
        ensureSecondSpecialist();
        String code = receive();
        String task = taskOf("specialist", code);
        body(as("specialist-b").postForEntity("/api/tasks/" + task + "/claim", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        var review = Map.of("data", Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        assertThat(as("specialist").postForEntity("/api/tasks/" + task + "/complete", jsonEntity(review), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // Given back, the step waits for the group again; completing it takes it and records who did it
        body(as("specialist-b").postForEntity("/api/tasks/" + task + "/release", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        assertThat(body(as("specialist").getForEntity("/api/tasks/" + task, String.class), HttpStatus.OK).hasNonNull("assignee")).isFalse();
        body(as("specialist").postForEntity("/api/tasks/" + task + "/complete", jsonEntity(review), String.class), HttpStatus.OK);
        JsonNode history = body(as("specialist").getForEntity("/api/dossiers/" + code + "/history", String.class), HttpStatus.OK);
        JsonNode completed = null;
        for (JsonNode e : history) if (e.get("action").asText().equals("STEP_COMPLETED")) completed = e;
        assertThat(completed.get("actor").asText()).isEqualTo("specialist");
        assertThat(as("specialist").postForEntity("/api/tasks/" + task + "/complete", jsonEntity(review), String.class)
                .getStatusCode()).as("a completed step").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aLeaderHandsAStepToSomeoneOfItsGroupAndAllTheStepsOfAnAbsentColleague() throws Exception {
        ensureSecondSpecialist();
        String first = taskOf("specialist", receive());
        String second = taskOf("specialist", receive());
        body(as("specialist").postForEntity("/api/tasks/" + first + "/claim", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        body(as("specialist").postForEntity("/api/tasks/" + second + "/claim", jsonEntity(Map.of()), String.class), HttpStatus.OK);

        JsonNode moved = body(exchange(as("leader"), HttpMethod.PUT, "/api/tasks/" + first + "/assignee",
                Map.of("username", "specialist-b")), HttpStatus.OK);
        assertThat(moved.get("assignee").asText()).isEqualTo("specialist-b");
        assertThat(exchange(as("leader"), HttpMethod.PUT, "/api/tasks/" + first + "/assignee", Map.of("username", "clerk"))
                .getStatusCode()).as("a clerk is not of the specialists' group").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange(as("specialist"), HttpMethod.PUT, "/api/tasks/" + first + "/assignee", Map.of("username", "specialist"))
                .getStatusCode()).as("only leaders hand over").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(as("leader2"), HttpMethod.PUT, "/api/tasks/" + first + "/assignee", Map.of("username", "specialist2"))
                .getStatusCode()).as("another commune's leader").isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode colleague = body(as("leader").getForEntity("/api/tasks?assignee=specialist&size=1000", String.class), HttpStatus.OK);
        assertThat(colleague.get("items").findValuesAsText("id")).contains(second).doesNotContain(first);

        JsonNode handedOver = body(as("leader").postForEntity("/api/tasks/hand-over",
                jsonEntity(Map.of("from", "specialist", "to", "specialist-b")), String.class), HttpStatus.OK);
        assertThat(handedOver.get("moved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body(as("specialist-b").getForEntity("/api/tasks/" + second, String.class), HttpStatus.OK)
                .get("assignee").asText()).isEqualTo("specialist-b");
        JsonNode log = body(as("admin").getForEntity("/api/admin/log?from=2000-01-01&to=2100-12-31&limit=1000", String.class), HttpStatus.OK);
        assertThat(log.findValuesAsText("action")).contains("TASK_REASSIGNED", "TASKS_HANDED_OVER");
    }

    @Test
    void aStepSentBackComesBackToWhoDidItAndAStoppedClockPausesIt() throws Exception {
        String code = receive();
        long returnedBefore = count(as("specialist"), "returned-tasks");
        complete("specialist", taskOf("specialist", code), Map.of("documentsComplete", true, "reviewOpinion", "Đề nghị phê duyệt"));
        complete("leader", taskOf("leader", code), Map.of("decision", "REWORK", "reworkReason", "Ghi lại nơi sinh"));

        String rework = taskOf("specialist", code);
        JsonNode step = body(as("specialist").getForEntity("/api/tasks/" + rework, String.class), HttpStatus.OK);
        assertThat(step.get("returnedTo").asText()).isEqualTo("specialist");
        assertThat(count(as("specialist"), "returned-tasks")).isEqualTo(returnedBefore + 1);
        JsonNode returned = body(as("specialist").getForEntity("/api/tasks?tab=returned-tasks&size=1000", String.class), HttpStatus.OK);
        assertThat(returned.get("items").findValuesAsText("id")).contains(rework);

        long pausedBefore = count(as("specialist"), "paused-tasks");
        body(as("clerk").postForEntity("/api/dossiers/" + code + "/actions/request-supplement",
                jsonEntity(Map.of("reason", "Bổ sung giấy chứng sinh bản chính")), String.class), HttpStatus.OK);
        assertThat(body(as("specialist").getForEntity("/api/tasks/" + rework, String.class), HttpStatus.OK).get("paused").asBoolean()).isTrue();
        assertThat(count(as("specialist"), "paused-tasks")).isEqualTo(pausedBefore + 1);
        body(as("clerk").postForEntity("/api/dossiers/" + code + "/actions/receive-supplement", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        assertThat(body(as("specialist").getForEntity("/api/tasks/" + rework, String.class), HttpStatus.OK).get("paused").asBoolean()).isFalse();
        assertThat(count(as("specialist"), "paused-tasks")).isEqualTo(pausedBefore);
    }

    @Test
    void theDossierListPagesExactlyWithItsTotalAndRefusesBadParameters() throws Exception {
        receive();
        receive();
        JsonNode all = body(as("clerk").getForEntity("/api/dossiers?size=1000&sort=code", String.class), HttpStatus.OK);
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        var codes = all.get("items").findValuesAsText("code");
        assertThat(codes).isSorted();
        var paged = new ArrayList<String>();
        for (int page = 0; page * 1L < total; page++) {
            JsonNode p = body(as("clerk").getForEntity("/api/dossiers?size=1&sort=code&page=" + page, String.class), HttpStatus.OK);
            assertThat(p.get("total").asLong()).isEqualTo(total);
            paged.addAll(p.get("items").findValuesAsText("code"));
        }
        assertThat(paged).isEqualTo(codes);
        for (String bad : List.of("queue=everything", "size=0", "size=1001", "sort=colour", "status=42", "channel=FAX",
                "receivedFrom=2026-13-01", "overdue=perhaps")) {
            assertThat(as("clerk").getForEntity("/api/dossiers?" + bad, String.class).getStatusCode()).as(bad)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void eachUserKeepsTheirOwnSavedFilters() throws Exception {
        JsonNode saved = body(as("specialist").postForEntity("/api/saved-filters",
                jsonEntity(Map.of("list", "tasks", "name", "Quá hạn của tôi", "query", "tab=overdue-tasks")), String.class),
                HttpStatus.CREATED);
        long id = saved.get("id").asLong();
        assertThat(body(as("specialist").getForEntity("/api/saved-filters?list=tasks", String.class), HttpStatus.OK)
                .findValuesAsText("name")).contains("Quá hạn của tôi");
        assertThat(body(as("leader").getForEntity("/api/saved-filters?list=tasks", String.class), HttpStatus.OK)
                .findValuesAsText("name")).doesNotContain("Quá hạn của tôi");
        assertThat(exchange(as("leader"), HttpMethod.DELETE, "/api/saved-filters/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(as("specialist"), HttpMethod.DELETE, "/api/saved-filters/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("specialist").postForEntity("/api/saved-filters", jsonEntity(Map.of("list", "tasks", "name", "")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // --- helpers

    private void ensureSecondSpecialist() {
        SystemAccess.run(() -> {
            if (organisation.user("specialist-b").isEmpty()) {
                organisation.createUser("specialist-b", "demo", "Lý Thị Chuyên Viên Hai", null,
                        organisation.unitByIdentifier(WARD).orElseThrow(), EnumSet.of(Role.SPECIALIST));
            }
        });
    }

    private String receive() throws Exception {
        return body(as("clerk").postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class),
                HttpStatus.CREATED).get("code").asText();
    }

    private String taskOf(String user, String code) throws Exception {
        JsonNode page = body(as(user).getForEntity("/api/tasks?size=1000&q=" + code, String.class), HttpStatus.OK);
        for (JsonNode t : page.get("items")) if (code.equals(t.get("dossierCode").asText())) return t.get("id").asText();
        throw new AssertionError("no step of " + code + " for " + user);
    }

    private void complete(String user, String task, Map<String, Object> data) throws Exception {
        body(as(user).postForEntity("/api/tasks/" + task + "/complete", jsonEntity(Map.of("data", data)), String.class), HttpStatus.OK);
    }

    private List<String> pageThrough(String user, String query, int size) throws Exception {
        var ids = new ArrayList<String>();
        for (int page = 0; ; page++) {
            JsonNode p = body(as(user).getForEntity("/api/tasks?size=" + size + "&page=" + page + query, String.class), HttpStatus.OK);
            assertThat(p.get("total").asLong()).isEqualTo(1200);
            assertThat(p.get("page").asInt()).isEqualTo(page);
            var items = p.get("items").findValuesAsText("id");
            if (items.isEmpty()) break;
            ids.addAll(items);
        }
        return ids;
    }

    private long count(TestRestTemplate caller, String key) throws Exception { return count(caller, key, ""); }

    private long count(TestRestTemplate caller, String key, String query) throws Exception {
        return countOf(body(caller.getForEntity("/api/worklist" + query, String.class), HttpStatus.OK), key);
    }

    private static long countOf(JsonNode entries, String key) {
        for (JsonNode e : entries) if (e.get("key").asText().equals(key)) return e.get("count").asLong();
        throw new AssertionError("no tab " + key + " in " + entries);
    }

    private interface Call { ResponseEntity<String> call(int index); }

    private List<HttpStatus> race(java.util.function.Supplier<ResponseEntity<String>> call, int n) throws Exception {
        return race(i -> call.get(), n);
    }

    private List<HttpStatus> race(Call call, int n) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ResponseEntity<String>>>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> { start.await(); return call.call(index); }));
            }
            start.countDown();
            var result = new ArrayList<HttpStatus>();
            for (var f : futures) {
                var response = f.get();
                assertThat(response.getStatusCode().value()).as(response.getBody()).isLessThan(500);
                result.add(HttpStatus.valueOf(response.getStatusCode().value()));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private ResponseEntity<String> exchange(TestRestTemplate caller, HttpMethod method, String path, Object body) {
        return caller.exchange(path, method, body == null ? null : jsonEntity(body), String.class);
    }

    static Map<String, Object> validRequest() {
        var applicant = new java.util.HashMap<String, Object>();
        applicant.put("fullName", "Trần Thị Mỹ Lệ");
        applicant.put("idNumber", "091234567890");
        applicant.put("phone", "0912 345 678");
        applicant.put("address", "12 Nguyễn Trung Trực, Rạch Giá");
        var request = new java.util.HashMap<String, Object>();
        request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", applicant);
        request.put("data", new java.util.HashMap<>(BirthRegistrationSample.intakeData()));
        request.put("checkedComponents", BirthRegistrationSample.CHECKED);
        return request;
    }

    private TestRestTemplate as(String user) { return http.withBasicAuth(user, "demo"); }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    static HttpEntity<Object> jsonEntity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

}
