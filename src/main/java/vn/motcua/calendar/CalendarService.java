package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static vn.motcua.calendar.CalendarValidationException.CONFLICT;
import static vn.motcua.calendar.CalendarValidationException.INVALID;
import static vn.motcua.calendar.CalendarValidationException.MISSING;
import static vn.motcua.calendar.CalendarValidationException.OUT_OF_RANGE;

/**
 * Application service of the working calendar: reading a year's days off and the working hours (open to all), and
 * the administrator's changes (role ADMIN, enforced by method security).
 *
 * <p>Every change is validated first; a refused change throws {@link CalendarValidationException} naming the field
 * (the parameter name of the method) and a message key of the {@code i18n/calendar} bundles, and changes nothing.
 * After a change commits, the {@link WorkingCalendar}'s caches are invalidated. The caches are per application
 * instance: with several instances, the others see a change after their restart.
 */
@Service
public class CalendarService {

    /** Maximum length of a day's name or note. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Electronic identifier of a unit (QCVN 102:2016), e.g. {@code 000.00.15.H33}. */
    public static final Pattern UNIT_IDENTIFIER = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CalendarStore store;
    private final WorkingCalendar calendar;

    public CalendarService(CalendarStore store, WorkingCalendar calendar) {
        this.store = Objects.requireNonNull(store, "store");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * The notable days of a year: computed statutory days off (also those on a weekend) and every overridden day,
     * sorted by date.
     *
     * @throws CalendarValidationException (field {@code year}) outside the supported years
     */
    public List<CalendarDay> days(int year) {
        return yearCalendar(year, "year").days();
    }

    /**
     * The Monday–Friday dates of a year on which people do not work (defaults and overrides), sorted by date.
     *
     * @throws CalendarValidationException (field {@code year}) outside the supported years
     */
    public List<CalendarDay> nonWorkingWeekdays(int year) {
        return yearCalendar(year, "year").nonWorkingWeekdays();
    }

    /** All configured working hours, the default first (unit identifier null). */
    public List<UnitWorkingHours> workingHours() {
        return calendar.allWorkingHours();
    }

    /** The working hours applying to a unit (its own, else the default); null or blank = the default. */
    public WorkingHours workingHours(String unitIdentifier) {
        return calendar.workingHours(unitIdentifier);
    }

    /**
     * Makes a working day a day off (e.g. a day the government adds to Tết, or the weekday given in exchange for a
     * worked Saturday).
     *
     * @param date   a date that currently is a working day
     * @param nameVi Vietnamese name, required, at most {@value #MAX_NAME_LENGTH} characters
     * @param nameEn English name, optional
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addDayOff(LocalDate date, String nameVi, String nameEn) {
        YearCalendar year = requireYear(date, "date");
        String vi = requireName(nameVi, "nameVi");
        String en = optionalName(nameEn, "nameEn");
        if (!year.isWorkingDay(date)) {
            throw new CalendarValidationException(INVALID, "date", "calendar.error.alreadyDayOff", format(date));
        }
        save(new DayOverride(date, DayOverride.Kind.DAY_OFF, vi, en), "date");
    }

    /**
     * Makes a day off a working day: cancels a computed holiday or compensatory day, or makes a Saturday/Sunday
     * worked. If the day is off only because of an earlier override, that override is simply removed.
     *
     * @param date a date that currently is not a working day
     * @param note optional Vietnamese note (e.g. "Làm bù cho thứ Hai 27/01"), at most {@value #MAX_NAME_LENGTH}
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void makeWorkingDay(LocalDate date, String note) {
        YearCalendar year = requireYear(date, "date");
        String text = optionalName(note, "note");
        if (year.isWorkingDay(date)) {
            throw new CalendarValidationException(INVALID, "date", "calendar.error.alreadyWorkingDay", format(date));
        }
        if (year.isDefaultWorkingDay(date)) {
            deleteOverride(date);
        } else {
            save(new DayOverride(date, DayOverride.Kind.WORKING_DAY, text, null), "date");
        }
    }

    /**
     * Swaps days as the government does around holidays: a Saturday or Sunday becomes a working day and, if given, a
     * working weekday becomes a day off in exchange; both changes are made atomically.
     *
     * @param weekendDay a Saturday or Sunday that currently is not a working day
     * @param dayOff     a Monday–Friday that currently is a working day, or null to only make the weekend day worked
     * @param nameVi     Vietnamese name of the swap (e.g. "Hoán đổi nghỉ Tết"): required with {@code dayOff}, where it
     *                   names the day off; also stored as the note of the worked day
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void swap(LocalDate weekendDay, LocalDate dayOff, String nameVi) {
        YearCalendar weekendYear = requireYear(weekendDay, "weekendDay");
        if (!StatutoryHolidays.isWeekend(weekendDay)) {
            throw new CalendarValidationException(INVALID, "weekendDay", "calendar.error.notWeekend",
                    format(weekendDay));
        }
        if (weekendYear.isWorkingDay(weekendDay)) {
            throw new CalendarValidationException(INVALID, "weekendDay", "calendar.error.alreadyWorkingDay",
                    format(weekendDay));
        }
        String name;
        if (dayOff == null) {
            name = optionalName(nameVi, "nameVi");
        } else {
            YearCalendar dayOffYear = requireYear(dayOff, "dayOff");
            if (StatutoryHolidays.isWeekend(dayOff)) {
                throw new CalendarValidationException(INVALID, "dayOff", "calendar.error.dayOffIsWeekend",
                        format(dayOff));
            }
            if (!dayOffYear.isWorkingDay(dayOff)) {
                throw new CalendarValidationException(INVALID, "dayOff", "calendar.error.alreadyDayOff",
                        format(dayOff));
            }
            name = requireName(nameVi, "nameVi");
        }
        // Both dates were checked against the calendars as they were before this transaction; they differ (one is a
        // weekend day, the other not), so the first write cannot invalidate the second check. A weekend day is never
        // a working day by default, so working it always takes an override.
        save(new DayOverride(weekendDay, DayOverride.Kind.WORKING_DAY, name, null), "weekendDay");
        if (dayOff != null) {
            save(new DayOverride(dayOff, DayOverride.Kind.DAY_OFF, name, null), "dayOff");
        }
    }

    /**
     * Removes the administrator's override of a date: the date follows the computed calendar again.
     *
     * @param date a date that has an override
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revertToDefault(LocalDate date) {
        YearCalendar year = requireYear(date, "date");
        CalendarDay day = year.day(date);
        if (day == null || day.source() != CalendarDay.Source.OVERRIDE) {
            throw new CalendarValidationException(INVALID, "date", "calendar.error.noOverride", format(date));
        }
        deleteOverride(date);
    }

    /**
     * Sets the working hours of a unit, or the default ones.
     *
     * @param unitIdentifier the unit's electronic identifier (format {@code 000.00.15.H33}); null or blank = the
     *                       default for all units without hours of their own
     * @param morningStart   start of the morning session
     * @param morningEnd     end of the morning session, after its start
     * @param afternoonStart start of the afternoon session, not before the end of the morning
     * @param afternoonEnd   end of the afternoon session, after its start
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void saveWorkingHours(String unitIdentifier, LocalTime morningStart, LocalTime morningEnd,
                                 LocalTime afternoonStart, LocalTime afternoonEnd) {
        String key = unitKey(unitIdentifier);
        String problem = WorkingHours.problem(morningStart, morningEnd, afternoonStart, afternoonEnd);
        if (problem != null) {
            throw hoursProblem(problem, morningStart, morningEnd, afternoonStart);
        }
        try {
            store.saveWorkingHours(key, new WorkingHours(morningStart, morningEnd, afternoonStart, afternoonEnd),
                    currentUser());
        } catch (DuplicateKeyException concurrent) {
            throw new CalendarValidationException(CONFLICT, "unitIdentifier", "calendar.error.concurrentChange");
        }
        afterCommit(calendar::invalidateWorkingHours);
    }

    /**
     * Removes a unit's own working hours: it follows the default again. The default itself cannot be removed.
     *
     * @param unitIdentifier an identifier that has hours of its own
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void deleteWorkingHours(String unitIdentifier) {
        String key = unitKey(unitIdentifier);
        if (CalendarStore.DEFAULT_UNIT_KEY.equals(key)) {
            throw new CalendarValidationException(INVALID, "unitIdentifier", "calendar.error.defaultHoursRequired");
        }
        if (!store.deleteWorkingHours(key)) {
            throw new CalendarValidationException(INVALID, "unitIdentifier", "calendar.error.noUnitHours", key);
        }
        afterCommit(calendar::invalidateWorkingHours);
    }

    /** Names the first field at fault, in the order the form shows them. */
    private static CalendarValidationException hoursProblem(String problem, LocalTime morningStart,
                                                            LocalTime morningEnd, LocalTime afternoonStart) {
        return switch (problem) {
            case "calendar.error.hoursRequired" -> new CalendarValidationException(MISSING,
                    morningStart == null ? "morningStart" : morningEnd == null ? "morningEnd"
                            : afternoonStart == null ? "afternoonStart" : "afternoonEnd", problem);
            case "calendar.error.morningOrder" -> new CalendarValidationException(INVALID, "morningEnd", problem);
            case "calendar.error.sessionsOverlap" -> new CalendarValidationException(INVALID, "afternoonStart",
                    problem);
            default -> new CalendarValidationException(INVALID, "afternoonEnd", problem);
        };
    }

    private void save(DayOverride override, String field) {
        try {
            store.saveOverride(override, currentUser());
        } catch (DuplicateKeyException concurrent) {
            // Another administrator inserted the same date between our UPDATE and INSERT.
            throw new CalendarValidationException(CONFLICT, field, "calendar.error.concurrentChange");
        }
        int year = override.date().getYear();
        afterCommit(() -> calendar.invalidateYear(year));
    }

    private void deleteOverride(LocalDate date) {
        store.deleteOverride(date);
        int year = date.getYear();
        afterCommit(() -> calendar.invalidateYear(year));
    }

    /**
     * Runs an invalidation once the transaction commits (a reader refilling the cache before the commit would
     * otherwise keep the old data), or at once without a transaction.
     */
    private static void afterCommit(Runnable invalidation) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidation.run();
                }
            });
        } else {
            invalidation.run();
        }
    }

    private YearCalendar requireYear(LocalDate date, String field) {
        if (date == null) {
            throw new CalendarValidationException(MISSING, field, "calendar.error.dateRequired");
        }
        return yearCalendar(date.getYear(), field);
    }

    private YearCalendar yearCalendar(int year, String field) {
        try {
            return calendar.year(year);
        } catch (UnsupportedYearException e) {
            throw new CalendarValidationException(OUT_OF_RANGE, field, "calendar.error.yearRange",
                    String.valueOf(LunarCalendar.MIN_YEAR), String.valueOf(LunarCalendar.MAX_YEAR));
        }
    }

    private static String requireName(String name, String field) {
        String value = optionalName(name, field);
        if (value == null) {
            throw new CalendarValidationException(MISSING, field, "calendar.error.nameRequired");
        }
        return value;
    }

    private static String optionalName(String name, String field) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String value = name.strip();
        if (value.length() > MAX_NAME_LENGTH) {
            throw new CalendarValidationException(INVALID, field, "calendar.error.nameTooLong",
                    String.valueOf(MAX_NAME_LENGTH));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new CalendarValidationException(INVALID, field, "calendar.error.nameControlCharacters");
        }
        return value;
    }

    private static String unitKey(String unitIdentifier) {
        if (unitIdentifier == null || unitIdentifier.isBlank()) {
            return CalendarStore.DEFAULT_UNIT_KEY;
        }
        String key = unitIdentifier.strip().toUpperCase(Locale.ROOT);
        if (!UNIT_IDENTIFIER.matcher(key).matches()) {
            throw new CalendarValidationException(INVALID, "unitIdentifier", "calendar.error.unitIdentifier");
        }
        return key;
    }

    private static String format(LocalDate date) {
        return DATE.format(date);
    }

    /** Name of the signed-in administrator, kept with the change for audit; null outside a security context. */
    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
