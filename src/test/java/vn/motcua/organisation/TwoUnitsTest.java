package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.security.SystemAccess;
import vn.motcua.security.WorkingUnits;

/**
 * A person who works for two units (kiêm nhiệm, issue 12 point 2): the administrator gives a user other units beside
 * the unit of appointment (API, import), the engine's groups hold them at each, each call works in one unit (the
 * header {@code MotCua-Unit}; the unit of appointment without it) with that unit's scope and codes, a unit not theirs
 * is refused (403, nothing done), and a merge moves the other units too.
 */
@MotCuaTest
class TwoUnitsTest {
    static final String A = "000.71.95.H33";
    static final String B = "000.72.95.H33";
    static final String C = "000.73.95.H33";
    static final String D = "000.74.95.H33";
    static final String PASSWORD = "Kiem-nhiem-2025!";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired OrganisationService organisation;
    @Autowired IdentityService identity;
    @Autowired Clock clock;
    @Autowired vn.motcua.TestUsers users;
    @Autowired WorkingUnits workingUnits;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void units() {
        if (organisation.unitByIdentifier(A).isPresent()) return;
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            organisation.createUnit(A, "UBND xã Kiêm Một", "Kiem Mot Commune", UnitLevel.COMMUNE, UnitKind.COMMUNE, province);
            organisation.createUnit(B, "UBND phường Kiêm Hai", "Kiem Hai Ward", UnitLevel.COMMUNE, UnitKind.WARD, province);
            organisation.createUnit(C, "UBND xã Kiêm Ba", "Kiem Ba Commune", UnitLevel.COMMUNE, UnitKind.COMMUNE, province);
            organisation.createUnit(D, "UBND xã Kiêm Bốn", "Kiem Bon Commune", UnitLevel.COMMUNE, UnitKind.COMMUNE, province);
        });
    }

    @Test
    void aPersonOfTwoUnitsReceivesAtEachWithItsCodeAndScopeAndNeverAtAUnitNotTheirs() throws Exception {
        JsonNode created = body(admin().postForEntity("/api/admin/users", entity(user("kiemnhiem95", A, List.of(B))),
                String.class), HttpStatus.CREATED);
        assertThat(created.get("unit").asText()).isEqualTo(A);
        assertThat(texts(created.get("otherUnits"))).containsExactly(B);
        assertThat(groupsOf("kiemnhiem95")).contains("CLERK_" + A, "CLERK_" + B, "SPECIALIST_" + A, "SPECIALIST_" + B);

        TestRestTemplate person = http.withBasicAuth("kiemnhiem95", PASSWORD);
        String atA = body(person.postForEntity("/api/dossiers", entity(BirthRegistrationSample.receiptJson()), String.class),
                HttpStatus.CREATED).get("code").asText();
        String atB = body(person.exchange("/api/dossiers", HttpMethod.POST, entity(BirthRegistrationSample.receiptJson(), B),
                String.class), HttpStatus.CREATED).get("code").asText();
        assertThat(atA).as("without the header: the unit of appointment").startsWith(A + "-");
        assertThat(atB).startsWith(B + "-");

        // each call sees its unit's dossiers only
        assertThat(person.getForEntity("/api/dossiers/" + atB, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(person.exchange("/api/dossiers/" + atB, HttpMethod.GET, entity(null, B), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(person.exchange("/api/dossiers/" + atA, HttpMethod.GET, entity(null, B), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // and the tasks of that unit's groups only
        assertThat(dossierCodes(person.exchange("/api/tasks?size=1000", HttpMethod.GET, entity(null, B), String.class)))
                .contains(atB).doesNotContain(atA);
        assertThat(dossierCodes(person.exchange("/api/tasks?size=1000", HttpMethod.GET, entity(null, null), String.class)))
                .contains(atA).doesNotContain(atB);

        // a unit not theirs: 403 in Vietnamese, nothing received
        long before = codesOf(C);
        JsonNode refused = body(person.exchange("/api/dossiers", HttpMethod.POST, entity(BirthRegistrationSample.receiptJson(), C),
                String.class), HttpStatus.FORBIDDEN);
        assertThat(refused.get("error").asText()).isEqualTo("NOT_YOUR_UNIT");
        assertThat(refused.get("message").asText()).isEqualTo("Bạn không làm việc tại đơn vị " + C + ".");
        assertThat(codesOf(C)).isEqualTo(before);
        assertThat(http.withBasicAuth("clerk", "demo").exchange("/api/dossiers", HttpMethod.POST,
                entity(BirthRegistrationSample.receiptJson(), B), String.class).getStatusCode())
                .as("a person of one unit names no other").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void changingTheOtherUnitsMovesTheEnginesGroupsAndAnAbsentListKeepsThem() throws Exception {
        body(admin().postForEntity("/api/admin/users", entity(user("kiemnhiem96", A, List.of(B, C))), String.class),
                HttpStatus.CREATED);
        assertThat(groupsOf("kiemnhiem96")).contains("CLERK_" + B, "CLERK_" + C);

        var keep = user("kiemnhiem96", A, null);
        keep.remove("password");
        JsonNode kept = body(admin().exchange("/api/admin/users/kiemnhiem96", HttpMethod.PUT, entity(keep), String.class), HttpStatus.OK);
        assertThat(texts(kept.get("otherUnits"))).containsExactly(B, C);

        var fewer = user("kiemnhiem96", A, List.of(C));
        fewer.remove("password");
        JsonNode changed = body(admin().exchange("/api/admin/users/kiemnhiem96", HttpMethod.PUT, entity(fewer), String.class), HttpStatus.OK);
        assertThat(texts(changed.get("otherUnits"))).containsExactly(C);
        assertThat(groupsOf("kiemnhiem96")).contains("CLERK_" + A, "CLERK_" + C).doesNotContain("CLERK_" + B);
    }

    @Test
    void aUnitTakenAwayAfterTheSignInCanNoLongerBeChosen() throws Exception {
        body(admin().postForEntity("/api/admin/users", entity(user("kiemnhiem99", A, List.of(B))), String.class),
                HttpStatus.CREATED);
        users.signInAs("kiemnhiem99");
        try {
            assertThat(workingUnits.choices()).extracting(Unit::identifier).containsExactly(A, B);
            var fewer = user("kiemnhiem99", A, List.of());
            fewer.remove("password");
            body(admin().exchange("/api/admin/users/kiemnhiem99", HttpMethod.PUT, entity(fewer), String.class), HttpStatus.OK);
            assertThat(workingUnits.choices()).extracting(Unit::identifier).containsExactly(A);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> workingUnits.switchTo(B))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            users.signOut();
        }
    }

    @Test
    void otherUnitsThatAreUnknownTheUnitOfAppointmentOrACitizensAreRefusedAndNothingIsStored() throws Exception {
        for (var wrong : List.of(user("kiemsai1", A, List.of("999.99.99.H99")), user("kiemsai2", A, List.of(A)))) {
            JsonNode error = body(admin().postForEntity("/api/admin/users", entity(wrong), String.class), HttpStatus.BAD_REQUEST);
            assertThat(error.get("errors")).anySatisfy(v -> assertThat(v.get("field").asText()).isEqualTo("otherUnits"));
            assertThat(admin().getForEntity("/api/admin/users/" + wrong.get("username"), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        var citizen = user("kiemsai3", null, List.of(B));
        citizen.put("roles", List.of("CITIZEN"));
        JsonNode error = body(admin().postForEntity("/api/admin/users", entity(citizen), String.class), HttpStatus.BAD_REQUEST);
        assertThat(error.get("errors")).anySatisfy(v -> {
            assertThat(v.get("field").asText()).isEqualTo("otherUnits");
            assertThat(v.get("message").asText()).isEqualTo("Công dân không thuộc đơn vị nào.");
        });
    }

    @Test
    void aMergeMovesTheOtherUnitsOfThePeopleWhoAlsoWorkedThere() throws Exception {
        body(admin().postForEntity("/api/admin/users", entity(user("kiemnhiem97", A, List.of(D))), String.class),
                HttpStatus.CREATED);
        var merge = admin().postForEntity("/api/admin/units/" + D + "/merge",
                entity(Map.of("successor", B, "effectiveDate", LocalDate.now(clock).toString())), String.class);
        assertThat(merge.getStatusCode()).as(merge.getBody()).isEqualTo(HttpStatus.OK);

        JsonNode moved = body(admin().getForEntity("/api/admin/users/kiemnhiem97", String.class), HttpStatus.OK);
        assertThat(moved.get("unit").asText()).isEqualTo(A);
        assertThat(texts(moved.get("otherUnits"))).containsExactly(B);
        assertThat(groupsOf("kiemnhiem97")).contains("CLERK_" + B).doesNotContain("CLERK_" + D);
    }

    @Test
    void anImportedListGivesOtherUnitsAndTheSameFileTwiceChangesNothing() throws Exception {
        String csv = "Tên đăng nhập,Họ và tên,Mã định danh đơn vị,Đơn vị kiêm nhiệm,Vai trò,Mật khẩu\n"
                + "kiemnhiem98,Đỗ Thị Kiêm Nhiệm," + A + ",\"" + B + "; " + C + "\",CLERK," + PASSWORD + "\n";
        JsonNode first = importUsers(csv);
        assertThat(first.get("created").asInt()).isEqualTo(1);
        assertThat(texts(body(admin().getForEntity("/api/admin/users/kiemnhiem98", String.class), HttpStatus.OK)
                .get("otherUnits"))).containsExactly(B, C);
        JsonNode second = importUsers(csv);
        assertThat(second.get("unchanged").asInt()).isEqualTo(1);
        assertThat(second.get("changed").asInt()).isZero();
    }

    private JsonNode importUsers(String csv) throws Exception {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() { return "kiem-nhiem.csv"; }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return body(admin().postForEntity("/api/admin/users/import?dryRun=false", new HttpEntity<>(parts, headers), String.class),
                HttpStatus.OK);
    }

    private List<String> dossierCodes(ResponseEntity<String> tasks) throws Exception {
        var codes = new ArrayList<String>();
        body(tasks, HttpStatus.OK).get("items").forEach(t -> codes.add(t.get("dossierCode").asText()));
        return codes;
    }

    private long codesOf(String unit) {
        return jdbc.queryForObject("select count(*) from dossier d join org_unit u on u.id = d.unit_id where u.identifier = ?",
                Long.class, unit);
    }

    private List<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream().map(g -> g.getId()).toList();
    }

    private static Map<String, Object> user(String username, String unit, List<String> otherUnits) {
        var user = new HashMap<String, Object>();
        user.put("username", username);
        user.put("fullName", "Nguyễn Văn Kiêm Nhiệm");
        if (unit != null) user.put("unit", unit);
        user.put("roles", List.of("CLERK", "SPECIALIST"));
        user.put("password", PASSWORD);
        if (otherUnits != null) user.put("otherUnits", otherUnits);
        return user;
    }

    private TestRestTemplate admin() { return http.withBasicAuth("admin", "demo"); }

    private static List<String> texts(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<Object> entity(Object body) { return entity(body, null); }

    private static HttpEntity<Object> entity(Object body, String unit) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag("vi")));
        if (unit != null) headers.set(WorkingUnits.HEADER, unit);
        return new HttpEntity<>(body, headers);
    }
}
