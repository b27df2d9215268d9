package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/** Dossiers for other systems (a national portal, a provincial integration platform) and scripts. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers", description = "Hồ sơ / dossiers")
class DossierController {
    private final DossierService service;
    private final DossierDocuments documents;
    private final Messages messages;
    private final DossierQueries queries;

    DossierController(DossierService service, DossierDocuments documents, Messages messages, DossierQueries queries) {
        this.queries = queries;
        this.service = service;
        this.documents = documents;
        this.messages = messages;
    }

    /** @param residence the identifier of the commune, ward or special zone where the applicant lives (optional) */
    record ApplicantJson(String fullName, String idNumber, String phone, String email, String address, String residence) { }

    record ReceiveRequest(String procedureCode, String channel, ApplicantJson applicant, Map<String, Object> data, String unit,
                          List<String> checkedComponents, String missingComponentsReason, List<String> stagedFiles) { }

    record DossierJson(String code, String procedureCode, String unit, String channel, int channelCode, String status,
                       int statusCode, String statusName, ApplicantJson applicant, Map<String, Object> data,
                       Instant receivedAt, Instant dueAt, Instant finishedAt, Instant returnedAt, String currentStep,
                       boolean clockStopped, int supplementCount, String statusReason, Instant extendedDueAt) { }

    record ActionRequest(String reason, String paymentMethod, String missingComponentsReason) { }

    record RatingRequest(Integer score, Boolean complaint, String comment, List<String> criteria) { }

    record HistoryJson(int seq, Instant at, String actor, String channel, String action, Integer statusBefore,
                       Integer statusAfter, String detail, String hash) { }

    @PostMapping
    @Operation(summary = "Submit or receive a dossier", description = "A clerk receives at their unit (status 2), with "
            + "checkedComponents (the component codes checked on paper); a required component neither checked nor uploaded "
            + "needs missingComponentsReason. A citizen submits online to a unit (status 1) with every required component")
    ResponseEntity<DossierJson> receive(@RequestBody ReceiveRequest body, Locale locale) {
        if (body == null) throw new InvalidInputException("body", messages.get("error.body.unreadable"));
        Channel channel = null;
        if (body.channel() != null) {
            try {
                channel = Channel.valueOf(body.channel().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("channel", messages.get("error.field.oneOf", "channel", "[IN_PERSON, ONLINE, POSTAL]"));
            }
        }
        var a = body.applicant();
        var applicant = a == null ? null : new Applicant(a.fullName(), a.idNumber(), a.phone(), a.email(), a.address(), a.residence());
        var dossier = service.receive(new ReceiveDossier(body.procedureCode(), channel, applicant, body.data(), body.unit(),
                body.stagedFiles() == null ? List.of() : body.stagedFiles().stream().filter(java.util.Objects::nonNull).toList(),
                body.checkedComponents(), body.missingComponentsReason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/dossiers/" + dossier.code())
                .body(toJson(dossier, locale));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One dossier (404 when it does not exist or is not the caller's)")
    DossierJson get(@PathVariable String code, Locale locale) {
        return toJson(service.get(code), locale);
    }

    @GetMapping
    @Operation(summary = "Dossiers the caller may see, a page at a time",
            description = "queue: awaiting-acceptance, in-processing, awaiting-supplement, awaiting-payment, to-return, "
                    + "overdue, nearly-due. Filters: q (code, applicant, procedure name), procedure, sector, status, channel, "
                    + "receivedFrom, receivedTo, dueFrom, dueTo (yyyy-MM-dd), applicant, overdue, unit. "
                    + "sort=column[,asc|desc] over dueAt (default), receivedAt, code, applicant, procedureCode, status, "
                    + "channel, finishedAt. page from 0, size 1..1000 (default 50). Answers {items, total, page, size}.")
    vn.motcua.shared.ResultPage<DossierJson> list(@RequestParam Map<String, String> query, Locale locale) {
        var q = new vn.motcua.shared.ListQuery(query, messages);
        String queueKey = q.text("queue");
        DeskQueue queue = queueKey == null ? null : DeskQueue.ofKey(queueKey).orElseThrow(() ->
                q.invalid("queue", java.util.Arrays.stream(DeskQueue.values()).map(DeskQueue::key).toList()));
        Integer status = q.integer("status");
        if (status != null) {
            try {
                DossierStatus.ofCode(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", messages.get("error.field.invalid", "status"));
            }
        }
        String channel = q.text("channel");
        if (channel != null && java.util.Arrays.stream(Channel.values()).noneMatch(c -> c.name().equalsIgnoreCase(channel))) {
            throw q.invalid("channel", java.util.Arrays.stream(Channel.values()).map(Channel::name).toList());
        }
        var filter = new DossierFilter(queue, q.text("q"), q.text("procedure"), q.text("sector"), status, channel,
                q.date("receivedFrom"), q.date("receivedTo"), q.date("dueFrom"), q.date("dueTo"), q.text("applicant"),
                q.bool("overdue"), q.text("unit"));
        var sort = q.sort(DossierSort::ofProperty, DossierSort.DUE_AT,
                java.util.Arrays.stream(DossierSort.values()).map(DossierSort::property).toList());
        return queries.page(filter, sort.column(), sort.ascending(), q.page(), q.size()).map(d -> toJson(d, locale));
    }

    @PostMapping("/{code}/actions/{action}")
    @Operation(summary = "Take an action on a dossier",
            description = "accept, refuse, request-supplement, receive-supplement, request-payment, confirm-payment, stop, "
                    + "resume, withdraw, return-result. 200 with the dossier; 403 for a role that may not; 409 for an "
                    + "illegal transition; 400 when a required reason is missing, or when accepting without required "
                    + "components and without missingComponentsReason")
    DossierJson act(@PathVariable String code, @PathVariable String action,
                    @RequestBody(required = false) ActionRequest body, Locale locale) {
        var known = DossierAction.ofPath(action)
                .orElseThrow(() -> new vn.motcua.shared.NotFoundException("dossier.action.unknown", action));
        return toJson(service.act(code, known, body == null ? null : body.reason(), body == null ? null : body.paymentMethod(),
                body == null ? null : body.missingComponentsReason()), locale);
    }

    @GetMapping("/{code}/documents/{form}")
    @Operation(summary = "An official document of Circular 03/2025 as PDF", description = "form 01..07; 409 when it does not apply")
    ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String form) {
        vn.motcua.paperwork.OfficialForm official;
        try {
            official = vn.motcua.paperwork.OfficialForm.ofNumber(form);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("form", messages.get("dossier.document.unknown", form));
        }
        var pdf = documents.render(code, official);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + pdf.fileName() + "\"")
                .body(pdf.content());
    }

    @PostMapping("/{code}/rating")
    @Operation(summary = "The applicant rates the service of an ended dossier (score 1..5, complaint)")
    Map<String, Object> rate(@PathVariable String code, @RequestBody(required = false) RatingRequest body) {
        if (body == null || body.score() == null) throw new InvalidInputException("score", messages.get("dossier.rating.score"));
        service.rate(code, body.score(), Boolean.TRUE.equals(body.complaint()), body.comment(),
                body.criteria() == null ? List.of() : body.criteria());
        return Map.of("code", code, "score", body.score());
    }

    record VerificationJson(String code, boolean intact, String problem) { }

    @GetMapping("/{code}/history/verify")
    @Operation(summary = "Check the audit trail's hash chain (administrators and supervisors)")
    VerificationJson verify(@PathVariable String code) {
        String problem = service.verifyHistory(code);
        return new VerificationJson(code, problem == null, problem);
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "The audit trail, oldest first")
    List<HistoryJson> history(@PathVariable String code) {
        return service.history(code).stream().map(e -> new HistoryJson(e.seq(), e.occurredAt(), e.actor(), e.channel(),
                e.action(), e.statusBefore(), e.statusAfter(), e.detail(), e.hash())).toList();
    }

    private DossierJson toJson(Dossier d, Locale locale) {
        var a = d.applicant();
        return new DossierJson(d.code(), d.procedureCode(), d.unitIdentifier(), d.channel().name(), d.channel().code(),
                d.status().name(), d.status().code(), messages.get(locale, d.status().messageKey()),
                new ApplicantJson(a.fullName(), a.idNumber(), a.phone(), a.email(), a.address(), a.residence()), d.formData(),
                d.receivedAt(), d.dueAt(), d.finishedAt(), d.returnedAt(),
                // the name of the step inside the unit is the staff's: the applicant reads the status
                service.seenByApplicant(d) ? null : d.currentStep(),
                d.clockStoppedAt() != null, d.supplementCount(), d.statusReason(), d.extendedDueAt());
    }
}
