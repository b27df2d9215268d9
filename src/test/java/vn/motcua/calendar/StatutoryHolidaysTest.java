package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.HolidayKind.HUNG_KINGS;
import static vn.motcua.calendar.HolidayKind.LABOUR_DAY;
import static vn.motcua.calendar.HolidayKind.LUNAR_NEW_YEAR;
import static vn.motcua.calendar.HolidayKind.NATIONAL_DAY;
import static vn.motcua.calendar.HolidayKind.NATIONAL_DAY_ADJACENT;
import static vn.motcua.calendar.HolidayKind.NEW_YEAR;
import static vn.motcua.calendar.HolidayKind.VICTORY_DAY;

class StatutoryHolidaysTest {

    @Test
    void year2025HasTheElevenStatutoryDaysAndACompensatoryDayForTetOnSaturday() {
        assertThat(StatutoryHolidays.forYear(2025)).containsExactly(
                holiday("2025-01-01", NEW_YEAR),
                holiday("2025-01-28", LUNAR_NEW_YEAR), // 29 tháng Chạp, the last day of lunar year Giáp Thìn
                holiday("2025-01-29", LUNAR_NEW_YEAR),
                holiday("2025-01-30", LUNAR_NEW_YEAR),
                holiday("2025-01-31", LUNAR_NEW_YEAR),
                holiday("2025-02-01", LUNAR_NEW_YEAR), // Saturday
                compensatory("2025-02-03", LUNAR_NEW_YEAR),
                holiday("2025-04-07", HUNG_KINGS),
                holiday("2025-04-30", VICTORY_DAY),
                holiday("2025-05-01", LABOUR_DAY),
                holiday("2025-09-01", NATIONAL_DAY_ADJACENT),
                holiday("2025-09-02", NATIONAL_DAY));
    }

    @ParameterizedTest(name = "Tết {0}: last day of the lunar year {1}, then days 1 to 4 of month 1")
    @CsvSource({
            "2023, 2023-01-21",
            "2024, 2024-02-09",
            "2025, 2025-01-28",
            "2026, 2026-02-16",
            "2027, 2027-02-05"
    })
    void tetIsTheLastDayOfTheLunarYearAndTheFirstFourDaysOfTheNewOne(int year, LocalDate eve) {
        List<LocalDate> tet = StatutoryHolidays.forYear(year).stream()
                .filter(d -> d.holiday() == LUNAR_NEW_YEAR && !d.compensatory()).map(StatutoryDayOff::date).toList();
        assertThat(tet).containsExactly(eve, eve.plusDays(1), eve.plusDays(2), eve.plusDays(3), eve.plusDays(4));
        assertThat(LunarCalendar.toLunar(eve).year()).isEqualTo(year - 1);
        assertThat(LunarCalendar.toLunar(eve.plusDays(1))).isEqualTo(LunarDate.of(year, 1, 1));
    }

    @ParameterizedTest(name = "Hùng Kings'' Day {0} is {1}")
    @CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKingsDayIsAHoliday(int year, LocalDate date) {
        assertThat(StatutoryHolidays.forYear(year)).contains(holiday(date.toString(), HUNG_KINGS));
    }

    @ParameterizedTest(name = "2 Sep {0} on {1}: adjacent day {2}")
    @CsvSource({
            "2024, MONDAY, 2024-09-03",
            "2025, TUESDAY, 2025-09-01",
            "2026, WEDNESDAY, 2026-09-03",
            "2027, THURSDAY, 2027-09-03",
            "2022, FRIDAY, 2022-09-01",
            "2023, SATURDAY, 2023-09-01",
            "2029, SUNDAY, 2029-09-03"
    })
    void nationalDayGetsTheAdjacentDayThatMakesTheLongestWeekend(int year, DayOfWeek weekday, LocalDate adjacent) {
        assertThat(LocalDate.of(year, 9, 2).getDayOfWeek()).isEqualTo(weekday);
        assertThat(StatutoryHolidays.nationalDayAdjacent(year)).isEqualTo(adjacent);
        assertThat(StatutoryHolidays.forYear(year)).contains(holiday(adjacent.toString(), NATIONAL_DAY_ADJACENT));
    }

    @Test
    void nationalDayOnSaturdayGivesFridayAndACompensatoryMonday() {
        assertThat(StatutoryHolidays.forYear(2023)).contains(
                holiday("2023-09-01", NATIONAL_DAY_ADJACENT),
                holiday("2023-09-02", NATIONAL_DAY),
                compensatory("2023-09-04", NATIONAL_DAY));
    }

    @Test
    void nationalDayOnSundayGivesMondayAndACompensatoryTuesday() {
        assertThat(StatutoryHolidays.forYear(2029)).contains(
                holiday("2029-09-02", NATIONAL_DAY),
                holiday("2029-09-03", NATIONAL_DAY_ADJACENT),
                compensatory("2029-09-04", NATIONAL_DAY));
    }

    @Test
    void hungKingsDayOnSundayGivesTheNextMondayOff() {
        assertThat(StatutoryHolidays.forYear(2026)).contains(
                holiday("2026-04-26", HUNG_KINGS),
                compensatory("2026-04-27", HUNG_KINGS));
    }

    @Test
    void twoWeekendHolidaysGiveTwoConsecutiveCompensatoryDaysAfterThePeriod() {
        // 30 Apr and 1 May 2022 fell on Saturday and Sunday: the government gave Monday 2 and Tuesday 3 May off.
        assertThat(StatutoryHolidays.forYear(2022)).contains(
                compensatory("2022-05-02", VICTORY_DAY),
                compensatory("2022-05-03", LABOUR_DAY));
    }

    @Test
    void compensatoryDaysSkipHolidaysThatFollowTheWeekend() {
        // 2023: Hùng Kings (Sat 29 Apr) and 30 Apr (Sun) are followed by 1 May (Mon): compensatory Tue 2, Wed 3 May,
        // as the government decided for 2023.
        assertThat(StatutoryHolidays.forYear(2023)).contains(
                compensatory("2023-05-02", HUNG_KINGS),
                compensatory("2023-05-03", VICTORY_DAY));
        // Tết 2024 (Sat 10, Sun 11 Feb inside 9–13 Feb): compensatory Wed 14 and Thu 15 Feb.
        assertThat(StatutoryHolidays.forYear(2024)).contains(
                compensatory("2024-02-14", LUNAR_NEW_YEAR),
                compensatory("2024-02-15", LUNAR_NEW_YEAR));
    }

    @Test
    void newYearOnSundayGivesMondaySecondOfJanuaryOff() {
        assertThat(StatutoryHolidays.forYear(2023)).contains(compensatory("2023-01-02", NEW_YEAR));
    }

    @Test
    void holidayFallingOnAnotherHolidayGivesACompensatoryDay() {
        // Computed: 10/3 of lunar year 1947 (a year with a leap 2nd month) was 30 April, a Wednesday.
        assertThat(StatutoryHolidays.forYear(1947)).contains(
                holiday("1947-04-30", HUNG_KINGS),
                holiday("1947-05-01", LABOUR_DAY),
                compensatory("1947-05-02", VICTORY_DAY));
    }

    @Test
    void everyYearFrom1900To2100KeepsElevenDaysOffOnDistinctDatesWithCompensatoryDaysOnWeekdays() {
        for (int year = LunarCalendar.MIN_YEAR; year <= LunarCalendar.MAX_YEAR; year++) {
            int y = year;
            List<StatutoryDayOff> days = StatutoryHolidays.forYear(year);
            Set<LocalDate> dates = new HashSet<>();
            days.forEach(d -> dates.add(d.date()));
            assertThat(dates).as("distinct dates in %s", year).hasSize(days.size());
            assertThat(days).as("dates in %s", year).allMatch(d -> d.date().getYear() == y);
            long holidays = days.stream().filter(d -> !d.compensatory()).count();
            long weekendHolidays = days.stream()
                    .filter(d -> !d.compensatory() && StatutoryHolidays.isWeekend(d.date())).count();
            long displaced = 11 - holidays;
            assertThat(displaced).as("holidays sharing a date in %s", year).isBetween(0L, 1L);
            assertThat(days.stream().filter(StatutoryDayOff::compensatory))
                    .as("compensatory days in %s", year)
                    .hasSize((int) (weekendHolidays + displaced))
                    .allMatch(d -> !StatutoryHolidays.isWeekend(d.date()));
        }
    }

    private static StatutoryDayOff holiday(String date, HolidayKind kind) {
        return new StatutoryDayOff(LocalDate.parse(date), kind, false);
    }

    private static StatutoryDayOff compensatory(String date, HolidayKind kind) {
        return new StatutoryDayOff(LocalDate.parse(date), kind, true);
    }
}
