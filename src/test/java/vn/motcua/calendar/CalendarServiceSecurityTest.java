package vn.motcua.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The method-security annotations of {@link CalendarService}: changes and the holiday rules need role ADMIN, reading the days needs nothing. */
@SpringJUnitConfig(CalendarServiceSecurityTest.Config.class)
class CalendarServiceSecurityTest {

    @Configuration
    @EnableMethodSecurity
    static class Config {
        @Bean
        InMemoryCalendarStore store() {
            return new InMemoryCalendarStore();
        }

        @Bean
        WorkingCalendar workingCalendar(InMemoryCalendarStore store) {
            return new WorkingCalendar(store);
        }

        @Bean
        CalendarService calendarService(InMemoryCalendarStore store, WorkingCalendar calendar) {
            return new CalendarService(store, calendar);
        }
    }

    @Autowired
    CalendarService service;
    @Autowired
    InMemoryCalendarStore store;

    @Test
    @WithMockUser(username = "clerk", roles = "CLERK")
    void nonAdministratorCannotChangeTheCalendarButCanReadIt() {
        assertThatThrownBy(() -> service.addDayOff(LocalDate.of(2026, 3, 2), "Nghỉ", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.swap(LocalDate.of(2026, 3, 7), null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.deleteWorkingHours("000.00.15.H33"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.nonWorkingWeekdays(2026)).isNotEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void administratorChangesTheCalendarAndIsRecordedAsAuthor() {
        service.addDayOff(LocalDate.of(2026, 3, 3), "Nghỉ", null);
        assertThat(store.overrides()).containsKey(LocalDate.of(2026, 3, 3));
        assertThat(store.lastUpdatedBy).isEqualTo("admin");
    }

    @Test
    @WithMockUser(username = "clerk", roles = "CLERK")
    void onlyAdministratorsSeeAndChangeTheFixedHolidays() {
        assertThatThrownBy(() -> service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeHoliday(4, 30, 2027, 2027)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.deleteHolidayRule(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.fixedHolidays(2027)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.holidayRules()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.holidayChanges()).isInstanceOf(AccessDeniedException.class);
        assertThat(store.holidayRules).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void administratorAddsAHolidayAndIsRecordedInTheLog() {
        HolidayRule rule = service.addHoliday(11, 24, "Ngày Văn hóa Việt Nam", null, 2027, null);
        try {
            assertThat(rule.createdBy()).isEqualTo("admin");
            assertThat(service.holidayChanges()).first().satisfies(c -> {
                assertThat(c.by()).isEqualTo("admin");
                assertThat(c.change()).isEqualTo(HolidayChange.Kind.ADD);
            });
        } finally {
            service.deleteHolidayRule(rule.id());
        }
    }
}
