package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC store on the schema of V2__calendar.sql, migrated by Flyway on the build's test database (H2 by default,
 * PostgreSQL with -Ddb=postgres). Each test runs in a transaction rolled back at its end.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JdbcCalendarStore.class)
class JdbcCalendarStoreTest {

    @Autowired
    JdbcCalendarStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationSeedsTheDefaultWorkingHours() {
        assertThat(store.findAllWorkingHours()).containsEntry(CalendarStore.DEFAULT_UNIT_KEY, WorkingHours.DEFAULT);
    }

    @Test
    void overridesAreSavedReplacedReadByYearAndDeleted() {
        LocalDate saturday = LocalDate.of(2026, 2, 7);
        LocalDate monday = LocalDate.of(2026, 2, 23);
        store.saveOverride(new DayOverride(saturday, DayOverride.Kind.WORKING_DAY, "Làm bù", null), "admin");
        store.saveOverride(new DayOverride(monday, DayOverride.Kind.DAY_OFF, "Nghỉ hoán đổi Tết", "Swapped"), "admin");
        store.saveOverride(new DayOverride(LocalDate.of(2027, 1, 4), DayOverride.Kind.DAY_OFF, "Khác năm", null),
                "admin");

        assertThat(store.findOverrides(2026)).containsExactly(
                new DayOverride(saturday, DayOverride.Kind.WORKING_DAY, "Làm bù", null),
                new DayOverride(monday, DayOverride.Kind.DAY_OFF, "Nghỉ hoán đổi Tết", "Swapped"));

        store.saveOverride(new DayOverride(saturday, DayOverride.Kind.DAY_OFF, "Đổi ý", null), "admin2");
        assertThat(store.findOverrides(2026)).contains(new DayOverride(saturday, DayOverride.Kind.DAY_OFF, "Đổi ý",
                null));
        assertThat(jdbc.sql("SELECT updated_by FROM cal_day_override WHERE calendar_date = :d")
                .param("d", saturday).query(String.class).single()).isEqualTo("admin2");

        assertThat(store.deleteOverride(saturday)).isTrue();
        assertThat(store.deleteOverride(saturday)).isFalse();
        assertThat(store.findOverrides(2026)).extracting(DayOverride::date).containsExactly(monday);
    }

    @Test
    void workingHoursOfAUnitAreSavedReplacedAndDeleted() {
        WorkingHours hours = new WorkingHours(LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 30),
                LocalTime.of(17, 0));
        store.saveWorkingHours("000.00.15.H33", hours, "admin");
        assertThat(store.findAllWorkingHours()).containsEntry("000.00.15.H33", hours);

        WorkingHours later = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0),
                LocalTime.of(17, 0));
        store.saveWorkingHours("000.00.15.H33", later, "admin");
        assertThat(store.findAllWorkingHours()).containsEntry("000.00.15.H33", later);

        assertThat(store.deleteWorkingHours("000.00.15.H33")).isTrue();
        assertThat(store.findAllWorkingHours()).doesNotContainKey("000.00.15.H33");
    }

    // One refused statement per test: PostgreSQL aborts the (rolled-back) test transaction at the first error.
    @Test
    void databaseRejectsADayOffWithoutName() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO cal_day_override (calendar_date, kind) VALUES (:d, 'DAY_OFF')")
                .param("d", LocalDate.of(2026, 3, 2)).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRejectsAnUnknownOverrideKind() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO cal_day_override (calendar_date, kind) VALUES (:d, 'HOLIDAY')")
                .param("d", LocalDate.of(2026, 3, 3)).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRejectsWorkingHoursWhoseSessionsOverlap() {
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO cal_working_hours (unit_identifier, morning_start, morning_end, afternoon_start,
                        afternoon_end) VALUES ('000.00.15.H33', :ms, :me, :as, :ae)""")
                .param("ms", LocalTime.of(7, 0)).param("me", LocalTime.of(12, 0))
                .param("as", LocalTime.of(11, 0)).param("ae", LocalTime.of(17, 0))
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void calendarOnTheDatabaseAppliesStoredOverrides() {
        store.saveOverride(new DayOverride(LocalDate.of(2026, 2, 20), DayOverride.Kind.WORKING_DAY, null, null),
                "admin");
        WorkingCalendar calendar = new WorkingCalendar(store);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 19))).isFalse();
    }

    @Test
    void holidayRulesAreStoredInOrderDeletedAndEveryChangeIsLogged() {
        HolidayRule added = store.insertHolidayRule(new HolidayRule(0, HolidayRule.Action.ADD, 11, 24,
                "Ngày Văn hóa Việt Nam", "Vietnam Culture Day", 2027, null, null, null), "admin");
        HolidayRule removed = store.insertHolidayRule(new HolidayRule(0, HolidayRule.Action.REMOVE, 4, 30, null, null,
                2027, 2027, null, null), "admin2");

        assertThat(added.id()).isPositive();
        assertThat(removed.id()).isGreaterThan(added.id());
        assertThat(added.createdAt()).isNotNull();
        assertThat(store.findHolidayRules()).containsExactly(added, removed);
        assertThat(added.toYear()).isNull();
        assertThat(removed.toYear()).isEqualTo(2027);
        assertThat(added.createdBy()).isEqualTo("admin");

        assertThat(store.deleteHolidayRule(added.id(), "admin3")).isEqualTo(added);
        assertThat(store.deleteHolidayRule(added.id(), "admin3")).isNull();
        assertThat(store.findHolidayRules()).containsExactly(removed);
        // The log may hold older entries (a PostgreSQL test database keeps what other test classes committed).
        assertThat(store.findHolidayChanges(10))
                .filteredOn(c -> c.ruleId() == added.id() || c.ruleId() == removed.id())
                .extracting(HolidayChange::change, HolidayChange::by, HolidayChange::ruleId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HolidayChange.Kind.UNDO, "admin3", added.id()),
                        org.assertj.core.groups.Tuple.tuple(HolidayChange.Kind.REMOVE, "admin2", removed.id()),
                        org.assertj.core.groups.Tuple.tuple(HolidayChange.Kind.ADD, "admin", added.id()));
        assertThat(store.findHolidayChanges(1)).hasSize(1);
    }

    @Test
    void holidayRuleTableRefusesAYearRangeBackwards() {
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO cal_holiday_rule (action, holiday_month, holiday_day, from_year, to_year)
                        VALUES ('ADD', 11, 24, 2027, 2026)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void holidayRuleTableRefusesAnAddedHolidayWithoutName() {
        // A test of its own: PostgreSQL refuses every further statement of a transaction after a failed one.
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO cal_holiday_rule (action, holiday_month, holiday_day, from_year)
                        VALUES ('ADD', 11, 24, 2027)""").update())
                .as("an added holiday needs a name")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void calendarOnTheDatabaseAppliesStoredHolidayRules() {
        store.insertHolidayRule(new HolidayRule(0, HolidayRule.Action.ADD, 11, 24, "Ngày Văn hóa Việt Nam", null,
                2027, null, null, null), "admin");
        WorkingCalendar calendar = new WorkingCalendar(store);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 11, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    }
}
