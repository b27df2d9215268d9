package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statutory days off of a year as the law defines them (Labour Code 2019, Article 112), before any decision of
 * the government or an administrator for that year's single dates; {@link #forYear(int, List)} takes the fixed-date
 * holidays as administrators' rules make them ({@link FixedHolidays}), {@link #forYear(int)} those of the law.
 *
 * <p>Rules, where the law leaves room the choice is stated:
 * <ul>
 *   <li>1 January; 30 April; 1 May; Hùng Kings' Day on 10/3 of the lunar calendar.</li>
 *   <li>Tết: 5 days = the last day of the previous lunar year (29 or 30 of month 12) and days 1 to 4 of month 1.
 *       The law lets the Prime Minister fix the exact days each year; administrators record that as overrides.</li>
 *   <li>National Day: 2 September and "one adjacent day before or after". Chosen rule: the adjacent Monday–Friday
 *       (a Saturday or Sunday would be off anyway) that joins the holiday to a weekend; when neither does (2 September
 *       on a Wednesday), the day after:
 *       Monday → Tuesday 3 Sep; Tuesday → Monday 1 Sep; Wednesday → Thursday 3 Sep; Thursday → Friday 3 Sep;
 *       Friday → Thursday 1 Sep; Saturday → Friday 1 Sep; Sunday → Monday 3 Sep. This matches the government's
 *       decisions of 2021–2025 (2021 Thu+Fri, 2022 Thu+Fri, 2023 Fri+Sat, 2024 Mon+Tue, 2025 Mon+Tue).</li>
 *   <li>Compensatory days (Art. 112 clause 3): each holiday falling on a Saturday or Sunday gives one day off on the
 *       next day that is a Monday–Friday and is neither a holiday nor already a compensatory day; holidays are
 *       handled in date order, so two weekend holidays give two consecutive compensatory days after the holiday
 *       period (e.g. 30 Apr and 1 May 2022 on Sat and Sun → Mon 2 and Tue 3 May).</li>
 *   <li>Two holidays on the same date (Hùng Kings' Day fell on 30 April in 1947; no other year of 1900–2100): the
 *       law does not say; chosen rule: like a holiday on a weekend, the second one gives a compensatory day, so
 *       that the year keeps its 11 statutory days off.</li>
 * </ul>
 * Thread-safe, stateless.
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    /**
     * The statutory days off falling in a Gregorian year, including holidays that fall on a weekend (so that the
     * caller can show them) and their compensatory days, with the fixed-date holidays the law lists.
     *
     * @param year {@value LunarCalendar#MIN_YEAR} to {@value LunarCalendar#MAX_YEAR}
     * @return the days sorted by date, at most one entry per date
     * @throws UnsupportedYearException if the year is outside the range of {@link LunarCalendar}
     */
    public static List<StatutoryDayOff> forYear(int year) {
        return forYear(year, FixedHolidays.STATUTORY);
    }

    /**
     * The days off of a Gregorian year with the given fixed-date holidays (as {@link FixedHolidays#forYear} gives
     * them, administrators' rules applied) and the lunar holidays; the day adjacent to 2 September comes with
     * National Day. Holidays on weekends and compensatory days as for {@link #forYear(int)}; an added holiday on a
     * weekend gives a compensatory day like any other (Art. 112 clause 3).
     *
     * @param year  {@value LunarCalendar#MIN_YEAR} to {@value LunarCalendar#MAX_YEAR}
     * @param fixed the year's fixed-date holidays
     * @throws UnsupportedYearException if the year is outside the range of {@link LunarCalendar}
     */
    public static List<StatutoryDayOff> forYear(int year, List<FixedHoliday> fixed) {
        if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new UnsupportedYearException(year);
        }
        List<StatutoryDayOff> holidays = new ArrayList<>();
        // The lunar year beginning in this Gregorian year always begins between 21 January and 20 February, so its
        // eve and first four days all fall in this year.
        LocalDate tet = LunarCalendar.newYear(year);
        for (int i = -1; i <= 3; i++) {
            holidays.add(holiday(tet.plusDays(i), HolidayKind.LUNAR_NEW_YEAR));
        }
        holidays.add(holiday(LunarCalendar.toSolar(year, 3, 10, false), HolidayKind.HUNG_KINGS));
        for (FixedHoliday f : fixed) {
            holidays.add(new StatutoryDayOff(f.date().atYear(year), f.kind(), false, f.nameVi(), f.nameEn()));
            if (f.kind() == HolidayKind.NATIONAL_DAY) {
                holidays.add(holiday(nationalDayAdjacent(year), HolidayKind.NATIONAL_DAY_ADJACENT));
            }
        }
        // Statutory holidays in the order the law lists them (1 January first) before added ones, so that on a date
        // shared by two holidays the law's keeps the date.
        holidays.sort(Comparator.comparing((StatutoryDayOff h) -> h.holiday() == HolidayKind.ADDED)
                .thenComparing(h -> h.holiday() == HolidayKind.NEW_YEAR ? 0 : 1));
        // Stable sort: on a date shared by two holidays (Hùng Kings' Day on 30 April, as in 1947) the holiday listed
        // first keeps the date and the other is displaced.
        holidays.sort(Comparator.comparing(StatutoryDayOff::date));

        Set<LocalDate> taken = new HashSet<>();
        List<StatutoryDayOff> result = new ArrayList<>();
        List<StatutoryDayOff> toCompensate = new ArrayList<>();
        for (StatutoryDayOff h : holidays) {
            if (!taken.add(h.date())) {
                toCompensate.add(h);
                continue;
            }
            result.add(h);
            if (isWeekend(h.date())) {
                toCompensate.add(h);
            }
        }
        for (StatutoryDayOff h : toCompensate) {
            LocalDate day = h.date().plusDays(1);
            while (isWeekend(day) || taken.contains(day)) {
                day = day.plusDays(1);
            }
            taken.add(day);
            result.add(new StatutoryDayOff(day, h.holiday(), true, h.nameVi(), h.nameEn()));
        }
        result.sort(Comparator.comparing(StatutoryDayOff::date));
        return List.copyOf(result);
    }

    /**
     * The day the law adds to 2 September in a year, by the long-weekend rule of this class.
     *
     * @return 1 or 3 September of {@code year}
     */
    public static LocalDate nationalDayAdjacent(int year) {
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        return switch (nationalDay.getDayOfWeek()) {
            case TUESDAY, FRIDAY, SATURDAY -> nationalDay.minusDays(1);
            case MONDAY, WEDNESDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
        };
    }

    /** Saturday or Sunday: the weekly days off of the civil service (Decree 45/2013 and its successors). */
    public static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static StatutoryDayOff holiday(LocalDate date, HolidayKind kind) {
        return new StatutoryDayOff(date, kind, false);
    }
}
