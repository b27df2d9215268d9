package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.tasklist.TaskListService;

/**
 * Merging a commune into another with dossiers in flight at every open status: the open dossiers move with their
 * codes, steps, deadlines, clocks and timers to the successor, whose people (the merged commune's people with them)
 * carry on; ended dossiers and everything recorded stay; what is sent to the merged commune goes to the successor.
 */
@MotCuaTest
class UnitMergeTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired OrganisationService organisation;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired ProcessEngine engine;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void aMergeMovesEveryOpenDossierWithItsStepsAndLosesNothing() throws Exception {
        String a = freeIdentifier();
        Unit unitA = commune(a, "UBND xã Hợp Nhất Một");
        String b = freeIdentifier();
        Unit unitB = commune(b, "UBND xã Kế Thừa");
        String s = a.substring(4, 6) + a.substring(7, 10);
        person("clerk-a" + s, unitA, Role.CLERK);
        person("specialist-a" + s, unitA, Role.SPECIALIST);
        person("leader-a" + s, unitA, Role.LEADER);
        person("specialist-b" + s, unitB, Role.SPECIALIST);
        person("leader-b" + s, unitB, Role.LEADER);
        person("clerk-b" + s, unitB, Role.CLERK);

        String waiting = receive("clerk-a" + s);
        String held = receive("clerk-a" + s);
        as("specialist-a" + s, () -> tasks.claim(tasks.tasksOf(held).get(0).id()));
        String supplement = receive("clerk-a" + s);
        as("clerk-a" + s, () -> dossiers.act(supplement, DossierAction.REQUEST_SUPPLEMENT, "Bổ sung giấy chứng sinh"));
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String online = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(),
                sample.data(), a), staged)).code();
        String approval = receive("clerk-a" + s);
        review("specialist-a" + s, approval);
        String processed = receive("clerk-a" + s);
        review("specialist-a" + s, processed);
        complete("leader-a" + s, processed, Map.of("decision", "APPROVE"));
        String returned = receive("clerk-a" + s);
        review("specialist-a" + s, returned);
        complete("leader-a" + s, returned, Map.of("decision", "APPROVE"));
        complete("clerk-a" + s, returned, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));

        var open = List.of(waiting, held, supplement, online, approval, processed);
        Map<String, Integer> statusBefore = new HashMap<>();
        Map<String, Integer> historyBefore = new HashMap<>();
        Map<String, Object> dueBefore = new HashMap<>();
        users.signInAs("admin");
        for (String code : open) {
            statusBefore.put(code, dossiers.get(code).status().code());
            historyBefore.put(code, dossiers.history(code).size());
            dueBefore.put(code, String.valueOf(dossiers.get(code).dueAt()));
        }
        assertThat(dossiers.get(returned).status().code()).isEqualTo(10);
        long timersBefore = timersOf(waiting);
        assertThat(timersBefore).as("the lifecycle's nearly-due and overdue timers").isPositive();
        users.signOut();

        JsonNode report = body(as("admin").postForEntity("/api/admin/units/" + a + "/merge",
                entity(Map.of("successor", b, "effectiveDate", LocalDate.now(Formats.ZONE).toString())), String.class), HttpStatus.OK);
        assertThat(report.at("/moved/dossiers").asInt()).isEqualTo(6);
        assertThat(report.at("/moved/users").asInt()).isEqualTo(3);
        assertThat(report.at("/moved/dossiers.status.5").asInt()).isEqualTo(1);
        assertThat(report.at("/moved/dossiers.status.1").asInt()).isEqualTo(1);
        assertThat(report.at("/moved/dossiers.status.9").asInt()).isEqualTo(1);
        assertThat(report.at("/moved/tasks").asInt()).isGreaterThanOrEqualTo(5);

        users.signInAs("admin");
        for (String code : open) {
            var d = dossiers.get(code);
            assertThat(d.unitIdentifier()).as(code).isEqualTo(b);
            assertThat(d.code()).as("codes stay").startsWith(a);
            assertThat(d.status().code()).as(code).isEqualTo(statusBefore.get(code));
            assertThat(String.valueOf(d.dueAt())).as("deadlines stay").isEqualTo(dueBefore.get(code));
            List<AuditEntry> history = dossiers.history(code);
            assertThat(history).hasSize(historyBefore.get(code) + 1);
            assertThat(history.get(history.size() - 1).action()).isEqualTo("UNIT_MERGED");
            assertThat(dossiers.verifyHistory(code)).as("the audit chain of %s", code).isNull();
        }
        assertThat(dossiers.get(returned).unitIdentifier()).as("an ended dossier stays").isEqualTo(a);
        assertThat(timersOf(waiting)).as("pending timers stay").isEqualTo(timersBefore);
        assertThat(organisation.unitByIdentifier(a).orElseThrow().active()).isFalse();
        users.signOut();

        // The successor's own people carry on the moved work, and what comes next goes to the successor's groups
        review("specialist-b" + s, waiting);
        users.signInAs("leader-b" + s);
        assertThat(tasks.tasksOf(waiting)).extracting(t -> t.candidateGroup()).containsExactly("LEADER_" + b);
        // The merged commune's people moved with it: the step one of them held is still theirs
        users.signInAs("specialist-a" + s);
        assertThat(tasks.tasksOf(held).get(0).assignee()).isEqualTo("specialist-a" + s);
        review("specialist-a" + s, held);
        as("clerk-a" + s, () -> dossiers.act(supplement, DossierAction.RECEIVE_SUPPLEMENT, null));
        as("clerk-b" + s, () -> dossiers.act(online, DossierAction.ACCEPT, null));
        complete("leader-b" + s, approval, Map.of("decision", "APPROVE"));
        complete("clerk-b" + s, processed, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        users.signInAs("admin");
        assertThat(dossiers.get(processed).status().code()).isEqualTo(10);

        // What is sent to the merged commune goes to its successor
        users.signInAs("citizen");
        var late = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(), sample.data(), a), staged));
        assertThat(late.unitIdentifier()).isEqualTo(b);
        assertThat(late.code()).startsWith(b);
    }

    @Test
    void aMergeThatCannotBeIsRefusedAndChangesNothing() throws Exception {
        String a = freeIdentifier();
        commune(a, "UBND xã Không Hợp Nhất");
        String b = freeIdentifier();
        commune(b, "UBND xã Thử Lỗi");
        assertThat(as("admin").postForEntity("/api/admin/units/" + a + "/merge", entity(Map.of("successor", a)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("admin").postForEntity("/api/admin/units/" + a + "/merge", entity(Map.of("successor", "999.99.99.H99")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("admin").postForEntity("/api/admin/units/" + a + "/merge",
                entity(Map.of("successor", b, "effectiveDate", LocalDate.now(Formats.ZONE).plusYears(6).toString())), String.class)
                .getStatusCode()).as("planned more than five years ahead").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("clerk").postForEntity("/api/admin/units/" + a + "/merge", entity(Map.of("successor", b)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(organisation.unitByIdentifier(a).orElseThrow().active()).isTrue();
        body(as("admin").postForEntity("/api/admin/units/" + a + "/merge", entity(Map.of("successor", b)), String.class), HttpStatus.OK);
        assertThat(as("admin").postForEntity("/api/admin/units/" + a + "/merge", entity(Map.of("successor", b)), String.class)
                .getStatusCode()).as("already merged").isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("admin").postForEntity("/api/admin/units/" + b + "/merge", entity(Map.of("successor", a)), String.class)
                .getStatusCode()).as("into a closed unit").isEqualTo(HttpStatus.CONFLICT);
    }

    // --- helpers

    private String freeIdentifier() {
        for (int i = 100; i < 999; i++) {
            String id = "000.96." + i + ".H33";
            if (organisation.unitByIdentifier(id).isEmpty()) return id;
        }
        throw new AssertionError("no free identifier");
    }

    private Unit commune(String identifier, String name) {
        return SystemAccess.call(() -> organisation.createUnit(identifier, name, null, UnitLevel.COMMUNE, UnitKind.COMMUNE,
                organisation.unitByIdentifier("000.00.00.H33").orElseThrow()));
    }

    private void person(String username, Unit unit, Role role) {
        SystemAccess.run(() -> organisation.createUser(username, "demo", "Người thử " + username, null, unit, EnumSet.of(role)));
    }

    private String receive(String clerk) {
        users.signInAs(clerk);
        return dossiers.receive(BirthRegistrationSample.inPerson()).code();
    }

    private void review(String specialist, String code) {
        complete(specialist, code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
    }

    private void complete(String user, String code, Map<String, Object> data) {
        users.signInAs(user);
        var step = tasks.tasksOf(code).stream().findFirst().orElseThrow(() -> new AssertionError("no step of " + code + " for " + user));
        tasks.complete(step.id(), data);
    }

    private void as(String user, Runnable action) {
        users.signInAs(user);
        action.run();
    }

    private long timersOf(String code) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
                .mapToLong(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .sum();
    }

    private TestRestTemplate as(String user) { return http.withBasicAuth(user, "demo"); }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<Object> entity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

}
