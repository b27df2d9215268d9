package vn.motcua.calendar;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrators' holiday API on the controller alone (no application context, no method security: 403 for
 * non-administrators is HolidayAdminApiTest's and the access table's): answers, and refusals that name the field, are
 * worded in the caller's language and change nothing.
 */
class HolidayAdminControllerTest {

    private InMemoryCalendarStore store;
    private WorkingCalendar calendar;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        store = new InMemoryCalendarStore();
        calendar = new WorkingCalendar(store);
        mvc = MockMvcBuilders.standaloneSetup(new HolidayAdminController(new CalendarService(store, calendar)))
                .build();
    }

    @Test
    void theYearListsTheStatutoryFixedHolidaysWithTheirSource() throws Exception {
        mvc.perform(get("/api/admin/holidays").param("year", "2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].date").value("2027-01-01"))
                .andExpect(jsonPath("$[0].name").value("Tết Dương lịch"))
                .andExpect(jsonPath("$[0].source").value("STATUTORY"))
                .andExpect(jsonPath("$[3].date").value("2027-09-02"));
    }

    @Test
    void anAddedHolidayIsListedFromItsFirstYearWithItsRule() throws Exception {
        mvc.perform(post("/api/admin/holidays").contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": 11, "day": 24, "nameVi": "Ngày Văn hóa Việt Nam", "nameEn": "Vietnam Culture Day",
                         "fromYear": 2027}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.action").value("ADD"))
                .andExpect(jsonPath("$.fromYear").value(2027))
                .andExpect(jsonPath("$.toYear").doesNotExist());
        long id = store.holidayRules.keySet().iterator().next();

        mvc.perform(get("/api/admin/holidays").param("year", "2027").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[4].date").value("2027-11-24"))
                .andExpect(jsonPath("$[4].name").value("Vietnam Culture Day"))
                .andExpect(jsonPath("$[4].source").value("ADDED"))
                .andExpect(jsonPath("$[4].ruleId").value(id));
        mvc.perform(get("/api/admin/holidays").param("year", "2026"))
                .andExpect(jsonPath("$.length()").value(4));
        mvc.perform(get("/api/admin/holidays/rules"))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].nameVi").value("Ngày Văn hóa Việt Nam"));
        mvc.perform(get("/api/admin/holidays/changes"))
                .andExpect(jsonPath("$[0].change").value("ADD"));

        mvc.perform(delete("/api/admin/holidays/rules/" + id)).andExpect(status().isNoContent());
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2027, 11, 24))).isTrue();
        mvc.perform(delete("/api/admin/holidays/rules/" + id))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void aStatutoryHolidayIsRemovedForOneYear() throws Exception {
        mvc.perform(post("/api/admin/holidays/remove").contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": 4, "day": 30, "fromYear": 2027, "toYear": 2027}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.action").value("REMOVE"));
        mvc.perform(get("/api/admin/holidays").param("year", "2027"))
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/admin/holidays").param("year", "2028"))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void badInputAnswers400NamingTheFieldInTheCallersLanguageAndChangesNothing() throws Exception {
        mvc.perform(post("/api/admin/holidays").contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": 2, "day": 31, "nameVi": "Sai", "fromYear": 2027}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value("day"))
                .andExpect(jsonPath("$.message").value("Ngày 31 không có trong tháng 2."));
        mvc.perform(post("/api/admin/holidays").contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").content("""
                        {"month": 11, "day": 24, "nameVi": "Sai", "fromYear": 2028, "toYear": 2027}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("toYear"))
                .andExpect(jsonPath("$.message").value("The last year (2027) must not be before the first year (2028)."));
        mvc.perform(post("/api/admin/holidays").contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": 11, "day": 24, "nameVi": "Sai", "fromYear": 1989}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("out_of_range"))
                .andExpect(jsonPath("$.field").value("fromYear"))
                .andExpect(jsonPath("$.message").value("Năm phải nằm trong khoảng từ 1990 đến 2100."));
        mvc.perform(post("/api/admin/holidays").contentType(MediaType.APPLICATION_JSON).content("""
                        {"day": 24, "nameVi": "Sai", "fromYear": 2027}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"));
        mvc.perform(post("/api/admin/holidays/remove").contentType(MediaType.APPLICATION_JSON).content("""
                        {"month": 11, "day": 24, "fromYear": 2027}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("day"));
        mvc.perform(get("/api/admin/holidays").param("year", "20x7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));

        assertThat(store.holidayRules).isEmpty();
        assertThat(store.holidayChanges).isEmpty();
    }
}
