package vn.motcua.dossier;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tracking a dossier without an account (the receipt's QR code leads to the page that calls this). */
@RestController
@RequestMapping("/api/public/dossiers")
@Tag(name = "Public tracking", description = "Tra cứu hồ sơ / track a dossier")
class PublicTrackingController {
    private final PublicTracking tracking;

    PublicTrackingController(PublicTracking tracking) { this.tracking = tracking; }

    @GetMapping("/{code}")
    @Operation(summary = "Where a dossier stands, for anyone with its code and the last digits of the applicant's phone or identity number",
            description = "key: at least the last four digits. 404 for a wrong code or key alike; 429 with Retry-After after "
                    + "repeated failures on a code or from an address. No personal data in the answer.")
    PublicTracking.Tracked track(@PathVariable String code, @RequestParam(required = false) String key,
                                 HttpServletRequest request, Locale locale) {
        return tracking.track(code, key, request.getRemoteAddr(), locale);
    }

    record RatingRequest(String key, Integer score, Boolean complaint, String comment, java.util.List<String> criteria) { }

    @org.springframework.web.bind.annotation.PostMapping("/{code}/rating")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The applicant rates the service of their ended dossier, without an account: {key, score 1..5, complaint, comment, criteria}",
            description = "criteria: what went wrong with a score of 1–3, codes ACCESS, PROCEDURE, STAFF, TIME, COST, RESULT, "
                    + "INFORMATION. Once per dossier (409 the second time, or before the dossier has ended); 404 for a wrong code or key.")
    java.util.Map<String, Object> rate(@PathVariable String code,
                                       @org.springframework.web.bind.annotation.RequestBody(required = false) RatingRequest body,
                                       HttpServletRequest request) {
        var b = body == null ? new RatingRequest(null, null, null, null, null) : body;
        tracking.rate(code, b.key(), request.getRemoteAddr(), b.score(), Boolean.TRUE.equals(b.complaint()), b.comment(),
                b.criteria() == null ? java.util.List.of() : b.criteria());
        return java.util.Map.of("code", code, "score", b.score());
    }
}
