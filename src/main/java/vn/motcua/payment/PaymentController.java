package vn.motcua.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.SandboxGateway;
import vn.motcua.shared.Messages;

/** Payments of a dossier's fee, the payment service's callback and the daily reconciliation report. */
@RestController
@Tag(name = "Payments", description = "Thanh toán trực tuyến / online payment")
class PaymentController {
    private final PaymentService service;
    private final Messages messages;

    PaymentController(PaymentService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    record PaymentJson(String paymentId, String dossierCode, BigDecimal amount, String currency, String status,
                       String statusName, String provider, String providerRef, String payUrl, String qrContent,
                       Instant createdAt, Instant paidAt, String receiptNumber, String receiptUrl) { }

    @GetMapping("/api/dossiers/{code}/payments")
    @Operation(summary = "The payments of a dossier", description = "Newest first; the unit's staff, supervisors above "
            + "it, administrators and the owner")
    List<PaymentJson> list(@PathVariable String code) {
        return service.ofDossier(code).stream().map(this::json).toList();
    }

    @PostMapping("/api/dossiers/{code}/payments")
    @Operation(summary = "Start paying a dossier's fee online", description = "The owner of a dossier waiting for its "
            + "payment (status 6): 201 with paymentId and payUrl (the payment service's page); the open payment again "
            + "(200) on a second request")
    ResponseEntity<PaymentJson> start(@PathVariable String code) {
        var started = service.start(code);
        var body = json(started.payment());
        if (!started.created()) return ResponseEntity.ok(body);
        return ResponseEntity.created(URI.create("/api/dossiers/" + code + "/payments/" + body.paymentId())).body(body);
    }

    @GetMapping("/api/dossiers/{code}/payments/{id}/receipt")
    @Operation(summary = "The electronic receipt (PDF) of a paid payment")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable String id) {
        byte[] pdf = service.receipt(code, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bien-lai_" + code.replaceAll("[^A-Za-z0-9.-]+", "-") + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/api/payments/callback")
    @Operation(summary = "The payment service's callback", description = "Public; signed with HMAC-SHA256 in the "
            + SandboxGateway.SIGNATURE_HEADER + " header (sha256=<hex>). 401 for a missing or bad signature, 404 for an "
            + "unknown payment, 409 for another amount; 200 with the outcome otherwise (a repeated or out-of-order "
            + "report changes nothing)")
    ResponseEntity<Map<String, Object>> callback(@RequestBody(required = false) byte[] body,
                                                 @RequestHeader(value = SandboxGateway.SIGNATURE_HEADER, required = false) String signature) {
        CallbackOutcome outcome = service.callback(body, signature);
        HttpStatus status = switch (outcome) {
            case BAD_SIGNATURE -> HttpStatus.UNAUTHORIZED;
            case UNKNOWN_PAYMENT -> HttpStatus.NOT_FOUND;
            case AMOUNT_MISMATCH -> HttpStatus.CONFLICT;
            default -> HttpStatus.OK;
        };
        if (status == HttpStatus.OK) return ResponseEntity.ok(Map.of("outcome", outcome.name()));
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", outcome.name(),
                "message", messages.get("payment.callback." + outcome.name())));
    }

    @PostMapping("/api/reports/payments/reconciliation/run")
    @Operation(summary = "Run a past day's reconciliation again (administrators)", description = "The day's mismatches "
            + "are replaced by what the comparison with the payment service finds now; the answer is the day's "
            + "reconciliation. 400 naming date for today or a later day.")
    Reconciliation rerun(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return service.rerunReconciliation(date);
    }

    @GetMapping("/api/reports/payments/reconciliation")
    @Operation(summary = "A day's payment reconciliation", description = "The payments created that day on which MotCua "
            + "and the payment service disagree; administrators and supervisors (their units)")
    Reconciliation reconciliation(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return service.reconciliation(date);
    }

    private PaymentJson json(Payment p) {
        return new PaymentJson(p.id(), p.dossierCode(), p.amount(), p.currency(), p.status().name(),
                messages.get(p.status().messageKey()), p.provider(), p.providerRef(), p.payUrl(), p.qrContent(),
                p.createdAt(), p.paidAt(), p.receiptNumber(),
                p.status() == PaymentStatus.PAID ? "/api/dossiers/" + p.dossierCode() + "/payments/" + p.id() + "/receipt" : null);
    }
}
