package vn.motcua.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static vn.motcua.calendar.CalendarValidationException.CONFLICT;
import static vn.motcua.calendar.CalendarValidationException.INVALID;
import static vn.motcua.calendar.CalendarValidationException.MISSING;
import static vn.motcua.calendar.CalendarValidationException.NOT_FOUND;
import static vn.motcua.calendar.CalendarValidationException.OUT_OF_RANGE;

/**
 * Public, read-only JSON API of the working calendar (anonymous GET is permitted by the security configuration).
 *
 * <ul>
 *   <li>{@code GET /api/calendar/holidays?year=2026} → {@code [{"date":"2026-01-01","name":"Tết Dương lịch"}, …]}:
 *       every Monday–Friday of the year that is not a working day (statutory days off, compensatory days and
 *       administrator overrides), sorted by date, names in the language of {@code Accept-Language} (Vietnamese by
 *       default, English on request).</li>
 *   <li>{@code GET /api/calendar/due?start=2026-02-13T02:00:00Z&workingDays=3[&unit=000.00.15.H33]} →
 *       {@code {"dueAt":"2026-02-25T02:00:00Z"}}; exactly one of {@code workingDays}, {@code workingHours},
 *       {@code calendarDays}. {@code start} is an ISO-8601 instant ({@code Z} or an offset such as {@code +07:00}).
 *       Rules: {@link WorkingCalendar}. A {@code unit} that names no unit is 404.</li>
 * </ul>
 * Invalid input gives HTTP 400 (404 for an unknown unit) with {@code {"error": code, "field": parameter, "message":
 * Vietnamese text}}, the codes being those of {@link CalendarValidationException}.
 */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
public class CalendarController {

    /** Largest amount of days accepted (ten years), to bound the computation. */
    public static final int MAX_DAYS = 3650;
    /** Largest amount of working hours accepted. */
    public static final int MAX_HOURS = MAX_DAYS * 8;

    /** Characters a unit identifier may contain. */
    private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z._-]{1,50}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private final CalendarService service;
    private final WorkingCalendar calendar;
    private final UnitDirectory units;

    public CalendarController(CalendarService service, WorkingCalendar calendar, UnitDirectory units) {
        this.service = service;
        this.calendar = calendar;
        this.units = units;
    }

    /** A non-working weekday: ISO date and localized name. */
    public record HolidayResponse(String date, String name) {
    }

    /** A due instant, ISO-8601 in UTC. */
    public record DueResponse(String dueAt) {
    }

    /** The body of a 400 answer. */
    public record ErrorResponse(String error, String field, String message) {
    }

    /**
     * The non-working weekdays of a year.
     *
     * @param year           four digits, {@value LunarCalendar#MIN_YEAR} to {@value LunarCalendar#MAX_YEAR}
     * @param acceptLanguage chooses the language of the names
     */
    @GetMapping("/holidays")
    public ResponseEntity<List<HolidayResponse>> holidays(
            @RequestParam(name = "year", required = false) String year,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        int y = parseNumber("year", year, LunarCalendar.MAX_YEAR);
        if (y < LunarCalendar.MIN_YEAR) {
            throw outOfRangeYear();
        }
        Locale locale = CalendarMessages.negotiate(acceptLanguage);
        MessageResolver messages = CalendarMessages.resolver(locale);
        List<HolidayResponse> body = service.nonWorkingWeekdays(y).stream()
                .map(d -> new HolidayResponse(d.date().toString(), d.displayName(locale, messages)))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(body);
    }

    /**
     * The due instant of a processing time.
     *
     * @param start        receipt instant, ISO-8601
     * @param workingDays  number of working days
     * @param workingHours number of working hours
     * @param calendarDays number of calendar days
     * @param unit         optional identifier of the unit whose working hours apply; 404 when no unit has it
     */
    @GetMapping("/due")
    public DueResponse due(@RequestParam(name = "start", required = false) String start,
                           @RequestParam(name = "workingDays", required = false) String workingDays,
                           @RequestParam(name = "workingHours", required = false) String workingHours,
                           @RequestParam(name = "calendarDays", required = false) String calendarDays,
                           @RequestParam(name = "unit", required = false) String unit) {
        Instant from = parseInstant(start);
        List<String> given = new ArrayList<>();
        if (workingDays != null) {
            given.add("workingDays");
        }
        if (workingHours != null) {
            given.add("workingHours");
        }
        if (calendarDays != null) {
            given.add("calendarDays");
        }
        if (given.isEmpty()) {
            throw new CalendarValidationException(MISSING, "workingDays", "calendar.error.amountRequired");
        }
        if (given.size() > 1) {
            throw new CalendarValidationException(CONFLICT, given.get(1), "calendar.error.amountConflict");
        }
        ProcessingTime time = switch (given.get(0)) {
            case "workingDays" -> ProcessingTime.workingDays(parseNumber("workingDays", workingDays, MAX_DAYS));
            case "workingHours" -> ProcessingTime.workingHours(parseNumber("workingHours", workingHours, MAX_HOURS));
            default -> ProcessingTime.calendarDays(parseNumber("calendarDays", calendarDays, MAX_DAYS));
        };
        String unitIdentifier = null;
        if (unit != null && !unit.isBlank()) {
            if (!UNIT.matcher(unit.strip()).matches()) {
                throw new CalendarValidationException(INVALID, "unit", "calendar.error.unitIdentifier");
            }
            unitIdentifier = unit.strip();
            if (!units.exists(unitIdentifier)) {
                throw new CalendarValidationException(NOT_FOUND, "unit", "calendar.error.unitUnknown", unitIdentifier);
            }
        }
        try {
            return new DueResponse(calendar.dueAt(from, time, unitIdentifier).toString());
        } catch (UnsupportedYearException e) {
            throw new CalendarValidationException(OUT_OF_RANGE, "start", "calendar.error.dueOutOfRange",
                    String.valueOf(LunarCalendar.MIN_YEAR), String.valueOf(LunarCalendar.MAX_YEAR));
        }
    }

    /** Answers refused input with 400 (404 for an unknown unit) and a Vietnamese message, whatever the request's language. */
    @ExceptionHandler(CalendarValidationException.class)
    public ResponseEntity<ErrorResponse> invalid(CalendarValidationException e) {
        String message = e.message(CalendarMessages.resolver(CalendarMessages.VIETNAMESE));
        return ResponseEntity.status(NOT_FOUND.equals(e.code()) ? 404 : 400)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorResponse(e.code(), e.field(), message));
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            throw new CalendarValidationException(MISSING, "start", "calendar.error.startRequired");
        }
        // An unencoded "+07:00" in a query string arrives as " 07:00" (form decoding turns '+' into a space).
        String text = value.strip().replace(' ', '+');
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new CalendarValidationException(INVALID, "start", "calendar.error.startFormat");
            }
        }
        int year = instant.atZone(WorkingCalendar.ZONE).getYear();
        if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new CalendarValidationException(OUT_OF_RANGE, "start", "calendar.error.yearRange",
                    String.valueOf(LunarCalendar.MIN_YEAR), String.valueOf(LunarCalendar.MAX_YEAR));
        }
        return instant;
    }

    static int parseNumber(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new CalendarValidationException(MISSING, field, "calendar.error.numberRequired", field);
        }
        String text = value.strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new CalendarValidationException(INVALID, field, "calendar.error.numberFormat", field);
        }
        int n = Integer.parseInt(text);
        if (n > max) {
            if ("year".equals(field)) {
                throw outOfRangeYear();
            }
            throw new CalendarValidationException(OUT_OF_RANGE, field, "calendar.error.numberTooLarge", field,
                    String.valueOf(max));
        }
        return n;
    }

    static CalendarValidationException outOfRangeYear() {
        return new CalendarValidationException(OUT_OF_RANGE, "year", "calendar.error.yearRange",
                String.valueOf(LunarCalendar.MIN_YEAR), String.valueOf(LunarCalendar.MAX_YEAR));
    }
}
