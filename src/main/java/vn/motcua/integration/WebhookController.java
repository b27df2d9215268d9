package vn.motcua.integration;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.ListQuery;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ResultPage;

/**
 * Webhooks at the API: a connected system (signed in with its API key) manages its own subscriptions and reads their
 * delivery log; an administrator does the same for every system.
 */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Đăng ký nhận thay đổi của hồ sơ / subscriptions to dossier changes")
class WebhookController {
    private final Webhooks webhooks;
    private final Messages messages;

    WebhookController(Webhooks webhooks, Messages messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    /** A subscription: where, which dossiers ({@code OWN} or {@code UNIT}), a note; {@code clientId} from administrators. */
    record SubscriptionRequest(String url, String scope, String description, String clientId) { }

    /** A subscription and how many of its messages are in each status. */
    record SubscriptionJson(WebhookSubscription subscription, Map<String, Long> deliveries) { }

    @GetMapping
    @Operation(summary = "The caller's webhook subscriptions (every one for administrators)")
    List<WebhookSubscription> webhooks() {
        return webhooks.subscriptions();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribes an address to the changes of the caller's dossiers; the signing secret is in this answer only",
            description = "{url, scope: OWN (the dossiers this system received, default) | UNIT (every dossier of its unit and "
                    + "below; needs dossiers:read), description?, clientId (administrators only: the system)}. Each change is "
                    + "POSTed as JSON (types dossier.created, dossier.status-changed, dossier.extended, webhook.test) with the "
                    + "headers webhook-id, webhook-timestamp and webhook-signature (v1,<Base64 HMAC-SHA256 of id.timestamp.body, "
                    + "keyed with the secret's bytes after whsec_>). 400 naming url, scope, description or clientId.")
    ResponseEntity<Webhooks.Subscribed> subscribeWebhook(@RequestBody(required = false) SubscriptionRequest body) {
        var b = body == null ? new SubscriptionRequest(null, null, null, null) : body;
        var subscribed = webhooks.subscribe(b.clientId(), b.url(), b.scope(), b.description());
        return ResponseEntity.created(URI.create("/api/webhooks/" + subscribed.subscription().id())).body(subscribed);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription and the count of its messages per status (PENDING, DELIVERED, FAILED)")
    SubscriptionJson webhook(@PathVariable long id) {
        return new SubscriptionJson(webhooks.subscription(id), webhooks.counts(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Removes a subscription and its delivery log")
    ResponseEntity<Void> deleteWebhook(@PathVariable long id) {
        webhooks.unsubscribe(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pauses a subscription: no message is written for it until it is resumed")
    WebhookSubscription pauseWebhook(@PathVariable long id) {
        return webhooks.setActive(id, false);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resumes a paused subscription")
    WebhookSubscription resumeWebhook(@PathVariable long id) {
        return webhooks.setActive(id, true);
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "A new signing secret (in this answer only); the old one no longer signs")
    Webhooks.Subscribed rotateWebhookSecret(@PathVariable long id) {
        return webhooks.rotateSecret(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Sends a test message (type webhook.test) at the next round: 202 with its delivery")
    ResponseEntity<WebhookDelivery> testWebhook(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.test(id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first: {items, total, page, size}",
            description = "Filters: status (PENDING, DELIVERED, FAILED), dossier (a dossier code). page from 0, size 1..1000 "
                    + "(default 50). Each item: the message id, type, dossier, body, status, attempts, the next attempt, the "
                    + "receiver's last HTTP status and error, the delivery it replays.")
    ResultPage<WebhookDelivery> webhookDeliveries(@PathVariable long id, @RequestParam Map<String, String> query) {
        var q = new ListQuery(query, messages);
        return webhooks.deliveries(id, q.text("status"), q.text("dossier"), q.page(), q.size());
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Sends a message again (same webhook-id and body) at the next round: 202 with the new delivery")
    ResponseEntity<WebhookDelivery> replayWebhookDelivery(@PathVariable long id, @PathVariable long deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.replay(id, deliveryId));
    }
}
