package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;

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
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.tasklist.TaskListService;

/**
 * A merge planned for a day to come (issue 12): nothing moves before its day; on its day it is carried out as if
 * entered then, the dossier in flight and the people moving to the successor, whose people carry on; a cancelled plan
 * changes nothing; a plan whose successor closed meanwhile is recorded FAILED with the reason and changes nothing; a
 * unit has one plan at a time.
 */
@MotCuaTest
class ScheduledMergeTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired OrganisationService organisation;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired ScheduledMerges merges;

    @AfterEach
    void reset() {
        clock.reset();
        users.signOut();
    }

    @Test
    void aPlannedMergeIsCarriedOutOnItsDayAndACancelledOrImpossibleOneChangesNothing() throws Exception {
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate day = today.plusDays(3);
        Unit a = commune("UBND xã Sẽ Hợp Nhất");
        Unit b = commune("UBND xã Kế Thừa Theo Lịch");
        Unit d = commune("UBND xã Hủy Lịch");
        Unit e = commune("UBND xã Lịch Thất Bại");
        Unit f = commune("UBND xã Đóng Trước");
        String clerk = person(a, Role.CLERK);
        String successorSpecialist = person(b, Role.SPECIALIST);
        users.signInAs(clerk);
        String code = dossiers.receive(vn.motcua.Intakes.checked(BirthRegistrationSample.inPerson())).code();
        users.signOut();

        JsonNode planned = body(post(a, Map.of("successor", b.identifier(), "effectiveDate", day.toString())), HttpStatus.ACCEPTED);
        assertThat(planned.get("scheduled").asBoolean()).isTrue();
        assertThat(planned.get("moved")).isEmpty();
        assertThat(post(a, Map.of("successor", d.identifier())).getStatusCode()).as("one plan at a time").isEqualTo(HttpStatus.CONFLICT);
        body(post(d, Map.of("successor", b.identifier(), "effectiveDate", day.toString())), HttpStatus.ACCEPTED);
        body(post(e, Map.of("successor", f.identifier(), "effectiveDate", day.toString())), HttpStatus.ACCEPTED);
        assertThat(admin().exchange("/api/admin/units/" + d.identifier() + "/merge", HttpMethod.DELETE, entity(null), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().exchange("/api/admin/units/" + d.identifier() + "/merge", HttpMethod.DELETE, entity(null), String.class)
                .getStatusCode()).as("nothing left to cancel").isEqualTo(HttpStatus.NOT_FOUND);
        body(admin().postForEntity("/api/admin/units/" + f.identifier() + "/close", entity(null), String.class), HttpStatus.OK);

        assertThat(SystemAccess.call(merges::runDue)).as("nothing before the day").isZero();
        assertThat(unit(a).active()).isTrue();
        assertThat(unitOf(code)).isEqualTo(a.identifier());

        clock.setTo(day.atTime(LocalTime.of(0, 5)).atZone(Formats.ZONE).toInstant());
        assertThat(SystemAccess.call(merges::runDue)).isEqualTo(1);
        assertThat(SystemAccess.call(merges::runDue)).as("carried out once").isZero();

        assertThat(unit(a).active()).isFalse();
        assertThat(unit(a).closedOn()).isEqualTo(day);
        assertThat(unitOf(code)).as("the dossier in flight moved").isEqualTo(b.identifier());
        assertThat(organisation.user(clerk).orElseThrow().unitId()).as("the people moved").isEqualTo(b.id());
        users.signInAs(successorSpecialist);
        var step = tasks.tasksOf(code).stream().findFirst().orElseThrow(() -> new AssertionError("the successor's specialist sees no step"));
        tasks.complete(step.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        users.signOut();

        assertThat(unit(d).active()).as("cancelled").isTrue();
        assertThat(unit(e).active()).as("its successor had closed").isTrue();
        JsonNode plans = json.readTree(admin().getForEntity("/api/admin/unit-merges", String.class).getBody());
        assertThat(plan(plans, a).get("state").asText()).isEqualTo("DONE");
        assertThat(plan(plans, a).get("outcome").asText()).contains("dossiers=1");
        assertThat(plan(plans, d).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(plan(plans, e).get("state").asText()).isEqualTo("FAILED");
        assertThat(plan(plans, e).get("outcome").asText()).contains(f.identifier()).contains("đã đóng");
        String log = admin().getForEntity("/api/admin/log?from=" + today.minusDays(1) + "&to=" + day.plusDays(1), String.class).getBody();
        assertThat(log).contains("UNIT_MERGE_SCHEDULED").contains("UNIT_MERGE_CANCELLED").contains("UNIT_MERGE_FAILED").contains("UNIT_MERGED");
    }

    // --- helpers

    private static JsonNode plan(JsonNode plans, Unit unit) {
        for (JsonNode p : plans) if (p.get("unit").asText().equals(unit.identifier())) return p;
        throw new AssertionError("no plan of " + unit.identifier());
    }

    private Unit unit(Unit u) { return organisation.unitByIdentifier(u.identifier()).orElseThrow(); }

    private String unitOf(String code) {
        return SystemAccess.call(() -> dossiers.get(code)).unitIdentifier();
    }

    private Unit commune(String name) {
        for (int i = 100; i < 999; i++) {
            String id = "000.94." + i + ".H33";
            if (organisation.unitByIdentifier(id).isEmpty()) {
                return SystemAccess.call(() -> organisation.createUnit(id, name, null, UnitLevel.COMMUNE, UnitKind.COMMUNE,
                        organisation.unitByIdentifier("000.00.00.H33").orElseThrow()));
            }
        }
        throw new AssertionError("no free identifier");
    }

    private String person(Unit unit, Role role) {
        String username = "sm-" + role.name().toLowerCase() + "-" + unit.identifier().replace('.', '-').toLowerCase();
        SystemAccess.run(() -> organisation.createUser(username, "demo", "Người thử " + username, null, unit, EnumSet.of(role)));
        return username;
    }

    private ResponseEntity<String> post(Unit unit, Map<String, Object> request) {
        return admin().postForEntity("/api/admin/units/" + unit.identifier() + "/merge", entity(request), String.class);
    }

    private TestRestTemplate admin() { return http.withBasicAuth("admin", "demo"); }

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
