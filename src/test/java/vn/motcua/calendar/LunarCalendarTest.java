package vn.motcua.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vietnamese lunar calendar against published dates. Each expected date was checked twice: computed by the
 * algorithm, and against public sources (the government's holiday announcements for 2020–2026, Hồ Ngọc Đức's notes
 * and press articles on the years where Vietnam and China differ: 1985, 2007, 2030, 2053).
 */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết of lunar year {0} falls on {1}")
    @CsvSource({
            "1985, 1985-01-21", // Vietnam, UTC+7; China (UTC+8) celebrated it on 1985-02-20
            "2007, 2007-02-17", // China: 2007-02-18
            "2020, 2020-01-25",
            "2021, 2021-02-12",
            "2022, 2022-02-01",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2027, 2027-02-06",
            "2030, 2030-02-02", // China: 2030-02-03
            "2053, 2053-02-18"  // China: 2053-02-19
    })
    void newYearIsTheFirstDayOfTheFirstLunarMonthComputedForUtcPlus7(int lunarYear, LocalDate expected) {
        assertThat(LunarCalendar.newYear(lunarYear)).isEqualTo(expected);
        assertThat(LunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(lunarYear, 1, 1));
    }

    @Test
    void vietnameseTet1985IsOneMonthBeforeTheChineseNewYearBecauseOfTheTimeZone() {
        // Under UTC+8 the month starting 1985-01-21 is the 12th month; under UTC+7 it is the 1st.
        assertThat(LunarCalendar.toLunar(LocalDate.of(1985, 1, 21))).isEqualTo(LunarDate.of(1985, 1, 1));
        assertThat(LunarCalendar.toLunar(LocalDate.of(1985, 2, 20))).isEqualTo(LunarDate.of(1985, 2, 1));
    }

    @ParameterizedTest(name = "Hùng Kings'' Day (10/3 lunar) {0} falls on {1}")
    @CsvSource({
            "2023, 2023-04-29", // after the leap 2nd month of 2023
            "2024, 2024-04-18",
            "2025, 2025-04-07",
            "2026, 2026-04-26"
    })
    void hungKingsDayIsTheTenthDayOfTheThirdLunarMonth(int lunarYear, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(lunarYear, 3, 10, false)).isEqualTo(expected);
        assertThat(LunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(lunarYear, 3, 10));
    }

    @ParameterizedTest(name = "lunar year {0} has leap month {1}, starting {2}")
    @CsvSource({
            "2020, 4, 2020-05-23",
            "2023, 2, 2023-03-22",
            "2025, 6, 2025-07-25"
    })
    void leapMonthFollowsItsBaseMonthAndCarriesItsNumber(int lunarYear, int month, LocalDate firstDay) {
        assertThat(LunarCalendar.leapMonth(lunarYear)).isEqualTo(month);
        assertThat(LunarCalendar.toSolar(lunarYear, month, 1, true)).isEqualTo(firstDay);
        assertThat(LunarCalendar.toLunar(firstDay)).isEqualTo(new LunarDate(lunarYear, month, 1, true));
        assertThat(LunarCalendar.toLunar(firstDay.minusDays(1)).month()).isEqualTo(month);
        assertThat(LunarCalendar.toLunar(firstDay.minusDays(1)).leapMonth()).isFalse();
    }

    @Test
    void yearsWithoutLeapMonthReportZero() {
        assertThat(LunarCalendar.leapMonth(2024)).isZero();
        assertThat(LunarCalendar.leapMonth(2026)).isZero();
    }

    @Test
    void requestingALeapMonthThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(2024, 3, 1, true)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(2023, 3, 1, true)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void lastDayOfTheLunarYearIsThe29thOr30thOfTheTwelfthMonth() {
        // 2024 had a "30 Tết" (2024-02-09), 2025 did not: its last day was the 29th (2025-01-28).
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(LunarDate.of(2023, 12, 30));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(LunarDate.of(2024, 12, 29));
        assertThat(LunarCalendar.monthLength(2024, 12, false)).isEqualTo(29);
        assertThatThrownBy(() -> LunarCalendar.toSolar(2024, 12, 30, false)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void everyDayFrom1900To2100ConvertsToALunarDateAndBack() {
        LunarDate previous = null;
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(d);
            assertThat(LunarCalendar.toSolar(lunar)).as("round trip of %s (%s)", d, lunar).isEqualTo(d);
            if (previous != null && lunar.day() != 1) {
                // Inside a month, consecutive days have consecutive lunar days.
                assertThat(lunar.day()).as("day after %s", previous).isEqualTo(previous.day() + 1);
            }
            if (lunar.day() == 1 && previous != null) {
                assertThat(previous.day()).as("month length ending %s", d.minusDays(1)).isBetween(29, 30);
            }
            previous = lunar;
        }
    }

    @Test
    void datesOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(2101, 1, 1)))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> LunarCalendar.newYear(2101)).isInstanceOf(DateTimeException.class);
    }
}
