package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
import vn.motcua.MotCuaTest;
import vn.motcua.BirthRegistrationSample;

/**
 * The administrators' API of the organisation (/api/admin/units, /api/admin/users, /api/admin/log): a province sets
 * itself up without SQL, bad input changes nothing and says which field is wrong, every change is in the log.
 */
@MotCuaTest
class OrganisationAdminApiTest {
    /** A two-digit district-like segment no other test uses, so that every run creates fresh units. */
    private static final String RUN = String.format("%03d", 100 + ThreadLocalRandom.current().nextInt(900));

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    private TestRestTemplate admin() { return http.withBasicAuth("admin", "demo"); }

    /** GET with HTTP Basic credentials in UTF-8 (RFC 7617), as a client sends a password with Vietnamese letters. */
    private HttpStatus getAs(String username, String password, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(username, password, StandardCharsets.UTF_8);
        return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value());
    }

    private static String id(int commune) { return String.format("000.%02d.%s.H33", commune, RUN); }

    private static String username(String base) { return base + "-" + RUN + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36); }

    private Map<String, Object> unit(String identifier, String name, String level, String kind, String parent) {
        var unit = new HashMap<String, Object>();
        unit.put("identifier", identifier);
        unit.put("name", name);
        unit.put("level", level);
        unit.put("kind", kind);
        unit.put("parent", parent);
        return unit;
    }

    @Test
    void anAdministratorBuildsTheTwoTierTreeAndEveryRefusalNamesItsFieldAndChangesNothing() throws Exception {
        String commune = id(1);
        var created = body(admin().postForEntity("/api/admin/units",
                jsonEntity(unit(commune, "UBND xã Thử Nghiệm Hai Cấp", "COMMUNE", "COMMUNE", "000.00.00.H33")), String.class),
                HttpStatus.CREATED);
        assertThat(created.get("identifier").asText()).isEqualTo(commune);
        assertThat(created.get("parent").asText()).isEqualTo("000.00.00.H33");
        assertThat(created.get("kind").asText()).isEqualTo("COMMUNE");
        assertThat(created.get("active").asBoolean()).isTrue();

        // three-digit segments are identifiers too; a wrong format, a kind outside its level, another province's code
        var refused = admin().postForEntity("/api/admin/units", jsonEntity(unit(id(2).replace(".H33", ".H05"), "",
                "PROVINCE", "WARD", "000.00.00.H33")), String.class);
        JsonNode errors = body(refused, HttpStatus.BAD_REQUEST);
        assertThat(errors.findValuesAsText("field")).contains("name", "kind", "identifier");
        assertThat(refused.getBody()).contains("Phường", "H33");
        assertThat(admin().getForEntity("/api/admin/units/" + id(2).replace(".H33", ".H05"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(admin().postForEntity("/api/admin/units", jsonEntity(unit("15.H33", "X", "COMMUNE", null, null)),
                String.class), HttpStatus.BAD_REQUEST).findValuesAsText("field")).contains("identifier");
        assertThat(body(admin().postForEntity("/api/admin/units", jsonEntity(unit(id(3), "X", "PLANET", null, null)),
                String.class), HttpStatus.BAD_REQUEST).findValuesAsText("field")).contains("level");
        assertThat(body(admin().postForEntity("/api/admin/units", jsonEntity(unit(commune, "Trùng mã", "COMMUNE", null,
                "000.00.00.H33")), String.class), HttpStatus.BAD_REQUEST).get("message").asText()).contains(commune);

        // a central vertical agency carries its own code; a commune cannot sit above a department
        String police = "000.00." + RUN + ".G01";
        body(admin().postForEntity("/api/admin/units", jsonEntity(unit(police, "Công an xã Thử Nghiệm", "COMMUNE", "POLICE",
                commune)), String.class), HttpStatus.CREATED);
        assertThat(body(admin().postForEntity("/api/admin/units", jsonEntity(unit(id(4), "Sở dưới xã", "PROVINCE", "DEPARTMENT",
                commune)), String.class), HttpStatus.BAD_REQUEST).findValuesAsText("field")).containsOnly("level");

        // renamed and turned into a ward; its identifier never changes
        var ward = unit(commune, "UBND phường Thử Nghiệm", "COMMUNE", "WARD", "000.00.00.H33");
        ward.put("nameEn", "Thu Nghiem Ward People's Committee");
        var changed = body(exchange(admin(), HttpMethod.PUT, "/api/admin/units/" + commune, ward), HttpStatus.OK);
        assertThat(changed.get("kind").asText()).isEqualTo("WARD");
        assertThat(changed.get("name").asText()).isEqualTo("UBND phường Thử Nghiệm");
        var renamed = new HashMap<>(ward);
        renamed.put("identifier", id(5));
        assertThat(body(exchange(admin(), HttpMethod.PUT, "/api/admin/units/" + commune, renamed), HttpStatus.BAD_REQUEST)
                .findValuesAsText("field")).containsOnly("identifier");

        // a unit with a unit below is not deleted; one nothing refers to is
        assertThat(exchange(admin(), HttpMethod.DELETE, "/api/admin/units/" + commune, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(exchange(admin(), HttpMethod.DELETE, "/api/admin/units/" + police, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().getForEntity("/api/admin/units/" + police, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // closed from a day, then reopened; nothing is created under a closed unit
        assertThat(body(admin().postForEntity("/api/admin/units/" + commune + "/close",
                jsonEntity(Map.of("closedOn", LocalDate.now().plusYears(1).toString())), String.class), HttpStatus.BAD_REQUEST)
                .get("field").asText()).isEqualTo("closedOn");
        var closed = body(admin().postForEntity("/api/admin/units/" + commune + "/close",
                jsonEntity(Map.of("closedOn", "2026-01-31")), String.class), HttpStatus.OK);
        assertThat(closed.get("active").asBoolean()).isFalse();
        assertThat(closed.get("closedOn").asText()).isEqualTo("2026-01-31");
        assertThat(body(admin().postForEntity("/api/admin/units", jsonEntity(unit(id(6), "Dưới đơn vị đã đóng", "COMMUNE",
                null, commune)), String.class), HttpStatus.BAD_REQUEST).findValuesAsText("field")).contains("parent");
        assertThat(body(admin().postForEntity("/api/admin/units/" + commune + "/reopen", null, String.class), HttpStatus.OK)
                .get("active").asBoolean()).isTrue();

        JsonNode log = body(admin().getForEntity("/api/admin/log?from=" + LocalDate.now().minusDays(1) + "&to="
                + LocalDate.now().plusDays(1), String.class), HttpStatus.OK);
        assertThat(log.findValuesAsText("target")).contains(commune, police);
        assertThat(log.findValuesAsText("action")).contains("UNIT_CREATED", "UNIT_CHANGED", "UNIT_DELETED", "UNIT_CLOSED", "UNIT_REOPENED");
        assertThat(log.findValuesAsText("actor")).contains("admin");
    }

    @Test
    void aUserCreatedByTheAdministratorSignsInAtOnceWithTheEngineGroupsAndADisabledOneCannot() throws Exception {
        String name = username("specialist");
        var user = new HashMap<String, Object>();
        user.put("username", name);
        user.put("fullName", "Nguyễn Thị Thử Tài Khoản");
        user.put("email", name + "@example.vn");
        user.put("phone", "0912 000 111");
        user.put("unit", "000.01.15.H33");
        user.put("roles", List.of("SPECIALIST", "LEADER"));

        // the password policy: too short, the username inside, a common password; each refusal names the field
        for (String weak : List.of("short-1", name + "-2026!", "password123")) {
            user.put("password", weak);
            var refused = body(admin().postForEntity("/api/admin/users", jsonEntity(user), String.class), HttpStatus.BAD_REQUEST);
            assertThat(refused.findValuesAsText("field")).containsOnly("password");
        }
        assertThat(admin().getForEntity("/api/admin/users/" + name, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        user.put("password", "Mật-khẩu-đủ-dài-7");
        var created = body(admin().postForEntity("/api/admin/users", jsonEntity(user), String.class), HttpStatus.CREATED);
        assertThat(created.get("phone").asText()).isEqualTo("0912000111");
        assertThat(created.get("roles").toString()).contains("SPECIALIST", "LEADER");
        assertThat(created.has("password")).isFalse();
        assertThat(created.toString()).doesNotContain("$2a$");

        // signs in at once, with the engine's candidate groups of both roles
        assertThat(getAs(name, "Mật-khẩu-đủ-dài-7", "/api/tasks"))
                .isEqualTo(HttpStatus.OK);
        assertThat(identity.createGroupQuery().groupMember(name).list()).extracting(g -> g.getId())
                .contains("SPECIALIST_000.01.15.H33", "LEADER_000.01.15.H33");

        // a task they took goes back to the group, unassigned, when they are disabled; they can no longer sign in
        String code = body(http.withBasicAuth("clerk", "demo").postForEntity("/api/dossiers",
                jsonEntity(birthRegistration()), String.class), HttpStatus.CREATED).get("code").asText();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        tasks.claim(task.getId(), name);
        var disabled = body(admin().postForEntity("/api/admin/users/" + name + "/disable", null, String.class), HttpStatus.OK);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(getAs(name, "Mật-khẩu-đủ-dài-7", "/api/tasks"))
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        body(admin().postForEntity("/api/admin/users/" + name + "/enable", null, String.class), HttpStatus.OK);
        assertThat(admin().postForEntity("/api/admin/users/" + name + "/password", jsonEntity(Map.of("password", "123456789")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().postForEntity("/api/admin/users/" + name + "/password", jsonEntity(Map.of("password", "Một mật khẩu mới 2027")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getAs(name, "Mật-khẩu-đủ-dài-7", "/api/tasks"))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(getAs(name, "Một mật khẩu mới 2027", "/api/tasks"))
                .isEqualTo(HttpStatus.OK);

        // a citizen has no unit and no other role
        var citizen = new HashMap<String, Object>(Map.of("username", username("citizen"), "fullName", "Công Dân Thử",
                "unit", "000.01.15.H33", "roles", List.of("CITIZEN", "CLERK"), "password", "Một mật khẩu dài 2026"));
        assertThat(body(admin().postForEntity("/api/admin/users", jsonEntity(citizen), String.class), HttpStatus.BAD_REQUEST)
                .findValuesAsText("field")).contains("roles", "unit");

        JsonNode log = body(admin().getForEntity("/api/admin/log?from=" + LocalDate.now().minusDays(1) + "&to="
                + LocalDate.now().plusDays(1), String.class), HttpStatus.OK);
        assertThat(log.findValuesAsText("action")).contains("USER_CREATED", "USER_DISABLED", "USER_ENABLED", "PASSWORD_RESET");
        assertThat(log.toString()).as("no personal data in the log").doesNotContain("0912000111", "Mật-khẩu");
    }

    @Test
    void aClosedUnitReceivesNoDossierAndAUnitWithDossiersIsClosedNeverDeleted() throws Exception {
        String commune = id(21);
        body(admin().postForEntity("/api/admin/units", jsonEntity(unit(commune, "UBND xã Sẽ Đóng", "COMMUNE", null,
                "000.00.00.H33")), String.class), HttpStatus.CREATED);
        String first = username("clerk-a");
        String second = username("clerk-b");
        for (String clerk : List.of(first, second)) {
            body(admin().postForEntity("/api/admin/users", jsonEntity(Map.of("username", clerk, "fullName", "Công Chức Xã Sẽ Đóng",
                    "unit", commune, "roles", List.of("CLERK"), "password", "Tiep nhan ho so 2026")), String.class), HttpStatus.CREATED);
        }
        var receipt = clerk(first).postForEntity("/api/dossiers", jsonEntity(birthRegistration()), String.class);
        assertThat(body(receipt, HttpStatus.CREATED).get("code").asText()).startsWith(commune + "-");

        body(admin().postForEntity("/api/admin/units/" + commune + "/close", null, String.class), HttpStatus.OK);
        var refused = clerk(second).postForEntity("/api/dossiers", jsonEntity(birthRegistration()), String.class);
        assertThat(body(refused, HttpStatus.CONFLICT).get("message").asText()).contains(commune, "đã đóng");

        // without its users it still has a dossier: deleting it is refused, it stays closed
        for (String clerk : List.of(first, second)) {
            body(exchange(admin(), HttpMethod.PUT, "/api/admin/users/" + clerk, Map.of("unit", "000.01.15.H33",
                    "fullName", "Công Chức Xã Sẽ Đóng", "roles", List.of("CLERK"))), HttpStatus.OK);
        }
        var delete = exchange(admin(), HttpMethod.DELETE, "/api/admin/units/" + commune, null);
        assertThat(body(delete, HttpStatus.CONFLICT).get("message").asText()).contains("hồ sơ");
        assertThat(body(admin().getForEntity("/api/admin/units/" + commune, String.class), HttpStatus.OK).get("active").asBoolean()).isFalse();
    }

    private TestRestTemplate clerk(String username) { return http.withBasicAuth(username, "Tiep nhan ho so 2026"); }

    @Test
    void theLastAdministratorIsNeverDisabledAndNobodyDisablesThemselves() throws Exception {
        assertThat(admin().postForEntity("/api/admin/users/admin/disable", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/api/admin/users/admin", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAdministratorsReachTheOrganisationApi() {
        for (String user : List.of("supervisor", "clerk", "designer", "citizen")) {
            assertThat(getAs(user, "demo", "/api/admin/units"))
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(user, "demo").postForEntity("/api/admin/users", jsonEntity(Map.of()), String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/admin/users", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUnitListImportsRowByRowAndTheSameFileTwiceChangesNothing() throws Exception {
        String csv = "Mã định danh;Tên đơn vị;Tên tiếng Anh;Cấp;Loại;Mã định danh cấp trên\n"
                + id(12) + ";UBND phường Nhập Một;;Xã;Phường;" + id(11) + "\n"            // its parent comes on a later row
                + id(11) + ";Trung tâm Phục vụ hành chính công Thử;Test Service Centre;cấp tỉnh;Trung tâm Phục vụ hành chính công;000.00.00.H33\n"
                + "000.99.1.H33;Mã sai;;Xã;;000.00.00.H33\n"
                + id(13) + ";UBND đặc khu Nhập;;Xã;Đặc khu;000.00.00.H33\n";
        var trial = body(upload("/api/admin/units/import?dryRun=true", "don-vi.csv", csv.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
        assertThat(trial.get("dryRun").asBoolean()).isTrue();
        assertThat(trial.get("created").asInt()).isEqualTo(3);
        assertThat(admin().getForEntity("/api/admin/units/" + id(11), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var first = body(upload("/api/admin/units/import", "don-vi.csv", csv.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
        assertThat(first.get("created").asInt()).isEqualTo(3);
        assertThat(first.get("refused").asInt()).isEqualTo(1);
        JsonNode refusedRow = first.get("rows").get(2);
        assertThat(refusedRow.get("line").asInt()).isEqualTo(4);
        assertThat(refusedRow.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusedRow.get("message").asText()).contains("identifier", "QCVN 102");
        var centre = body(admin().getForEntity("/api/admin/units/" + id(11), String.class), HttpStatus.OK);
        assertThat(centre.get("kind").asText()).isEqualTo("SERVICE_CENTRE");
        assertThat(centre.get("level").asText()).isEqualTo("PROVINCE");
        assertThat(body(admin().getForEntity("/api/admin/units/" + id(12), String.class), HttpStatus.OK).get("parent").asText())
                .isEqualTo(id(11));
        assertThat(body(admin().getForEntity("/api/admin/units/" + id(13), String.class), HttpStatus.OK).get("kind").asText())
                .isEqualTo("SPECIAL_ZONE");

        var again = body(upload("/api/admin/units/import", "don-vi.csv", csv.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("changed").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);

        // the same list as a workbook, one name changed: one row changed, the rest as they were
        var xlsx = xlsx(List.of(
                List.of("Mã định danh", "Tên đơn vị", "Cấp", "Loại", "Mã định danh cấp trên"),
                List.of(id(11), "Trung tâm Phục vụ hành chính công Thử", "PROVINCE", "SERVICE_CENTRE", "000.00.00.H33"),
                List.of(id(12), "UBND phường Nhập Một (đổi tên)", "COMMUNE", "WARD", id(11))));
        var workbook = body(upload("/api/admin/units/import", "don-vi.xlsx", xlsx), HttpStatus.OK);
        assertThat(workbook.get("changed").asInt()).as(workbook.toString()).isEqualTo(1);
        assertThat(workbook.get("unchanged").asInt()).as("a column the file lacks keeps its value").isEqualTo(1);
        assertThat(body(admin().getForEntity("/api/admin/units/" + id(12), String.class), HttpStatus.OK).get("name").asText())
                .isEqualTo("UBND phường Nhập Một (đổi tên)");

        assertThat(body(upload("/api/admin/units/import", "rong.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST).get("field").asText()).isEqualTo("file");
    }

    @Test
    void aUserListImportsAndTheSameFileTwiceChangesNothing() throws Exception {
        String a = username("import-a");
        String b = username("import-b");
        String csv = "Tên đăng nhập,Họ và tên,Email,Số điện thoại,Mã định danh đơn vị,Vai trò,Mật khẩu\n"
                + a + ",Người Nhập Một,,0987654321,000.01.15.H33,\"CLERK, SPECIALIST\",Mật khẩu nhập số 1\n"
                + b + ",Người Nhập Hai,,,000.01.15.H33,Lãnh đạo,Mật khẩu nhập số 2\n"
                + "Sai Tên,Người Sai,,,000.01.15.H33,CLERK,Mật khẩu nhập số 3\n";
        var first = body(upload("/api/admin/users/import", "nguoi-dung.csv", csv.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("refused").asInt()).isEqualTo(1);
        assertThat(body(admin().getForEntity("/api/admin/users/" + b, String.class), HttpStatus.OK).get("roles").toString()).contains("LEADER");
        var again = body(upload("/api/admin/users/import", "nguoi-dung.csv", csv.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt() + again.get("changed").asInt()).isZero();
        assertThat(getAs(a, "Mật khẩu nhập số 1", "/api/tasks"))
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void calendarChangesReachTheAdministratorsLog() throws Exception {
        var rule = body(admin().postForEntity("/api/admin/holidays", jsonEntity(Map.of("month", 11, "day", 24,
                "nameVi", "Ngày thử nhật ký", "fromYear", 2090, "toYear", 2090)), String.class), HttpStatus.CREATED);
        assertThat(exchange(admin(), HttpMethod.DELETE, "/api/admin/holidays/rules/" + rule.get("id").asText(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode log = body(admin().getForEntity("/api/admin/log?from=" + LocalDate.now().minusDays(1) + "&to="
                + LocalDate.now().plusDays(1), String.class), HttpStatus.OK);
        assertThat(log.toString()).contains("HOLIDAY_ADDED", "HOLIDAY_RULE_UNDONE", "Ngày thử nhật ký");
    }

    @Test
    void theLogExportsAsCsvForAdministratorsOnly() {
        var csv = admin().getForEntity("/api/admin/log.csv?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now().plusDays(1),
                String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("Thời điểm", "Người thực hiện");
        assertThat(admin().getForEntity("/api/admin/log?from=2026-12-10&to=2026-12-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/admin/log.csv?from=2026-01-01&to=2026-12-31",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- helpers

    private static Map<String, Object> birthRegistration() {
        var applicant = new HashMap<String, Object>(Map.of("fullName", "Trần Thị Mỹ Lệ"));
        var request = new HashMap<String, Object>();
        request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", applicant);
        request.put("data", new HashMap<>(BirthRegistrationSample.intakeData()));
        request.put("checkedComponents", BirthRegistrationSample.CHECKED);
        return request;
    }

    private ResponseEntity<String> upload(String path, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() { return fileName; }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.forLanguageTag("vi")));
        return admin().postForEntity(path, new HttpEntity<>(parts, headers), String.class);
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Đơn vị");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private ResponseEntity<String> exchange(TestRestTemplate client, HttpMethod method, String path, Object body) {
        return client.exchange(path, method, body == null ? new HttpEntity<>(languageHeaders()) : jsonEntity(body), String.class);
    }

    private static HttpHeaders languageHeaders() {
        var headers = new HttpHeaders();
        headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.forLanguageTag("vi")));
        return headers;
    }

    private static HttpEntity<Object> jsonEntity(Object body) {
        var headers = languageHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }
}
