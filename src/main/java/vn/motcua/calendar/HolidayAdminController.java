package vn.motcua.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import static vn.motcua.calendar.CalendarValidationException.MISSING;
import static vn.motcua.calendar.CalendarValidationException.NOT_FOUND;

/**
 * Administrators' JSON API of the fixed-date public holidays (ngày lễ cố định). Every call goes through
 * {@link CalendarService}, whose method security lets only administrators in (403 for anyone else).
 *
 * <ul>
 *   <li>{@code GET /api/admin/holidays?year=2027}: the fixed-date holidays of the year with their source
 *       ({@code STATUTORY} or {@code ADDED}, with the rule's id);</li>
 *   <li>{@code GET /api/admin/holidays/rules}: every rule, oldest first; {@code GET /api/admin/holidays/changes}:
 *       the log of changes, newest first;</li>
 *   <li>{@code POST /api/admin/holidays} {@code {month, day, nameVi, nameEn, fromYear, toYear}}: adds a holiday
 *       (201 with the rule);</li>
 *   <li>{@code POST /api/admin/holidays/remove} {@code {month, day, fromYear, toYear}}: removes one (201 with the
 *       rule);</li>
 *   <li>{@code DELETE /api/admin/holidays/rules/{id}}: undoes a rule (204; 404 if none has the id).</li>
 * </ul>
 * Refused input answers 400 {@code {"error", "field", "message"}} in the language of {@code Accept-Language}
 * (Vietnamese by default) and changes nothing.
 */
@RestController
@RequestMapping(path = "/api/admin/holidays", produces = MediaType.APPLICATION_JSON_VALUE)
public class HolidayAdminController {

    private final CalendarService service;

    public HolidayAdminController(CalendarService service) {
        this.service = service;
    }

    /** A fixed-date holiday of a year. */
    public record HolidayResponse(String date, int month, int day, String name, String nameVi, String nameEn,
                                  String kind, String source, Long ruleId) {
    }

    /** An administrator's rule. */
    public record RuleResponse(long id, String action, int month, int day, String nameVi, String nameEn,
                               int fromYear, Integer toYear, Instant createdAt, String createdBy) {
        static RuleResponse of(HolidayRule r) {
            return new RuleResponse(r.id(), r.action().name(), r.month(), r.day(), r.nameVi(), r.nameEn(),
                    r.fromYear(), r.toYear(), r.createdAt(), r.createdBy());
        }
    }

    /** An entry of the log of changes. */
    public record ChangeResponse(Instant at, String by, String change, long ruleId, int month, int day, int fromYear,
                                 Integer toYear, String nameVi) {
    }

    /** Body of an addition; names are ignored by a removal. */
    public record RuleRequest(Integer month, Integer day, String nameVi, String nameEn, Integer fromYear,
                              Integer toYear) {
    }

    /** The body of a refusal. */
    public record ErrorResponse(int status, String error, String field, String message) {
    }

    /**
     * The fixed-date holidays of a year.
     *
     * @param year {@value LunarCalendar#MIN_YEAR} to {@value LunarCalendar#MAX_YEAR}
     */
    @GetMapping
    public ResponseEntity<List<HolidayResponse>> holidays(
            @RequestParam(name = "year", required = false) String year,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        int y = CalendarController.parseNumber("year", year, LunarCalendar.MAX_YEAR);
        if (y < LunarCalendar.MIN_YEAR) {
            throw CalendarController.outOfRangeYear();
        }
        Locale locale = CalendarMessages.negotiate(acceptLanguage);
        MessageResolver messages = CalendarMessages.resolver(locale);
        List<HolidayResponse> body = service.fixedHolidays(y).stream()
                .map(h -> new HolidayResponse(h.date().atYear(y).toString(), h.date().getMonthValue(),
                        h.date().getDayOfMonth(), h.displayName(locale, messages), h.nameVi(), h.nameEn(),
                        h.kind().name(), h.source().name(), h.ruleId()))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(body);
    }

    /** Every rule, oldest first. */
    @GetMapping("/rules")
    public List<RuleResponse> rules() {
        return service.holidayRules().stream().map(RuleResponse::of).toList();
    }

    /** The latest changes, newest first. */
    @GetMapping("/changes")
    public List<ChangeResponse> changes() {
        return service.holidayChanges().stream()
                .map(c -> new ChangeResponse(c.at(), c.by(), c.change().name(), c.ruleId(), c.month(), c.day(),
                        c.fromYear(), c.toYear(), c.nameVi()))
                .toList();
    }

    /** Adds a fixed-date holiday for a range of years. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RuleResponse> add(@RequestBody(required = false) RuleRequest body) {
        RuleRequest r = requireBody(body);
        HolidayRule rule = service.addHoliday(r.month(), r.day(), r.nameVi(), r.nameEn(), r.fromYear(), r.toYear());
        return created(rule);
    }

    /** Removes a fixed-date holiday for a range of years. */
    @PostMapping(path = "/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RuleResponse> remove(@RequestBody(required = false) RuleRequest body) {
        RuleRequest r = requireBody(body);
        return created(service.removeHoliday(r.month(), r.day(), r.fromYear(), r.toYear()));
    }

    /** Undoes a rule. */
    @DeleteMapping("/rules/{id}")
    public ResponseEntity<Void> deleteRule(@PathVariable("id") String id) {
        long ruleId = CalendarController.parseNumber("id", id, Integer.MAX_VALUE);
        service.deleteHolidayRule(ruleId);
        return ResponseEntity.noContent().build();
    }

    /** Answers refused input with 400 (404 for an unknown rule) in the caller's language. */
    @ExceptionHandler(CalendarValidationException.class)
    public ResponseEntity<ErrorResponse> invalid(CalendarValidationException e, WebRequest request) {
        Locale locale = CalendarMessages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        HttpStatus status = NOT_FOUND.equals(e.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(new ErrorResponse(status.value(), e.code(), e.field(),
                        e.message(CalendarMessages.resolver(locale))));
    }

    private static RuleRequest requireBody(RuleRequest body) {
        if (body == null) {
            throw new CalendarValidationException(MISSING, "month", "calendar.error.monthRequired");
        }
        return body;
    }

    private static ResponseEntity<RuleResponse> created(HolidayRule rule) {
        return ResponseEntity.status(HttpStatus.CREATED).body(RuleResponse.of(rule));
    }
}
