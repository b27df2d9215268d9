package vn.motcua.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.shared.AdministrativeChange;

import static vn.motcua.calendar.CalendarValidationException.CONFLICT;
import static vn.motcua.calendar.CalendarValidationException.INVALID;
import static vn.motcua.calendar.CalendarValidationException.MISSING;
import static vn.motcua.calendar.CalendarValidationException.NOT_FOUND;
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
    /**
     * Electronic identifier of a unit (QCVN 102:2016), e.g. {@code 000.00.15.H33}, the Y segment of two or three
     * digits ({@code 000.00.101.H05}). The same rule as the organisation's {@code Unit.IDENTIFIER}.
     */
    public static final Pattern UNIT_IDENTIFIER = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2,3}\\.[A-Z]\\d{2}$");
    /**
     * First year a rule about fixed-date holidays may start: no dossier of the application is older, and it keeps a
     * mistyped year (e.g. 207) out. Product choice.
     */
    public static final int FIRST_RULE_YEAR = 1990;
    /** How many entries of the log of holiday changes are read at most. */
    public static final int MAX_CHANGES = 200;

    private static final Logger LOG = LoggerFactory.getLogger(CalendarService.class);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;

    /** A service whose changes reach the administrators' log through {@code events}. */
    @org.springframework.beans.factory.annotation.Autowired
    public CalendarService(CalendarStore store, WorkingCalendar calendar, ApplicationEventPublisher events) {
        this.store = Objects.requireNonNull(store, "store");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A service on its own (tests of the calendar alone): its changes are not published. */
    public CalendarService(CalendarStore store, WorkingCalendar calendar) {
        this(store, calendar, event -> { });
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
        events.publishEvent(new AdministrativeChange("WORKING_HOURS_SET", key,
                morningStart + "–" + morningEnd + ", " + afternoonStart + "–" + afternoonEnd));
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
        events.publishEvent(new AdministrativeChange("WORKING_HOURS_RESET", key, null));
    }

    /**
     * The fixed-date public holidays of a year with their source (statutory, or added by an administrator's rule).
     *
     * @throws CalendarValidationException (field {@code year}) outside the supported years
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<FixedHoliday> fixedHolidays(int year) {
        yearCalendar(year, "year");
        return calendar.fixedHolidays(year);
    }

    /** Every administrator's rule about fixed-date holidays, in the order they were made. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<HolidayRule> holidayRules() {
        return calendar.holidayRules();
    }

    /** The latest changes to the fixed-date holidays (at most {@value #MAX_CHANGES}), newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<HolidayChange> holidayChanges() {
        return store.findHolidayChanges(MAX_CHANGES);
    }

    /**
     * Makes a date of every year a public holiday from a year on (and until a year, if given), e.g. 24 November
     * should the Labour Code be amended. Every computation (due dates, working time) uses it once committed; an added
     * holiday on a weekend gives a compensatory day like a statutory one.
     *
     * @param month    1–12
     * @param day      a day of that month in every year (not 29 February)
     * @param nameVi   Vietnamese name, required, at most {@value #MAX_NAME_LENGTH} characters
     * @param nameEn   English name, optional
     * @param fromYear first year, {@value #FIRST_RULE_YEAR} to {@value LunarCalendar#MAX_YEAR}
     * @param toYear   last year (not before {@code fromYear}), null for every later year
     * @return the rule as stored
     * @throws CalendarValidationException if a value is missing or wrong, or the date already is a holiday in every
     *                                     year of the range; nothing is changed then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public HolidayRule addHoliday(Integer month, Integer day, String nameVi, String nameEn, Integer fromYear,
                                  Integer toYear) {
        MonthDay date = requireMonthDay(month, day);
        String vi = requireName(nameVi, "nameVi");
        String en = optionalName(nameEn, "nameEn");
        requireYears(fromYear, toYear);
        List<HolidayRule> rules = calendar.holidayRules();
        if (yearsOfRange(fromYear, toYear).allMatch(y -> FixedHolidays.isHoliday(date, y, rules))) {
            throw new CalendarValidationException(INVALID, "day", "calendar.error.alreadyHoliday",
                    dayMonth(date), range(fromYear, toYear));
        }
        return saveRule(new HolidayRule(0, HolidayRule.Action.ADD, date.getMonthValue(), date.getDayOfMonth(), vi, en,
                fromYear, toYear, null, null));
    }

    /**
     * Takes a date out of the public holidays from a year on (and until a year, if given): a statutory date for one
     * year, or from the year a change of the law takes effect; or a date an administrator added.
     *
     * @param month    1–12
     * @param day      a day of that month in every year
     * @param fromYear first year, {@value #FIRST_RULE_YEAR} to {@value LunarCalendar#MAX_YEAR}
     * @param toYear   last year (not before {@code fromYear}), null for every later year
     * @return the rule as stored
     * @throws CalendarValidationException if a value is missing or wrong, or the date is a holiday in no year of the
     *                                     range; nothing is changed then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public HolidayRule removeHoliday(Integer month, Integer day, Integer fromYear, Integer toYear) {
        MonthDay date = requireMonthDay(month, day);
        requireYears(fromYear, toYear);
        List<HolidayRule> rules = calendar.holidayRules();
        if (yearsOfRange(fromYear, toYear).noneMatch(y -> FixedHolidays.isHoliday(date, y, rules))) {
            throw new CalendarValidationException(INVALID, "day", "calendar.error.notHoliday",
                    dayMonth(date), range(fromYear, toYear));
        }
        return saveRule(new HolidayRule(0, HolidayRule.Action.REMOVE, date.getMonthValue(), date.getDayOfMonth(),
                null, null, fromYear, toYear, null, null));
    }

    /**
     * Deletes an administrator's rule (undoes it): its years follow the other rules and the law again.
     *
     * @param id the rule's id
     * @throws CalendarValidationException ({@code not_found}, field {@code id}) if no rule has this id
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void deleteHolidayRule(long id) {
        HolidayRule deleted = store.deleteHolidayRule(id, currentUser());
        if (deleted == null) {
            throw new CalendarValidationException(NOT_FOUND, "id", "calendar.error.ruleUnknown", String.valueOf(id));
        }
        LOG.info("Holiday rule {} deleted ({} {}/{}, {})", id, deleted.action(), deleted.day(), deleted.month(),
                range(deleted.fromYear(), deleted.toYear()));
        afterCommit(calendar::invalidateHolidayRules);
        events.publishEvent(new AdministrativeChange("HOLIDAY_RULE_UNDONE", deleted.day() + "/" + deleted.month(),
                deleted.action() + ", " + range(deleted.fromYear(), deleted.toYear())));
    }

    private HolidayRule saveRule(HolidayRule rule) {
        HolidayRule stored = store.insertHolidayRule(rule, currentUser());
        LOG.info("Holiday rule {} created ({} {}/{}, {})", stored.id(), stored.action(), stored.day(), stored.month(),
                range(stored.fromYear(), stored.toYear()));
        afterCommit(calendar::invalidateHolidayRules);
        events.publishEvent(new AdministrativeChange(stored.action() == HolidayRule.Action.ADD ? "HOLIDAY_ADDED" : "HOLIDAY_REMOVED",
                stored.day() + "/" + stored.month(), range(stored.fromYear(), stored.toYear())
                        + (stored.nameVi() == null ? "" : ": " + stored.nameVi())));
        return stored;
    }

    private static MonthDay requireMonthDay(Integer month, Integer day) {
        if (month == null) {
            throw new CalendarValidationException(MISSING, "month", "calendar.error.monthRequired");
        }
        if (month < 1 || month > 12) {
            throw new CalendarValidationException(INVALID, "month", "calendar.error.month", String.valueOf(month));
        }
        if (day == null) {
            throw new CalendarValidationException(MISSING, "day", "calendar.error.dayRequired");
        }
        if (month == 2 && day == 29) {
            throw new CalendarValidationException(INVALID, "day", "calendar.error.leapDay");
        }
        try {
            return MonthDay.of(month, day);
        } catch (DateTimeException e) {
            throw new CalendarValidationException(INVALID, "day", "calendar.error.dayOfMonth", String.valueOf(day),
                    String.valueOf(month));
        }
    }

    private static void requireYears(Integer fromYear, Integer toYear) {
        if (fromYear == null) {
            throw new CalendarValidationException(MISSING, "fromYear", "calendar.error.fromYearRequired");
        }
        checkRuleYear(fromYear, "fromYear");
        if (toYear != null) {
            checkRuleYear(toYear, "toYear");
            if (toYear < fromYear) {
                throw new CalendarValidationException(INVALID, "toYear", "calendar.error.toYearBeforeFromYear",
                        String.valueOf(toYear), String.valueOf(fromYear));
            }
        }
    }

    private static void checkRuleYear(int year, String field) {
        if (year < FIRST_RULE_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new CalendarValidationException(OUT_OF_RANGE, field, "calendar.error.ruleYearRange",
                    String.valueOf(FIRST_RULE_YEAR), String.valueOf(LunarCalendar.MAX_YEAR));
        }
    }

    private static java.util.stream.IntStream yearsOfRange(int fromYear, Integer toYear) {
        return java.util.stream.IntStream.rangeClosed(fromYear, toYear == null ? LunarCalendar.MAX_YEAR : toYear);
    }

    private static String dayMonth(MonthDay date) {
        return String.format(Locale.ROOT, "%02d/%02d", date.getDayOfMonth(), date.getMonthValue());
    }

    private static String range(int fromYear, Integer toYear) {
        return toYear == null ? fromYear + "–…" : fromYear == toYear ? String.valueOf(fromYear) : fromYear + "–" + toYear;
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
        events.publishEvent(new AdministrativeChange("CALENDAR_DAY_SET", override.date().toString(),
                override.kind() + (override.nameVi() == null ? "" : ": " + override.nameVi())));
    }

    private void deleteOverride(LocalDate date) {
        store.deleteOverride(date);
        int year = date.getYear();
        afterCommit(() -> calendar.invalidateYear(year));
        events.publishEvent(new AdministrativeChange("CALENDAR_DAY_RESET", date.toString(), null));
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
