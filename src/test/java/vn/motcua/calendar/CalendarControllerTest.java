package vn.motcua.calendar;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public JSON API, on the controller alone (no application context, no database). */
class CalendarControllerTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        InMemoryCalendarStore store = new InMemoryCalendarStore();
        WorkingCalendar calendar = new WorkingCalendar(store);
        mvc = MockMvcBuilders.standaloneSetup(new CalendarController(new CalendarService(store, calendar), calendar,
                        java.util.Set.of("000.01.15.H33")::contains))
                .build();
    }

    @Test
    void holidaysListsEveryNonWorkingWeekdaySortedWithVietnameseNamesByDefault() throws Exception {
        mvc.perform(get("/api/calendar/holidays").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(11))
                .andExpect(jsonPath("$[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$[0].name").value("Tết Dương lịch"))
                .andExpect(jsonPath("$[1].date").value("2026-02-16"))
                .andExpect(jsonPath("$[1].name").value("Tết Nguyên đán"))
                .andExpect(jsonPath("$[6].date").value("2026-04-27"))
                .andExpect(jsonPath("$[6].name").value("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"))
                // Sunday 26 April is not a weekday: only its compensatory Monday is listed.
                .andExpect(jsonPath("$[*].date", not(hasItem("2026-04-26"))))
                .andExpect(jsonPath("$[10].date").value("2026-09-03"))
                .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Test
    void holidaysNamesFollowAcceptLanguageAndFallBackToVietnamese() throws Exception {
        mvc.perform(get("/api/calendar/holidays").param("year", "2026").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("New Year’s Day"));
        mvc.perform(get("/api/calendar/holidays").param("year", "2026")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,de;q=0.8"))
                .andExpect(jsonPath("$[0].name").value("Tết Dương lịch"));
    }

    @Test
    void dueForOneWorkingDayFromFriday1630IsMonday1630() throws Exception {
        // 16:30 in Hanoi is 09:30 UTC.
        mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z").param("workingDays", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2025-01-06T09:30:00Z"));
    }

    @Test
    void dueAcceptsAnOffsetEvenWhenItsPlusSignWasDecodedAsASpace() throws Exception {
        mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T16:30:00+07:00").param("workingHours", "8"))
                .andExpect(jsonPath("$.dueAt").value("2025-01-06T09:30:00Z"));
        mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T16:30:00 07:00").param("workingHours", "8"))
                .andExpect(jsonPath("$.dueAt").value("2025-01-06T09:30:00Z"));
    }

    @Test
    void dueForCalendarDaysEndingOnSundayIsTheEndOfMondayHours() throws Exception {
        mvc.perform(get("/api/calendar/due").param("start", "2025-03-04T03:00:00Z").param("calendarDays", "5"))
                .andExpect(jsonPath("$.dueAt").value("2025-03-10T10:00:00Z"));
    }

    @Test
    void missingStartIsA400NamingTheParameterInVietnamese() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("workingDays", "1")),
                "missing_parameter", "start", "Vui lòng cho biết thời điểm tiếp nhận hồ sơ (tham số start).");
    }

    @Test
    void malformedStartIsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "03/01/2025").param("workingDays", "1")),
                "invalid_parameter", "start",
                "Thời điểm tiếp nhận không đúng định dạng ISO-8601, ví dụ 2026-02-13T09:00:00+07:00 hoặc "
                        + "2026-02-13T02:00:00Z.");
    }

    @Test
    void twoProcessingTimeUnitsAreA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")
                        .param("workingDays", "1").param("calendarDays", "3")),
                "conflicting_parameters", "calendarDays",
                "Chỉ được dùng một trong các tham số workingDays, workingHours và calendarDays.");
    }

    @Test
    void missingProcessingTimeIsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")),
                "missing_parameter", "workingDays",
                "Vui lòng cho biết thời hạn giải quyết bằng một trong các tham số workingDays, workingHours hoặc "
                        + "calendarDays.");
    }

    @Test
    void negativeOrNonNumericAmountIsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")
                        .param("workingDays", "-1")),
                "invalid_parameter", "workingDays", "Tham số workingDays phải là số nguyên không âm.");
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")
                        .param("workingHours", "abc")),
                "invalid_parameter", "workingHours", "Tham số workingHours phải là số nguyên không âm.");
    }

    @Test
    void tooLargeAmountIsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")
                        .param("calendarDays", "3651")),
                "out_of_range", "calendarDays", "Tham số calendarDays không được lớn hơn 3650.");
    }

    @Test
    void malformedUnitIdentifierIsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z")
                        .param("workingDays", "1").param("unit", "<script>")),
                "invalid_parameter", "unit", "Mã định danh đơn vị không hợp lệ (ví dụ đúng: 000.00.15.H33).");
    }

    @Test
    void aUnitNoOneHasIsA404NotADeadlineOnDefaultHours() throws Exception {
        mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z").param("workingDays", "1")
                        .param("unit", "000.99.99.H99"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.field").value("unit"))
                .andExpect(jsonPath("$.message").value("Không có đơn vị với mã định danh 000.99.99.H99."));
        mvc.perform(get("/api/calendar/due").param("start", "2025-01-03T09:30:00Z").param("workingDays", "1")
                        .param("unit", "000.01.15.H33"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2025-01-06T09:30:00Z"));
    }

    @Test
    void dueBeyond2100IsA400() throws Exception {
        expectError(mvc.perform(get("/api/calendar/due").param("start", "2100-12-30T02:00:00Z")
                        .param("workingDays", "5")),
                "out_of_range", "start", "Hạn giải quyết vượt ra ngoài khoảng năm được hỗ trợ (1900–2100).");
    }

    @Test
    void holidaysYearMustBeANumberBetween1900And2100() throws Exception {
        expectError(mvc.perform(get("/api/calendar/holidays")), "missing_parameter", "year",
                "Vui lòng nhập giá trị cho tham số year.");
        expectError(mvc.perform(get("/api/calendar/holidays").param("year", "năm nay")), "invalid_parameter",
                "year", "Tham số year phải là số nguyên không âm.");
        expectError(mvc.perform(get("/api/calendar/holidays").param("year", "2101")), "out_of_range", "year",
                "Năm phải nằm trong khoảng từ 1900 đến 2100.");
        expectError(mvc.perform(get("/api/calendar/holidays").param("year", "1899")), "out_of_range", "year",
                "Năm phải nằm trong khoảng từ 1900 đến 2100.");
    }

    private static void expectError(ResultActions result, String error, String field, String message)
            throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(error))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.message").value(message));
    }
}
