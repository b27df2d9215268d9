package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.calendar.ProcessingTime.calendarDays;
import static vn.motcua.calendar.ProcessingTime.workingDays;
import static vn.motcua.calendar.ProcessingTime.workingHours;

/** Deadlines in Asia/Ho_Chi_Minh time, default hours 07:00–11:00 and 13:00–17:00, without Spring or a database. */
class WorkingCalendarTest {

    private static final String UNIT = "000.00.15.H33";

    private InMemoryCalendarStore store;
    private WorkingCalendar calendar;

    @BeforeEach
    void setUp() {
        store = new InMemoryCalendarStore();
        calendar = new WorkingCalendar(store);
    }

    @Test
    void receiptFriday1630WithOneWorkingDayIsDueMonday1630() {
        // 2025-01-03 is a Friday: 30 min on Friday + 7 h 30 on Monday.
        assertThat(calendar.dueAt(at("2025-01-03T16:30"), workingDays(1), null)).isEqualTo(at("2025-01-06T16:30"));
    }

    @Test
    void aDeadlineIsKeptToTheMillisecondAsTheEnginesTimersAre() {
        // a receipt inside working hours, by a clock that counts microseconds
        var received = at("2025-03-04T09:15").plusNanos(567_810_123);

        assertThat(calendar.dueAt(received, workingHours(2), null)).isEqualTo(at("2025-03-04T13:15").plusMillis(567));
        assertThat(calendar.addWorkingTime(received, java.time.Duration.ofMinutes(30), null))
                .isEqualTo(at("2025-03-04T09:45").plusMillis(567));
        assertThat(calendar.dueAt(received, workingDays(1), null).getNano() % 1_000_000).isZero();
    }

    @Test
    void receiptAt0600CountsFromTheStartOfWorkingHours() {
        assertThat(calendar.dueAt(at("2025-03-04T06:00"), workingDays(1), null)).isEqualTo(at("2025-03-04T17:00"));
        assertThat(calendar.countingStart(at("2025-03-04T06:00"), null)).isEqualTo(at("2025-03-04T07:00"));
    }

    @Test
    void receiptDuringTheLunchBreakCountsFromTheAfternoonSession() {
        // 13:00–17:00 (4 h) then 07:00–11:00 the next day.
        assertThat(calendar.dueAt(at("2025-03-04T12:00"), workingDays(1), null)).isEqualTo(at("2025-03-05T11:00"));
    }

    @Test
    void receiptAfterWorkingHoursCountsFromTheNextWorkingMorning() {
        assertThat(calendar.dueAt(at("2025-03-04T17:00"), workingHours(1), null)).isEqualTo(at("2025-03-05T08:00"));
        assertThat(calendar.dueAt(at("2025-03-07T20:00"), workingHours(2), null)).isEqualTo(at("2025-03-10T09:00"));
    }

    @Test
    void workingTimeEndingWithASessionIsDueAtTheSessionEndNotAtTheNextStart() {
        assertThat(calendar.dueAt(at("2025-03-04T09:00"), workingHours(2), null)).isEqualTo(at("2025-03-04T11:00"));
        assertThat(calendar.dueAt(at("2025-03-04T07:00"), workingDays(1), null)).isEqualTo(at("2025-03-04T17:00"));
    }

    @Test
    void workingDaysSkipTheFiveTetDays2026() {
        // Fri 13 Feb 2026 09:00: 6 h on Friday; 16–20 Feb are Tết (computed: 29 tháng Chạp to mùng 4);
        // 8 h on Mon 23, 8 h on Tue 24, 2 h on Wed 25.
        assertThat(calendar.dueAt(at("2026-02-13T09:00"), workingDays(3), null)).isEqualTo(at("2026-02-25T09:00"));
    }

    @Test
    void workingDaysSkipAComputedCompensatoryDay() {
        // Hùng Kings' Day 2026 is Sunday 26 April: Monday 27 is off; 30 Apr and 1 May are holidays.
        assertThat(calendar.dueAt(at("2026-04-24T10:00"), workingDays(1), null)).isEqualTo(at("2026-04-28T10:00"));
        assertThat(calendar.dueAt(at("2026-04-29T10:00"), workingDays(1), null)).isEqualTo(at("2026-05-04T10:00"));
    }

    @Test
    void calendarDayProcedureEndingOnSundayIsDueAtTheEndOfMondayHours() {
        // Tue 4 Mar 2025 + 5 calendar days = Sun 9 Mar: moved to Mon 10 Mar 17:00.
        assertThat(calendar.dueAt(at("2025-03-04T10:00"), calendarDays(5), null)).isEqualTo(at("2025-03-10T17:00"));
    }

    @Test
    void calendarDayProcedureEndingOnAHolidayMovesPastTheWholeHolidayPeriod() {
        // Fri 25 Apr 2025 + 5 = Wed 30 Apr (holiday), Thu 1 May (holiday) → Fri 2 May 17:00.
        assertThat(calendar.dueAt(at("2025-04-25T09:00"), calendarDays(5), null)).isEqualTo(at("2025-05-02T17:00"));
    }

    @Test
    void calendarDayProcedureEndingOnAWorkingDayKeepsTheTimeOfReceipt() {
        assertThat(calendar.dueAt(at("2025-03-03T10:00"), calendarDays(2), null)).isEqualTo(at("2025-03-05T10:00"));
    }

    @Test
    void calendarDayProcedureReceivedOnSaturdayCountsFromMondayMorning() {
        assertThat(calendar.dueAt(at("2025-03-08T10:00"), calendarDays(1), null)).isEqualTo(at("2025-03-11T07:00"));
    }

    @Test
    void unitWithOtherHoursCountsItsOwnSessionsAndDailyLength() {
        store.saveWorkingHours(UNIT, new WorkingHours(LocalTime.of(7, 30), LocalTime.of(11, 30),
                LocalTime.of(13, 30), LocalTime.of(17, 0)), null);
        Instant receipt = at("2025-03-04T11:15");
        // Default hours: 11:15 is the lunch break → 13:00 + 4 h = 17:00.
        assertThat(calendar.dueAt(receipt, workingHours(4), null)).isEqualTo(at("2025-03-04T17:00"));
        // The unit still works until 11:30: 15 min + 13:30–17:00 (3 h 30) + 15 min the next morning.
        assertThat(calendar.dueAt(receipt, workingHours(4), UNIT)).isEqualTo(at("2025-03-05T07:45"));
        // One working day of that unit is 7 h 30: 15 min + 3 h 30 + 3 h 45 from 07:30.
        assertThat(calendar.dueAt(receipt, workingDays(1), UNIT)).isEqualTo(at("2025-03-05T11:15"));
        // Identifiers are matched case-insensitively.
        assertThat(calendar.dueAt(receipt, workingHours(4), "000.00.15.h33")).isEqualTo(at("2025-03-05T07:45"));
        // A unit without hours of its own uses the default.
        assertThat(calendar.dueAt(receipt, workingHours(4), "000.00.16.H33")).isEqualTo(at("2025-03-04T17:00"));
    }

    @Test
    void overrideSwappingASaturdayMakesItCountAsAWorkingDay() {
        // Sat 8 Mar 2025 becomes a working day: Friday 16:30 + 1 working day is due Saturday 16:30.
        store.saveOverride(new DayOverride(LocalDate.of(2025, 3, 8), DayOverride.Kind.WORKING_DAY, null, null), null);
        assertThat(calendar.dueAt(at("2025-03-07T16:30"), workingDays(1), null)).isEqualTo(at("2025-03-08T16:30"));
    }

    @Test
    void addedDayOffIsSkipped() {
        store.saveOverride(new DayOverride(LocalDate.of(2025, 3, 10), DayOverride.Kind.DAY_OFF, "Nghỉ", null), null);
        assertThat(calendar.dueAt(at("2025-03-07T16:30"), workingDays(1), null)).isEqualTo(at("2025-03-11T16:30"));
    }

    @Test
    void zeroAmountIsDueAtReceipt() {
        Instant saturday = at("2025-03-08T10:00");
        assertThat(calendar.dueAt(saturday, workingDays(0), null)).isEqualTo(saturday);
        assertThat(calendar.dueAt(saturday, calendarDays(0), null)).isEqualTo(saturday);
        assertThat(calendar.addWorkingTime(saturday, Duration.ZERO, null)).isEqualTo(saturday);
    }

    @Test
    void workingTimeBetweenCountsOnlySessionsOnWorkingDays() {
        assertThat(calendar.workingTimeBetween(at("2025-01-03T16:30"), at("2025-01-06T16:30"), null))
                .isEqualTo(Duration.ofHours(8));
        assertThat(calendar.workingTimeBetween(at("2025-03-04T10:30"), at("2025-03-04T13:30"), null))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(calendar.workingTimeBetween(at("2025-03-08T08:00"), at("2025-03-09T16:00"), null))
                .isZero();
        assertThat(calendar.workingTimeBetween(at("2025-01-06T16:30"), at("2025-01-03T16:30"), null))
                .isEqualTo(Duration.ofHours(-8));
    }

    @Test
    void addingTheWorkingTimeElapsedBetweenTwoInstantsLeadsBackToTheLaterOne() {
        // Clock stops move due dates by workingTimeBetween; the two methods must agree.
        Instant start = at("2026-01-29T08:15");
        for (int minutes = 1; minutes <= 60 * 8 * 30; minutes += 37) {
            Duration d = Duration.ofMinutes(minutes);
            Instant end = calendar.addWorkingTime(start, d, null);
            assertThat(calendar.workingTimeBetween(start, end, null)).as("%s min", minutes).isEqualTo(d);
        }
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingTime(at("2025-03-04T09:00"), Duration.ofMinutes(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadlinesBeyondTheLastSupportedYearAreRefused() {
        assertThatThrownBy(() -> calendar.dueAt(at("2100-12-30T09:00"), workingDays(5), null))
                .isInstanceOf(UnsupportedYearException.class);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
