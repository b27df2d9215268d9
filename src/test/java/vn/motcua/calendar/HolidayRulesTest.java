package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fixed-date public holidays as data (issue 19.5): administrators add a holiday (e.g. 24 November, should the Labour
 * Code be amended) or remove one, from a year on or for some years; the statutory ones of Art. 112 stay the default;
 * every computation uses the rules. Without Spring or a database (method security: CalendarServiceSecurityTest).
 */
class HolidayRulesTest {

    private static final LocalDate NOV_24_2026 = LocalDate.of(2026, 11, 24);
    private static final LocalDate NOV_24_2027 = LocalDate.of(2027, 11, 24);

    private InMemoryCalendarStore store;
    private WorkingCalendar calendar;
    private CalendarService service;

    @BeforeEach
    void setUp() {
        store = new InMemoryCalendarStore();
        calendar = new WorkingCalendar(store);
        service = new CalendarService(store, calendar);
    }

    @Test
    void withoutRulesTheFixedHolidaysAreTheStatutoryOnes() {
        assertThat(service.fixedHolidays(2027)).extracting(h -> h.date().toString(), FixedHoliday::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("--01-01", FixedHoliday.Source.STATUTORY),
                        org.assertj.core.groups.Tuple.tuple("--04-30", FixedHoliday.Source.STATUTORY),
                        org.assertj.core.groups.Tuple.tuple("--05-01", FixedHoliday.Source.STATUTORY),
                        org.assertj.core.groups.Tuple.tuple("--09-02", FixedHoliday.Source.STATUTORY));
        assertThat(calendar.year(2027).days()).hasSameElementsAs(
                YearCalendar.of(2027, StatutoryHolidays.forYear(2027), java.util.List.of()).days());
    }

    @Test
    void addingTwentyFourNovemberFrom2027MakesItADayOffFrom2027OnAndMovesADueDate() {
        // Tuesday 23/11/2027 09:00 + 1 working day: Wednesday 24/11 09:00, or Thursday 25/11 once 24/11 is a holiday.
        Instant received = at(2027, 11, 23, 9, 0);
        assertThat(calendar.dueAt(received, ProcessingTime.workingDays(1), null)).isEqualTo(at(2027, 11, 24, 9, 0));

        HolidayRule rule = service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", "Vietnam Culture Day", 2027, null);

        assertThat(rule.action()).isEqualTo(HolidayRule.Action.ADD);
        assertThat(calendar.isWorkingDay(NOV_24_2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 11, 24))).as("open-ended").isFalse();
        assertThat(calendar.isWorkingDay(NOV_24_2026)).as("before the rule's first year").isTrue();
        assertThat(calendar.dueAt(received, ProcessingTime.workingDays(1), null)).isEqualTo(at(2027, 11, 25, 9, 0));
        assertThat(calendar.workingTimeBetween(at(2027, 11, 24, 7, 0), at(2027, 11, 24, 17, 0), null)).isZero();
        CalendarDay day = calendar.year(2027).day(NOV_24_2027);
        assertThat(day.holiday()).isEqualTo(HolidayKind.ADDED);
        assertThat(day.displayName(CalendarMessages.VIETNAMESE, CalendarMessages.resolver(CalendarMessages.VIETNAMESE)))
                .isEqualTo("Ngày Văn hóa Việt Nam");
        assertThat(day.displayName(Locale.ENGLISH, CalendarMessages.resolver(Locale.ENGLISH)))
                .isEqualTo("Vietnam Culture Day");
        assertThat(service.fixedHolidays(2027)).filteredOn(h -> h.date().getMonthValue() == 11).singleElement()
                .satisfies(h -> {
                    assertThat(h.source()).isEqualTo(FixedHoliday.Source.ADDED);
                    assertThat(h.ruleId()).isEqualTo(rule.id());
                });
    }

    @Test
    void removingTheAddedHolidayRestoresTheWorkingDay() {
        service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);
        assertThat(calendar.isWorkingDay(NOV_24_2027)).isFalse();

        service.removeHoliday(11, 24, 2027, null);

        assertThat(calendar.isWorkingDay(NOV_24_2027)).isTrue();
        assertThat(calendar.dueAt(at(2027, 11, 23, 9, 0), ProcessingTime.workingDays(1), null))
                .isEqualTo(at(2027, 11, 24, 9, 0));
    }

    @Test
    void undoingTheRuleRestoresTheWorkingDayAndIsLogged() {
        HolidayRule rule = service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);

        service.deleteHolidayRule(rule.id());

        assertThat(calendar.isWorkingDay(NOV_24_2027)).isTrue();
        assertThat(service.holidayRules()).isEmpty();
        assertThat(service.holidayChanges()).extracting(HolidayChange::change, HolidayChange::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HolidayChange.Kind.UNDO, rule.id()),
                        org.assertj.core.groups.Tuple.tuple(HolidayChange.Kind.ADD, rule.id()));
        assertThatThrownBy(() -> service.deleteHolidayRule(rule.id()))
                .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(CalendarValidationException.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("id");
                });
    }

    @Test
    void removingAStatutoryHolidayForOneYearMakesItWorkedThatYearOnly() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 30))).isFalse();

        service.removeHoliday(4, 30, 2027, 2027);

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 30))).as("Friday 30/4/2027").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 30))).isFalse();
        // 30/4/2028 is a Sunday: still a holiday, with its compensatory Tuesday 2/5 (1/5 Monday is Labour Day).
        assertThat(calendar.year(2028).day(LocalDate.of(2028, 4, 30)).holiday()).isEqualTo(HolidayKind.VICTORY_DAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 2))).isFalse();
        assertThat(service.fixedHolidays(2027)).extracting(h -> h.date().toString())
                .containsExactly("--01-01", "--05-01", "--09-02");
    }

    @Test
    void removingNationalDayTakesItsAdjacentDayWithIt() {
        // 2/9/2027 is a Thursday; the adjacent day is Friday 3/9.
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 3))).isFalse();

        service.removeHoliday(9, 2, 2027, 2027);

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 2))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 3))).isTrue();
    }

    @Test
    void anAddedHolidayOnASaturdayGivesACompensatoryMonday() {
        service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);

        // 24/11/2029 is a Saturday.
        CalendarDay monday = calendar.year(2029).day(LocalDate.of(2029, 11, 26));
        assertThat(monday.workingDay()).isFalse();
        assertThat(monday.compensatory()).isTrue();
        assertThat(monday.displayName(CalendarMessages.VIETNAMESE, CalendarMessages.resolver(CalendarMessages.VIETNAMESE)))
                .isEqualTo("Nghỉ bù Ngày Văn hóa Việt Nam");
    }

    @Test
    void theLatestRuleCoveringAYearDecides() {
        service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);
        service.removeHoliday(11, 24, 2030, null);

        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 11, 26))).as("compensatory for Sat 24/11/2029").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 11, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 11, 24))).isTrue();

        service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2033, 2033);
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 11, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 11, 24))).isTrue();
    }

    @Test
    void rulesAreReadOnceAndReadAgainOnlyAfterAChange() {
        for (int year = 2026; year <= 2030; year++) {
            calendar.isWorkingDay(LocalDate.of(year, 11, 24));
        }
        calendar.dueAt(at(2026, 1, 2, 9, 0), ProcessingTime.workingDays(400), null);
        assertThat(store.ruleReads).hasValue(1);
        int overrideReads = store.overrideReads.get();

        service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);
        assertThat(calendar.isWorkingDay(NOV_24_2027)).isFalse();
        calendar.isWorkingDay(NOV_24_2026);
        assertThat(store.ruleReads).as("read again once after the change").hasValue(2);
        assertThat(store.overrideReads.get()).as("cached years dropped").isGreaterThan(overrideReads);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        refused(s -> s.addHoliday(2, 31, "Sai", null, 2027, null), "day", "calendar.error.dayOfMonth");
        refused(s -> s.addHoliday(2, 29, "Sai", null, 2027, null), "day", "calendar.error.leapDay");
        refused(s -> s.addHoliday(13, 1, "Sai", null, 2027, null), "month", "calendar.error.month");
        refused(s -> s.addHoliday(null, 1, "Sai", null, 2027, null), "month", "calendar.error.monthRequired");
        refused(s -> s.addHoliday(11, null, "Sai", null, 2027, null), "day", "calendar.error.dayRequired");
        refused(s -> s.addHoliday(11, 24, " ", null, 2027, null), "nameVi", "calendar.error.nameRequired");
        refused(s -> s.addHoliday(11, 24, "Sai\u0007", null, 2027, null), "nameVi",
                "calendar.error.nameControlCharacters");
        refused(s -> s.addHoliday(11, 24, "Sai", null, null, null), "fromYear", "calendar.error.fromYearRequired");
        refused(s -> s.addHoliday(11, 24, "Sai", null, 1989, null), "fromYear", "calendar.error.ruleYearRange");
        refused(s -> s.addHoliday(11, 24, "Sai", null, 2101, null), "fromYear", "calendar.error.ruleYearRange");
        refused(s -> s.addHoliday(11, 24, "Sai", null, 2028, 2027), "toYear", "calendar.error.toYearBeforeFromYear");
        refused(s -> s.addHoliday(1, 1, "Tết", null, 2027, null), "day", "calendar.error.alreadyHoliday");
        refused(s -> s.removeHoliday(11, 24, 2027, null), "day", "calendar.error.notHoliday");
        refused(s -> s.removeHoliday(4, 31, 2027, null), "day", "calendar.error.dayOfMonth");

        assertThat(store.holidayRules).isEmpty();
        assertThat(store.holidayChanges).isEmpty();
        assertThat(calendar.isWorkingDay(NOV_24_2027)).isTrue();
    }

    @Test
    void refusalsReadInVietnameseAndEnglish() {
        CalendarValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CalendarValidationException.class,
                () -> service.addHoliday(2, 31, "Sai", null, 2027, null));
        assertThat(e.message(CalendarMessages.resolver(CalendarMessages.VIETNAMESE)))
                .isEqualTo("Ngày 31 không có trong tháng 2.");
        assertThat(e.message(CalendarMessages.resolver(Locale.ENGLISH))).isEqualTo("Month 2 has no day 31.");
    }

    private void refused(Consumer<CalendarService> change, String field, String messageKey) {
        assertThatThrownBy(() -> change.accept(service))
                .isInstanceOfSatisfying(CalendarValidationException.class, e -> {
                    assertThat(e.field()).as(messageKey).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                });
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
