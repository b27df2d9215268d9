package vn.motcua.calendar;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed-date public holidays of a year: the statutory ones of the Labour Code 2019, Art. 112 clause 1 (1 January,
 * 30 April, 1 May, 2 September) as the default, changed by the administrators' {@link HolidayRule}s. The lunar
 * holidays (Tết, Hùng Kings' Day) and the day adjacent to 2 September stay computed by {@link StatutoryHolidays}; the
 * adjacent day goes with 2 September (a year without National Day has no adjacent day either).
 *
 * <p>Rules apply in the order they were made (their ids): for a date and a year, the latest rule covering that year
 * decides; without one, the law decides. So "add 24/11 from 2027" followed by "remove 24/11 from 2030" gives the
 * holiday in 2027–2029, and deleting a rule lets the earlier ones (or the law) decide again. Thread-safe, stateless.
 */
public final class FixedHolidays {

    /** The statutory fixed-date holidays, in date order. */
    public static final List<FixedHoliday> STATUTORY = List.of(
            statutory(1, 1, HolidayKind.NEW_YEAR),
            statutory(4, 30, HolidayKind.VICTORY_DAY),
            statutory(5, 1, HolidayKind.LABOUR_DAY),
            statutory(9, 2, HolidayKind.NATIONAL_DAY));

    private FixedHolidays() {
    }

    /**
     * The fixed-date holidays of a year, in date order.
     *
     * @param year  a Gregorian year
     * @param rules the administrators' rules, in any order
     */
    public static List<FixedHoliday> forYear(int year, Collection<HolidayRule> rules) {
        Map<MonthDay, FixedHoliday> holidays = new LinkedHashMap<>();
        STATUTORY.forEach(h -> holidays.put(h.date(), h));
        rules.stream().filter(r -> r.covers(year)).sorted(Comparator.comparingLong(HolidayRule::id)).forEach(r -> {
            if (r.action() == HolidayRule.Action.REMOVE) {
                holidays.remove(r.date());
            } else {
                holidays.put(r.date(), new FixedHoliday(r.date(), statutoryKind(r.date()), r.nameVi(), r.nameEn(),
                        FixedHoliday.Source.ADDED, r.id()));
            }
        });
        List<FixedHoliday> result = new ArrayList<>(holidays.values());
        result.sort(Comparator.comparing(FixedHoliday::date));
        return List.copyOf(result);
    }

    /**
     * Whether a date is a fixed-date holiday in a year under the given rules.
     */
    public static boolean isHoliday(MonthDay date, int year, Collection<HolidayRule> rules) {
        return forYear(year, rules).stream().anyMatch(h -> h.date().equals(date));
    }

    /**
     * The statutory holiday on a date, or {@link HolidayKind#ADDED} when the law names none: an administrator who
     * adds back a statutory date (after removing it) gets its statutory meaning, National Day's adjacent day included.
     */
    static HolidayKind statutoryKind(MonthDay date) {
        return STATUTORY.stream().filter(h -> h.date().equals(date)).map(FixedHoliday::kind).findFirst()
                .orElse(HolidayKind.ADDED);
    }

    private static FixedHoliday statutory(int month, int day, HolidayKind kind) {
        return new FixedHoliday(MonthDay.of(month, day), kind, null, null, FixedHoliday.Source.STATUTORY, null);
    }
}
