package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import vn.motcua.MotCuaTest;

/**
 * Fixed-date public holidays through the running application (issue 19.5): only administrators see or change them
 * (403 for everyone else, nothing changed); a holiday an administrator adds moves the due dates the application
 * computes for the clerk's ward (DossierService computes a dossier's due date with the same WorkingCalendar; it reads
 * the system clock, so a dossier cannot be received in 2027 here: HolidayRulesTest moves a due date directly), and
 * undoing it moves them back.
 */
@MotCuaTest
class HolidayAdminApiTest {
    private static final Map<String, Object> CULTURE_DAY = Map.of("month", 11, "day", 24,
            "nameVi", "Ngày Văn hóa Việt Nam", "nameEn", "Vietnam Culture Day", "fromYear", 2027);

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    private Long ruleToUndo;

    @AfterEach
    void tearDown() {
        if (ruleToUndo != null) {
            admin().exchange("/api/admin/holidays/rules/" + ruleToUndo, HttpMethod.DELETE, null, String.class);
        }
    }

    @Test
    void nonAdministratorsGet403AndChangeNothing() throws Exception {
        int rules = read(admin().getForEntity("/api/admin/holidays/rules", String.class), HttpStatus.OK).size();
        for (String user : List.of("clerk", "supervisor", "leader", "citizen")) {
            TestRestTemplate as = http.withBasicAuth(user, "demo");
            assertThat(as.getForEntity("/api/admin/holidays?year=2027", String.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity("/api/admin/holidays", entity(CULTURE_DAY), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity("/api/admin/holidays/remove",
                    entity(Map.of("month", 4, "day", 30, "fromYear", 2027)), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(read(admin().getForEntity("/api/admin/holidays/rules", String.class), HttpStatus.OK))
                .hasSize(rules);
        assertThat(http.getForEntity("/api/admin/holidays?year=2027", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAddedHolidayMovesTheDueDatesAndUndoingItMovesThemBack() throws Exception {
        // Tuesday 23/11/2027 09:00 in Vietnam + 1 working day (the birth registration's time) at the clerk's ward.
        assertThat(dueAfterOneWorkingDay("2027-11-23T02:00:00Z")).isEqualTo("2027-11-24T02:00:00Z");

        JsonNode rule = read(admin().postForEntity("/api/admin/holidays", entity(CULTURE_DAY), String.class),
                HttpStatus.CREATED);
        ruleToUndo = rule.get("id").asLong();
        assertThat(rule.get("createdBy").asText()).isEqualTo("admin");

        assertThat(dueAfterOneWorkingDay("2027-11-23T02:00:00Z")).as("24/11/2027 is a holiday")
                .isEqualTo("2027-11-25T02:00:00Z");
        assertThat(dueAfterOneWorkingDay("2026-11-23T02:00:00Z")).as("24/11/2026 is not")
                .isEqualTo("2026-11-24T02:00:00Z");
        JsonNode year = read(admin().getForEntity("/api/admin/holidays?year=2027", String.class), HttpStatus.OK);
        assertThat(year.get(year.size() - 1).get("source").asText()).isEqualTo("ADDED");
        JsonNode changes = read(admin().getForEntity("/api/admin/holidays/changes", String.class), HttpStatus.OK);
        assertThat(changes.get(0).get("ruleId").asLong()).isEqualTo(ruleToUndo);
        assertThat(changes.get(0).get("change").asText()).isEqualTo("ADD");

        assertThat(admin().exchange("/api/admin/holidays/rules/" + ruleToUndo, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ruleToUndo = null;
        assertThat(dueAfterOneWorkingDay("2027-11-23T02:00:00Z")).isEqualTo("2027-11-24T02:00:00Z");
    }

    @Test
    void badInputAnswers400WithTheFieldAndChangesNothing() throws Exception {
        int rules = read(admin().getForEntity("/api/admin/holidays/rules", String.class), HttpStatus.OK).size();
        JsonNode error = read(admin().postForEntity("/api/admin/holidays",
                entity(Map.of("month", 2, "day", 31, "nameVi", "Sai", "fromYear", 2027)), String.class),
                HttpStatus.BAD_REQUEST);
        assertThat(error.get("field").asText()).isEqualTo("day");
        assertThat(error.get("message").asText()).isEqualTo("Ngày 31 không có trong tháng 2.");
        error = read(admin().postForEntity("/api/admin/holidays",
                entity(Map.of("month", "mười một", "day", 24, "nameVi", "Sai", "fromYear", 2027)), String.class),
                HttpStatus.BAD_REQUEST);
        assertThat(error.get("field").asText()).isEqualTo("month");
        assertThat(read(admin().getForEntity("/api/admin/holidays/rules", String.class), HttpStatus.OK))
                .hasSize(rules);
    }

    private String dueAfterOneWorkingDay(String start) throws Exception {
        return read(http.getForEntity("/api/calendar/due?start=" + start + "&workingDays=1&unit=000.01.15.H33",
                String.class), HttpStatus.OK).get("dueAt").asText();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo");
    }

    private JsonNode read(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<Object> entity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
