package vn.motcua.notification;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notifications of a dossier, the applicant's channels, and the templates. */
@RestController
@Tag(name = "Notifications", description = "Thông báo cho người nộp hồ sơ / notifications to applicants")
class NotificationController {
    private final NotificationService service;

    NotificationController(NotificationService service) { this.service = service; }

    @GetMapping("/api/dossiers/{code}/notifications")
    @Operation(summary = "The notifications of a dossier", description = "Oldest first: channel, template, to (a phone "
            + "masked), status, attempts, createdAt, sentAt, lastError. Staff who may see the dossier (404 otherwise); "
            + "403 for citizens")
    List<NotificationLogEntry> log(@PathVariable String code) {
        return service.log(code);
    }

    @GetMapping("/api/dossiers/{code}/notification-channels")
    @Operation(summary = "The channels the applicant is notified by for a dossier (enabled false: opted out)")
    List<ChannelChoice> channels(@PathVariable String code) {
        return service.channels(code);
    }

    record ChannelRequest(Boolean enabled, String key) { }

    @PutMapping("/api/dossiers/{code}/notification-channels/{channel}")
    @Operation(summary = "The owner of a dossier stops ({enabled: false}) or restarts a channel (EMAIL, SMS, ZALO)",
            description = "404 for a dossier that is not the caller's")
    List<ChannelChoice> setChannel(@PathVariable String code, @PathVariable String channel,
                                   @RequestBody(required = false) ChannelRequest body) {
        return service.setChannel(code, channel, body == null ? null : body.enabled());
    }

    @PutMapping("/api/public/dossiers/{code}/notification-channels/{channel}")
    @Operation(summary = "The applicant stops ({key, enabled: false}) or restarts a channel without an account",
            description = "key: the last digits (at least four) of the applicant's phone or identity number, as for "
                    + "tracking. 404 for a wrong code or key alike; 429 after repeated failures")
    List<ChannelChoice> setChannelWithKey(@PathVariable String code, @PathVariable String channel,
                                          @RequestBody(required = false) ChannelRequest body, HttpServletRequest request) {
        return service.setChannelWithKey(code, body == null ? null : body.key(), request.getRemoteAddr(), channel,
                body == null ? null : body.enabled());
    }

    @GetMapping("/api/admin/notification-templates")
    @Operation(summary = "Every notification template, in Vietnamese and English (administrators)")
    List<TemplateText> templates() {
        return service.templates();
    }

    record TemplateRequest(String language, String subject, String body) { }

    @PutMapping("/api/admin/notification-templates/{key}")
    @Operation(summary = "Change a template's text in one language: {language: vi|en, subject, body}",
            description = "400 naming the field for an unknown placeholder, a missing or too long text; 404 for an unknown template")
    TemplateText save(@PathVariable String key, @RequestBody(required = false) TemplateRequest body) {
        var b = body == null ? new TemplateRequest(null, null, null) : body;
        return service.saveTemplate(key, b.language(), b.subject(), b.body());
    }

    @DeleteMapping("/api/admin/notification-templates/{key}")
    @Operation(summary = "Back to the default text of a template in one language (?language=vi|en)")
    TemplateText reset(@PathVariable String key, @RequestParam(required = false) String language) {
        return service.resetTemplate(key, language);
    }
}
