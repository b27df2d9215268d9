package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective calendar of one Gregorian year: statutory days off with administrator overrides applied on top.
 * Immutable and thread-safe.
 */
public final class YearCalendar {

    private final int year;
    /** Notable days by date; any other day is a working day unless it is a Saturday or Sunday. */
    private final Map<LocalDate, CalendarDay> days;

    private YearCalendar(int year, Map<LocalDate, CalendarDay> days) {
        this.year = year;
        this.days = days;
    }

    /**
     * Builds a year's calendar.
     *
     * @param year      the Gregorian year
     * @param statutory the year's statutory days off, as {@link StatutoryHolidays#forYear(int, List)} returns them
     * @param overrides the administrator's overrides of dates in that year (others are ignored); at most one per date
     */
    public static YearCalendar of(int year, Collection<StatutoryDayOff> statutory, Collection<DayOverride> overrides) {
        Map<LocalDate, CalendarDay> days = new TreeMap<>();
        for (StatutoryDayOff s : statutory) {
            if (s.date().getYear() == year) {
                days.put(s.date(), new CalendarDay(s.date(), false, false, CalendarDay.Source.COMPUTED,
                        s.holiday(), s.compensatory(), null, null, s.nameVi(), s.nameEn()));
            }
        }
        for (DayOverride o : overrides) {
            if (o.date().getYear() != year) {
                continue;
            }
            CalendarDay computed = days.get(o.date());
            boolean defaultWorking = computed == null ? !StatutoryHolidays.isWeekend(o.date()) : computed.workingDay();
            days.put(o.date(), new CalendarDay(o.date(), o.working(), defaultWorking, CalendarDay.Source.OVERRIDE,
                    computed == null ? null : computed.holiday(), computed != null && computed.compensatory(),
                    o.nameVi(), o.nameEn(), computed == null ? null : computed.holidayNameVi(),
                    computed == null ? null : computed.holidayNameEn()));
        }
        return new YearCalendar(year, days);
    }

    /** The Gregorian year. */
    public int year() {
        return year;
    }

    /**
     * Whether people work on a date of this year.
     *
     * @throws IllegalArgumentException if the date is not in this year
     */
    public boolean isWorkingDay(LocalDate date) {
        checkYear(date);
        CalendarDay day = days.get(date);
        return day != null ? day.workingDay() : !StatutoryHolidays.isWeekend(date);
    }

    /**
     * Whether the law alone (without overrides) makes a date of this year a working day.
     *
     * @throws IllegalArgumentException if the date is not in this year
     */
    public boolean isDefaultWorkingDay(LocalDate date) {
        checkYear(date);
        CalendarDay day = days.get(date);
        return day != null ? day.defaultWorkingDay() : !StatutoryHolidays.isWeekend(date);
    }

    /** The notable day at a date, or null if the date is a plain weekday or weekend day. */
    public CalendarDay day(LocalDate date) {
        return days.get(date);
    }

    /** All notable days (computed days off, including holidays on weekends, and overridden days), sorted by date. */
    public List<CalendarDay> days() {
        return List.copyOf(days.values());
    }

    /** The Monday–Friday dates on which people do not work, sorted by date. */
    public List<CalendarDay> nonWorkingWeekdays() {
        return days.values().stream().filter(CalendarDay::nonWorkingWeekday).toList();
    }

    private void checkYear(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
    }
}
