package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Administrator overrides on top of the computed calendar, without Spring or a database. */
class CalendarServiceTest {

    private InMemoryCalendarStore store;
    private WorkingCalendar calendar;
    private CalendarService service;
    private final MessageResolver vi = CalendarMessages.resolver(CalendarMessages.VIETNAMESE);

    @BeforeEach
    void setUp() {
        store = new InMemoryCalendarStore();
        calendar = new WorkingCalendar(store);
        service = new CalendarService(store, calendar);
    }

    @Test
    void swappingASaturdayMakesItAWorkingDayAndTheWeekdayADayOff() {
        LocalDate saturday = LocalDate.of(2026, 2, 7);
        LocalDate monday = LocalDate.of(2026, 2, 23);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(calendar.isWorkingDay(monday)).isTrue();

        service.swap(saturday, monday, "Hoán đổi nghỉ Tết");

        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        CalendarDay worked = calendar.year(2026).day(saturday);
        assertThat(worked.source()).isEqualTo(CalendarDay.Source.OVERRIDE);
        assertThat(worked.workingDay()).isTrue();
        assertThat(worked.defaultWorkingDay()).isFalse();
        assertThat(service.nonWorkingWeekdays(2026))
                .filteredOn(d -> d.date().equals(monday)).singleElement()
                .satisfies(d -> assertThat(d.displayName(CalendarMessages.VIETNAMESE, vi))
                        .isEqualTo("Hoán đổi nghỉ Tết"));
    }

    @Test
    void swappingOnlyAWeekendDayNeedsNoName() {
        service.swap(LocalDate.of(2026, 5, 9), null, null);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
        assertThat(calendar.year(2026).day(LocalDate.of(2026, 5, 9)).displayName(Locale.ENGLISH,
                CalendarMessages.resolver(Locale.ENGLISH))).isEqualTo("Working day by decision");
    }

    @Test
    void overrideMakingAComputedHolidayAWorkingDayTakesPrecedenceAndCanBeReverted() {
        LocalDate fifthTetDay = LocalDate.of(2026, 2, 20);
        assertThat(calendar.isWorkingDay(fifthTetDay)).isFalse();

        service.makeWorkingDay(fifthTetDay, "Làm việc theo quyết định của UBND tỉnh");
        assertThat(calendar.isWorkingDay(fifthTetDay)).isTrue();
        assertThat(service.nonWorkingWeekdays(2026)).extracting(CalendarDay::date).doesNotContain(fifthTetDay);
        assertThat(service.days(2026)).filteredOn(d -> d.date().equals(fifthTetDay)).singleElement()
                .satisfies(d -> {
                    assertThat(d.source()).isEqualTo(CalendarDay.Source.OVERRIDE);
                    assertThat(d.holiday()).isEqualTo(HolidayKind.LUNAR_NEW_YEAR);
                });

        service.revertToDefault(fifthTetDay);
        assertThat(calendar.isWorkingDay(fifthTetDay)).isFalse();
        assertThat(store.overrides()).isEmpty();
    }

    @Test
    void addedDayOffIsListedWithItsNameInTheRequestedLanguage() {
        LocalDate friday = LocalDate.of(2026, 1, 2);
        service.addDayOff(friday, "Nghỉ bổ sung Tết Dương lịch", "Extra New Year holiday");

        assertThat(calendar.isWorkingDay(friday)).isFalse();
        CalendarDay day = calendar.year(2026).day(friday);
        assertThat(day.displayName(CalendarMessages.VIETNAMESE, vi)).isEqualTo("Nghỉ bổ sung Tết Dương lịch");
        assertThat(day.displayName(Locale.ENGLISH, CalendarMessages.resolver(Locale.ENGLISH)))
                .isEqualTo("Extra New Year holiday");
    }

    @Test
    void makingAnAddedDayOffWorkingAgainRemovesTheOverrideInsteadOfStackingOne() {
        LocalDate friday = LocalDate.of(2026, 1, 2);
        service.addDayOff(friday, "Nghỉ bổ sung", null);
        service.makeWorkingDay(friday, null);
        assertThat(calendar.isWorkingDay(friday)).isTrue();
        assertThat(store.overrides()).isEmpty();
    }

    @Test
    void computedYearIsCachedAndReloadedAfterAChange() {
        calendar.isWorkingDay(LocalDate.of(2026, 3, 2));
        calendar.isWorkingDay(LocalDate.of(2026, 3, 3));
        assertThat(store.overrideReads).hasValue(1);

        service.addDayOff(LocalDate.of(2026, 3, 2), "Nghỉ đột xuất", null);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(store.overrideReads).hasValue(2);
    }

    @Test
    void workingHoursAreCachedAndReloadedAfterAChange() {
        calendar.workingHours("000.00.15.H33");
        calendar.workingHours(null);
        assertThat(store.hoursReads).hasValue(1);

        service.saveWorkingHours("000.00.15.h33", LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 30),
                LocalTime.of(17, 0));
        assertThat(calendar.workingHours("000.00.15.H33").daily()).hasMinutes(450);
        assertThat(calendar.workingHours("000.00.16.H33")).isEqualTo(WorkingHours.DEFAULT);
        assertThat(service.workingHours()).extracting(UnitWorkingHours::unitIdentifier)
                .containsExactly(null, "000.00.15.H33");

        service.deleteWorkingHours("000.00.15.H33");
        assertThat(calendar.workingHours("000.00.15.H33")).isEqualTo(WorkingHours.DEFAULT);
    }

    @Test
    void addingADayOffOnAWeekendOrHolidayIsRefused() {
        assertRefused(() -> service.addDayOff(LocalDate.of(2026, 2, 7), "Nghỉ", null),
                "date", "calendar.error.alreadyDayOff");
        assertRefused(() -> service.addDayOff(LocalDate.of(2026, 9, 2), "Nghỉ", null),
                "date", "calendar.error.alreadyDayOff");
    }

    @Test
    void aDayOffNeedsADateAndANameOfAtMost200Characters() {
        assertRefused(() -> service.addDayOff(null, "Nghỉ", null), "date", "calendar.error.dateRequired");
        assertRefused(() -> service.addDayOff(LocalDate.of(2026, 3, 2), "  ", null),
                "nameVi", "calendar.error.nameRequired");
        assertRefused(() -> service.addDayOff(LocalDate.of(2026, 3, 2), "x".repeat(201), null),
                "nameVi", "calendar.error.nameTooLong");
        assertThat(store.overrides()).isEmpty();
    }

    @Test
    void swapNeedsAWeekendDayOffAndAWorkingWeekday() {
        assertRefused(() -> service.swap(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 10), "X"),
                "weekendDay", "calendar.error.notWeekend");
        assertRefused(() -> service.swap(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 8), "X"),
                "dayOff", "calendar.error.dayOffIsWeekend");
        assertRefused(() -> service.swap(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 17), "X"),
                "dayOff", "calendar.error.alreadyDayOff");
        assertRefused(() -> service.swap(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 23), null),
                "nameVi", "calendar.error.nameRequired");
        assertThat(store.overrides()).isEmpty();
    }

    @Test
    void makingAWorkingDayWorkingOrRevertingADayWithoutOverrideIsRefused() {
        assertRefused(() -> service.makeWorkingDay(LocalDate.of(2026, 3, 2), null),
                "date", "calendar.error.alreadyWorkingDay");
        assertRefused(() -> service.revertToDefault(LocalDate.of(2026, 9, 2)), "date", "calendar.error.noOverride");
    }

    @Test
    void yearsOutsideTheLunarCalendarRangeAreRefused() {
        assertRefused(() -> service.days(2101), "year", "calendar.error.yearRange");
        assertRefused(() -> service.addDayOff(LocalDate.of(1899, 12, 29), "Nghỉ", null), "date",
                "calendar.error.yearRange");
    }

    @Test
    void workingHoursMustHaveTwoOrderedSessionsAndAWellFormedUnitIdentifier() {
        assertRefused(() -> service.saveWorkingHours(null, LocalTime.of(11, 0), LocalTime.of(7, 0),
                LocalTime.of(13, 0), LocalTime.of(17, 0)), "morningEnd", "calendar.error.morningOrder");
        assertRefused(() -> service.saveWorkingHours(null, LocalTime.of(7, 0), LocalTime.of(12, 0),
                LocalTime.of(11, 0), LocalTime.of(17, 0)), "afternoonStart", "calendar.error.sessionsOverlap");
        assertRefused(() -> service.saveWorkingHours(null, LocalTime.of(7, 0), LocalTime.of(11, 0),
                LocalTime.of(17, 0), LocalTime.of(13, 0)), "afternoonEnd", "calendar.error.afternoonOrder");
        assertRefused(() -> service.saveWorkingHours(null, LocalTime.of(7, 0), null,
                LocalTime.of(13, 0), LocalTime.of(17, 0)), "morningEnd", "calendar.error.hoursRequired");
        assertRefused(() -> service.saveWorkingHours("H33", LocalTime.of(7, 0), LocalTime.of(11, 0),
                LocalTime.of(13, 0), LocalTime.of(17, 0)), "unitIdentifier", "calendar.error.unitIdentifier");
        assertRefused(() -> service.deleteWorkingHours(null), "unitIdentifier",
                "calendar.error.defaultHoursRequired");
        assertRefused(() -> service.deleteWorkingHours("000.00.15.H33"), "unitIdentifier",
                "calendar.error.noUnitHours");
    }

    @Test
    void defaultWorkingHoursCanBeEdited() {
        service.saveWorkingHours(" ", LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 0),
                LocalTime.of(16, 30));
        assertThat(calendar.workingHours(null).morningStart()).isEqualTo(LocalTime.of(7, 30));
        assertThat(calendar.workingHours("000.00.15.H33").afternoonEnd()).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void refusalMessageIsWordedInVietnameseWithTheDate() {
        var e = new CalendarValidationException(CalendarValidationException.INVALID, "date",
                "calendar.error.alreadyDayOff", "07/02/2026");
        assertThat(e.message(vi)).isEqualTo("Ngày 07/02/2026 đã là ngày nghỉ.");
    }

    private static void assertRefused(Runnable action, String field, String messageKey) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                });
    }

    @Test
    void workingHoursAcceptUnitIdentifiersWithAThreeDigitSegment() {
        // QCVN 102:2016 identifiers may have a three-digit Y segment, e.g. 000.00.101.H05.
        service.saveWorkingHours("000.00.101.h05", LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 30),
                LocalTime.of(17, 0));
        assertThat(calendar.workingHours("000.00.101.H05").daily()).hasMinutes(450);
        assertThatThrownBy(() -> service.saveWorkingHours("000.00.1011.H05", LocalTime.of(7, 30),
                LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0)))
                .isInstanceOfSatisfying(CalendarValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("unitIdentifier"));
    }
}
