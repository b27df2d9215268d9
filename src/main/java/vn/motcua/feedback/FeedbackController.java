package vn.motcua.feedback;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ResultPage;

/** Feedback and complaints: sending (with or without an account), the staff's list and answer, the sender's look-up. */
@RestController
@Tag(name = "Feedback", description = "Phản ánh, kiến nghị / feedback and complaints")
class FeedbackController {
    private final FeedbackService service;
    private final OrganisationService organisation;
    private final Messages messages;

    FeedbackController(FeedbackService service, OrganisationService organisation, Messages messages) {
        this.service = service;
        this.organisation = organisation;
        this.messages = messages;
    }

    record SubmissionJson(String text, String contact, String dossierCode, String key, String unit) { }

    record AnswerJson(String text) { }

    record VerdictJson(Boolean satisfied) { }

    record UnitJson(String identifier, String name) { }

    record FeedbackJson(String reference, String status, String statusText, String text, String contact,
                        boolean fromAccount, String dossierCode, UnitJson unit, Instant receivedAt, Instant dueAt,
                        boolean overdue, String takenBy, Instant takenAt, String answer, String answeredBy,
                        Instant answeredAt, String verdict, Instant judgedAt) { }

    @PostMapping("/api/feedback")
    @Operation(summary = "Send feedback or a complaint: {text, contact, dossierCode?, key?, unit?} → 201 {reference}",
            description = "Without an account: contact (a phone or e-mail address) required, and key (the last digits of the "
                    + "applicant's phone or identity number) when naming a dossier. Signed in: citizens only, a dossier of "
                    + "theirs. 400 naming the field; 429 with Retry-After after too many from one address.")
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) SubmissionJson body, HttpServletRequest request) {
        var b = body == null ? new SubmissionJson(null, null, null, null, null) : body;
        Feedback f = service.submit(new FeedbackService.Submission(b.text(), b.contact(), b.dossierCode(), b.key(), b.unit()),
                request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/feedback/" + f.reference()))
                .body(Map.of("reference", f.reference(), "status", f.status().key(), "dueAt", f.dueAt()));
    }

    @GetMapping("/api/feedback")
    @Operation(summary = "Feedback the caller handles or sent, a page at a time {items, total, page, size}",
            description = "Leaders: their unit's; supervisors: the units below them; administrators: all; a citizen: their "
                    + "own. status=new|in-progress|answered; page from 0, size 1–1000 (50).")
    ResultPage<FeedbackJson> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                                  Locale locale) {
        FeedbackStatus s = status == null || status.isBlank() ? null : FeedbackStatus.ofKey(status.trim()).orElseThrow(() ->
                new InvalidInputException("status", messages.get("error.field.oneOf", "status", "new, in-progress, answered")));
        return service.list(s, number("page", page, 0), number("size", size, 50)).map(f -> json(f, locale));
    }

    @GetMapping("/api/feedback/counts")
    @Operation(summary = "How many of the caller's feedback are in each status {new, in-progress, answered}")
    Map<String, Long> counts() {
        var result = new java.util.LinkedHashMap<String, Long>();
        service.counts().forEach((s, n) -> result.put(s.key(), n));
        return result;
    }

    @GetMapping("/api/feedback/{reference}")
    @Operation(summary = "One piece of feedback the caller handles or sent (404 otherwise)")
    FeedbackJson get(@PathVariable String reference, Locale locale) {
        return json(service.get(reference), locale);
    }

    @PostMapping("/api/feedback/{reference}/take")
    @Operation(summary = "A leader or supervisor takes it (new → in progress); 409 once answered")
    FeedbackJson take(@PathVariable String reference, Locale locale) {
        return json(service.take(reference), locale);
    }

    @PostMapping("/api/feedback/{reference}/answer")
    @Operation(summary = "A leader or supervisor answers it, once: {text}", description = "400 naming text; 409 the second time")
    FeedbackJson answer(@PathVariable String reference, @RequestBody(required = false) AnswerJson body, Locale locale) {
        return json(service.answer(reference, body == null ? null : body.text()), locale);
    }

    @GetMapping("/api/public/feedback/{reference}")
    @Operation(summary = "The sender reads their feedback and its answer, without an account: ?contact=",
            description = "contact: the phone or e-mail address given when sending. 404 for a wrong reference or contact "
                    + "alike; 429 with Retry-After after repeated failures.")
    FeedbackService.PublicView lookUp(@PathVariable String reference, @RequestParam(required = false) String contact,
                                      HttpServletRequest request, Locale locale) {
        return service.lookUp(reference, contact, request.getRemoteAddr(), locale);
    }

    @PostMapping("/api/public/feedback/{reference}/verdict")
    @Operation(summary = "The sender says whether the answer satisfied them, once: {satisfied: true|false}, ?contact=",
            description = "contact: the phone or e-mail address given when sending (a signed-in citizen who sent it may "
                    + "leave it out). 404 for a wrong reference or contact alike, 429 with Retry-After after repeated "
                    + "failures; 400 naming satisfied when missing; 409 before the answer and the second time.")
    FeedbackService.PublicView judge(@PathVariable String reference, @RequestParam(required = false) String contact,
                                     @RequestBody(required = false) VerdictJson body, HttpServletRequest request,
                                     Locale locale) {
        return service.judge(reference, contact, body == null ? null : body.satisfied(), request.getRemoteAddr(), locale);
    }

    private FeedbackJson json(Feedback f, Locale locale) {
        var unit = organisation.unit(f.unitId()).map(u -> new UnitJson(u.identifier(), u.displayName(locale))).orElse(null);
        return new FeedbackJson(f.reference(), f.status().key(), messages.get(locale, f.status().messageKey()), f.text(),
                f.contact(), f.ownerUsername() != null, f.dossierCode(), unit, f.receivedAt(), f.dueAt(),
                !f.onTimeAt(Instant.now()), f.takenBy(), f.takenAt(), f.answer(),
                f.answeredBy(), f.answeredAt(), f.verdict() == null ? null : f.verdict().key(), f.judgedAt());
    }

    private int number(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) return otherwise;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, messages.get("error.field.invalid", name));
        }
    }
}
