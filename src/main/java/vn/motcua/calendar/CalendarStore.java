package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Persistence of the administrator's calendar data: day overrides, working hours per unit, and the rules about
 * fixed-date public holidays with the log of their changes. The production
 * implementation is {@link JdbcCalendarStore}; tests use an in-memory one. Implementations need not cache: the
 * {@link WorkingCalendar} does.
 */
public interface CalendarStore {

    /** Key of the working hours applying to every unit that has none of its own. */
    String DEFAULT_UNIT_KEY = "*";

    /** The overrides of dates in a Gregorian year, in any order. */
    List<DayOverride> findOverrides(int year);

    /** Creates or replaces the override of {@code override.date()}. */
    void saveOverride(DayOverride override, String updatedBy);

    /**
     * Deletes the override of a date.
     *
     * @return whether one existed
     */
    boolean deleteOverride(LocalDate date);

    /**
     * All working hours, keyed by unit identifier, the default under {@link #DEFAULT_UNIT_KEY} (if stored).
     */
    Map<String, WorkingHours> findAllWorkingHours();

    /** Creates or replaces the working hours of a unit key (an identifier or {@link #DEFAULT_UNIT_KEY}). */
    void saveWorkingHours(String unitKey, WorkingHours hours, String updatedBy);

    /**
     * Deletes the working hours of a unit key.
     *
     * @return whether they existed
     */
    boolean deleteWorkingHours(String unitKey);

    /** Every rule about fixed-date public holidays, in the order they were made (by id). */
    List<HolidayRule> findHolidayRules();

    /**
     * Stores a new rule (its {@code id}, {@code createdAt} and {@code createdBy} are ignored) and logs it as a
     * {@link HolidayChange} of the rule's action.
     *
     * @return the rule as stored, with its id
     */
    HolidayRule insertHolidayRule(HolidayRule rule, String createdBy);

    /**
     * Deletes a rule and logs it as an {@link HolidayChange.Kind#UNDO}.
     *
     * @return the deleted rule, or null if none has this id
     */
    HolidayRule deleteHolidayRule(long id, String deletedBy);

    /** The latest changes to the rules, newest first. */
    List<HolidayChange> findHolidayChanges(int limit);
}
