package vn.motcua.calendar;

import vn.motcua.shared.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

/**
 * Working-time arithmetic for dossier deadlines (thời hạn giải quyết), in Asia/Ho_Chi_Minh local time.
 *
 * <p>A day is a working day unless it is a Saturday or Sunday or a public holiday ({@link StatutoryHolidays}, with the
 * fixed-date holidays as administrators' {@link HolidayRule}s make them, {@link FixedHolidays}) or its compensatory
 * day, administrator overrides of single dates ({@link CalendarStore}) taking precedence over all. Working time runs only inside a unit's
 * {@link WorkingHours} on working days.
 *
 * <p>Deadline rules ({@link #dueAt}):
 * <ul>
 *   <li>{@code WORKING_DAYS} N: N × (the unit's daily working time, 8 h by default) of working time from the start;
 *       {@code WORKING_HOURS} N: N hours of working time. Working time counts from the start if it lies inside working
 *       hours, else from the next working-hours start: received Friday 16:30 with 1 working day → due Monday 16:30
 *       (30 min on Friday + 7 h 30 on Monday). The due instant can be the end of a session (e.g. 17:00) — it is never
 *       moved to the next morning.</li>
 *   <li>{@code CALENDAR_DAYS} N: from the same counting start, N × 24 h later at the same local time; if that day
 *       is not a working day, the end of the working hours of the next working day.</li>
 *   <li>An amount of 0 gives the start itself (to be resolved at once).</li>
 * </ul>
 *
 * <p>Years are cached in memory once computed, working hours and holiday rules once loaded; {@link CalendarService}
 * invalidates them after each change it commits (a change of the holiday rules drops every cached year).
 * Thread-safe. Supported years: {@value LunarCalendar#MIN_YEAR} to
 * {@value LunarCalendar#MAX_YEAR}; any computation reaching outside throws {@link UnsupportedYearException}.
 */
@Service
public class WorkingCalendar {

    /** The time zone of every computation. */
    public static final ZoneId ZONE = Formats.ZONE;

    private final CalendarStore store;
    /**
     * The holiday rules and the years computed with them. A change to the rules replaces the whole snapshot, so that
     * a year computed with the old rules (even one still being computed) is never served again.
     */
    private volatile Snapshot snapshot = new Snapshot();
    private final Object hoursLock = new Object();
    /** Working hours by unit key, loaded whole (a few hundred rows at most); null until loaded or after a change. */
    private volatile Map<String, WorkingHours> hoursByUnit;
    /** Incremented on each invalidation, so that a load that raced with a change does not install stale data. */
    private long hoursVersion;

    /**
     * @param store where administrators' overrides and working hours are kept
     */
    public WorkingCalendar(CalendarStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Due instant of a processing time started (received) at {@code start}, by the rules of this class.
     *
     * @param start          receipt instant, not null
     * @param time           processing time, not null
     * @param unitIdentifier electronic identifier of the processing unit (e.g. "000.00.15.H33"); null, blank or a
     *                       unit without hours of its own = the default working hours
     * @return the due instant, never before {@code start}
     * @throws UnsupportedYearException if the computation leaves the supported years
     */
    public Instant dueAt(Instant start, ProcessingTime time, String unitIdentifier) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(time, "time");
        if (time.amount() == 0) {
            return start;
        }
        WorkingHours hours = workingHours(unitIdentifier);
        return toTheMillisecond(switch (time.unit()) {
            case WORKING_DAYS -> add(start, hours.daily().multipliedBy(time.amount()), hours);
            case WORKING_HOURS -> add(start, Duration.ofHours(time.amount()), hours);
            case CALENDAR_DAYS -> addCalendarDays(start, time.amount(), hours);
        });
    }

    /**
     * A deadline to the millisecond, as the process engine keeps its timers' dates: the dossier's due instant and the
     * engine's timer for it are then the same instant, whatever the precision of the clock that received the dossier
     * (a receipt inside working hours gives a due instant with the receipt's fraction of a second).
     */
    private static Instant toTheMillisecond(Instant due) {
        return due.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Working time elapsed between two instants for a unit: the total length of the unit's working-hour sessions on
     * working days that lies between them. Used to measure clock stops and processing times.
     *
     * @param from           first instant, not null
     * @param to             second instant, not null; if before {@code from}, the result is negative
     * @param unitIdentifier as for {@link #dueAt}
     * @return the working time, zero if none
     */
    public Duration workingTimeBetween(Instant from, Instant to, String unitIdentifier) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from, unitIdentifier).negated();
        }
        WorkingHours hours = workingHours(unitIdentifier);
        LocalDateTime a = LocalDateTime.ofInstant(from, ZONE);
        LocalDateTime b = LocalDateTime.ofInstant(to, ZONE);
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Session s : hours.sessions()) {
                LocalDateTime sessionStart = max(day.atTime(s.start()), a);
                LocalDateTime sessionEnd = min(day.atTime(s.end()), b);
                if (sessionStart.isBefore(sessionEnd)) {
                    total = total.plus(Duration.between(sessionStart, sessionEnd));
                }
            }
        }
        return total;
    }

    /**
     * The instant reached after {@code workingTime} of working time from {@code start} (e.g. a due date moved by the
     * working time a clock stop lasted). Counting starts at {@code start} if it lies inside working hours, else at the
     * next working-hours start; the result may be the end of a session.
     *
     * @param start          not null
     * @param workingTime    not null, not negative; zero returns {@code start} unchanged
     * @param unitIdentifier as for {@link #dueAt}
     * @throws IllegalArgumentException if {@code workingTime} is negative
     */
    public Instant addWorkingTime(Instant start, Duration workingTime, String unitIdentifier) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isZero()) {
            return start;
        }
        return toTheMillisecond(add(start, workingTime, workingHours(unitIdentifier)));
    }

    /**
     * The instant from which working time counts for something received at {@code instant}: the instant itself if
     * it lies inside working hours on a working day, else the start of the next working-hours session.
     */
    public Instant countingStart(Instant instant, String unitIdentifier) {
        Objects.requireNonNull(instant, "instant");
        return countingStart(LocalDateTime.ofInstant(instant, ZONE), workingHours(unitIdentifier))
                .atZone(ZONE).toInstant();
    }

    /**
     * Whether people work on a date (weekends, statutory days off and overrides considered).
     *
     * @throws UnsupportedYearException outside the supported years
     */
    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    /**
     * The effective calendar of a year, computed once and cached until an administrator changes it.
     *
     * @throws UnsupportedYearException outside the supported years
     */
    public YearCalendar year(int year) {
        if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new UnsupportedYearException(year);
        }
        // computeIfAbsent blocks a concurrent invalidation of the same year until the load finishes, so a load that
        // read the database before a change committed cannot survive the invalidation that follows the commit.
        Snapshot current = snapshot;
        return current.years.computeIfAbsent(year, y -> YearCalendar.of(y,
                StatutoryHolidays.forYear(y, FixedHolidays.forYear(y, current.rules())), store.findOverrides(y)));
    }

    /**
     * The administrators' rules about fixed-date holidays, as the calendar currently applies them (cached with the
     * years), in the order they were made.
     */
    public List<HolidayRule> holidayRules() {
        return snapshot.rules();
    }

    /**
     * The fixed-date public holidays of a year (statutory ones and those administrators added, removals applied).
     *
     * @throws UnsupportedYearException outside the supported years
     */
    public List<FixedHoliday> fixedHolidays(int year) {
        if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new UnsupportedYearException(year);
        }
        return FixedHolidays.forYear(year, holidayRules());
    }

    /**
     * The working hours applying to a unit: its own, else the stored default, else {@link WorkingHours#DEFAULT}.
     *
     * @param unitIdentifier a unit identifier, case-insensitive; null or blank = the default
     */
    public WorkingHours workingHours(String unitIdentifier) {
        Map<String, WorkingHours> all = hoursByUnit();
        // Identifiers are stored upper-case (CalendarService normalises them); look them up the same way.
        WorkingHours own = unitIdentifier == null || unitIdentifier.isBlank() ? null
                : all.get(unitIdentifier.strip().toUpperCase(Locale.ROOT));
        if (own != null) {
            return own;
        }
        return all.getOrDefault(CalendarStore.DEFAULT_UNIT_KEY, WorkingHours.DEFAULT);
    }

    /**
     * All stored working hours: the default first (unit identifier null; {@link WorkingHours#DEFAULT} if none is
     * stored), then units by identifier.
     */
    public List<UnitWorkingHours> allWorkingHours() {
        Map<String, WorkingHours> all = hoursByUnit();
        var units = all.entrySet().stream()
                .filter(e -> !CalendarStore.DEFAULT_UNIT_KEY.equals(e.getKey()))
                .map(e -> new UnitWorkingHours(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(UnitWorkingHours::unitIdentifier));
        var defaultHours = new UnitWorkingHours(null,
                all.getOrDefault(CalendarStore.DEFAULT_UNIT_KEY, WorkingHours.DEFAULT));
        return Stream.concat(Stream.of(defaultHours), units).toList();
    }

    /** Drops the cached calendar of a year, after its overrides changed. */
    void invalidateYear(int year) {
        snapshot.years.remove(year);
    }

    /** Drops the cached holiday rules and every cached year, after the rules changed. */
    void invalidateHolidayRules() {
        snapshot = new Snapshot();
    }

    /** Rules loaded at most once, and the years computed with them. */
    private final class Snapshot {
        final ConcurrentMap<Integer, YearCalendar> years = new ConcurrentHashMap<>();
        private volatile List<HolidayRule> rules;

        List<HolidayRule> rules() {
            List<HolidayRule> loaded = rules;
            if (loaded == null) {
                synchronized (this) {
                    loaded = rules;
                    if (loaded == null) {
                        loaded = List.copyOf(store.findHolidayRules());
                        rules = loaded;
                    }
                }
            }
            return loaded;
        }
    }

    /** Drops the cached working hours, after they changed. */
    void invalidateWorkingHours() {
        synchronized (hoursLock) {
            hoursVersion++;
            hoursByUnit = null;
        }
    }

    private Map<String, WorkingHours> hoursByUnit() {
        Map<String, WorkingHours> loaded = hoursByUnit;
        if (loaded != null) {
            return loaded;
        }
        long version;
        synchronized (hoursLock) {
            version = hoursVersion;
        }
        loaded = Map.copyOf(store.findAllWorkingHours());
        synchronized (hoursLock) {
            if (version == hoursVersion) {
                hoursByUnit = loaded;
            }
        }
        return loaded;
    }

    private Instant add(Instant start, Duration amount, WorkingHours hours) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, ZONE);
        LocalDate day = cursor.toLocalDate();
        Duration remaining = amount;
        // Terminates: each loop moves to the next day and isWorkingDay throws past the last supported year.
        while (true) {
            if (isWorkingDay(day)) {
                for (WorkingHours.Session s : hours.sessions()) {
                    LocalDateTime sessionEnd = day.atTime(s.end());
                    if (!cursor.isBefore(sessionEnd)) {
                        continue;
                    }
                    LocalDateTime from = max(cursor, day.atTime(s.start()));
                    Duration available = Duration.between(from, sessionEnd);
                    // "<=" so that time ending exactly with a session ends there, not at the next session's start.
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining).atZone(ZONE).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            day = day.plusDays(1);
            cursor = day.atStartOfDay();
        }
    }

    private Instant addCalendarDays(Instant start, int days, WorkingHours hours) {
        LocalDateTime due = countingStart(LocalDateTime.ofInstant(start, ZONE), hours).plusDays(days);
        if (isWorkingDay(due.toLocalDate())) {
            return due.atZone(ZONE).toInstant();
        }
        LocalDate day = due.toLocalDate().plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(hours.dayEnd()).atZone(ZONE).toInstant();
    }

    private LocalDateTime countingStart(LocalDateTime time, WorkingHours hours) {
        LocalDate day = time.toLocalDate();
        if (isWorkingDay(day)) {
            for (WorkingHours.Session s : hours.sessions()) {
                if (time.isBefore(day.atTime(s.end()))) {
                    return max(time, day.atTime(s.start()));
                }
            }
        }
        do {
            day = day.plusDays(1);
        } while (!isWorkingDay(day));
        return day.atTime(hours.dayStart());
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
