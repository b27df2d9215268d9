package vn.motcua.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.integration.internal.WebhookAddresses;
import vn.motcua.integration.internal.WebhookOutbox;
import vn.motcua.integration.internal.WebhookRepository;
import vn.motcua.integration.internal.WebhookSettings;
import vn.motcua.organisation.ApiClients;
import vn.motcua.organisation.ApiClients.ApiClient;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.ClusterNode;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.ResultPage;

/**
 * Webhooks: connected systems subscribe to the changes of their dossiers, read their delivery log and have a message
 * sent again; administrators do the same for any system. A system sees and changes only its own subscriptions (any
 * other is "not found"); a person who is neither an administrator nor a connected system is refused. Every change of
 * a subscription is in the administrators' log.
 */
@Service
public class Webhooks {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    /** How long a node keeps a claimed message before another may take it (it died while sending). */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final int BATCH = 50;

    private final WebhookRepository repository;
    private final WebhookOutbox outbox;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;
    private final ApiClients clients;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final ClusterNode node;
    private final Clock clock;
    private final HttpClient http;

    Webhooks(WebhookRepository repository, WebhookOutbox outbox, WebhookAddresses addresses, WebhookSettings settings,
             ApiClients clients, ApplicationEventPublisher events, Messages messages, ClusterNode node, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.addresses = addresses;
        this.settings = settings;
        this.clients = clients;
        this.events = events;
        this.messages = messages;
        this.node = node;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A new subscription and its signing secret, shown this once. */
    public record Subscribed(WebhookSubscription subscription, String secret) { }

    /**
     * Subscribes an address to the changes of the caller's dossiers ({@code OWN}, the default) or of its unit's
     * ({@code UNIT}). An administrator names the system ({@code clientId}); a system subscribes itself.
     *
     * @throws InvalidInputException naming {@code url}, {@code scope}, {@code description} or {@code clientId}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Subscribed subscribe(String clientId, String url, String scope, String description) {
        var violations = new ArrayList<InvalidInputException.Violation>();
        ApiClient client;
        if (admin()) {
            client = clientId == null || clientId.isBlank() ? null : clients.find(clientId.strip()).filter(ApiClient::active).orElse(null);
            if (client == null) violations.add(new InvalidInputException.Violation("clientId", messages.get("webhook.client.unknown")));
        } else {
            client = caller();
        }
        String cleanScope = scope == null || scope.isBlank() ? WebhookSubscription.OWN : scope.strip().toUpperCase(Locale.ROOT);
        if (!List.of(WebhookSubscription.OWN, WebhookSubscription.UNIT).contains(cleanScope)) {
            violations.add(new InvalidInputException.Violation("scope", messages.get("webhook.scope.invalid")));
        } else if (client != null && cleanScope.equals(WebhookSubscription.UNIT) && !client.scopes().contains("dossiers:read")) {
            violations.add(new InvalidInputException.Violation("scope", messages.get("webhook.scope.unitNeedsRead")));
        }
        String problem = addresses.problem(url);
        if (problem != null) violations.add(new InvalidInputException.Violation("url", messages.get(problem)));
        String cleanDescription = description == null ? null : PlainText.normalize(description, false).strip();
        if (cleanDescription != null && cleanDescription.length() > 255) {
            violations.add(new InvalidInputException.Violation("description", messages.get("error.field.tooLong", 255)));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);

        String secret = WebhookSignature.newSecret();
        long id = repository.insert(client.clientId(), url.strip(), cleanScope,
                cleanDescription == null || cleanDescription.isEmpty() ? null : cleanDescription, secret, username(), now());
        events.publishEvent(new AdministrativeChange("WEBHOOK_SUBSCRIBED", client.clientId(), id + " · " + cleanScope + " · " + url.strip()));
        return new Subscribed(view(repository.subscription(id).orElseThrow()), secret);
    }

    /** The caller's subscriptions; every subscription for administrators. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<WebhookSubscription> subscriptions() {
        var names = new java.util.HashMap<String, String>();
        return repository.subscriptions(admin() ? null : caller().clientId()).stream().map(s -> view(s, names)).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public WebhookSubscription subscription(long id) {
        return view(owned(id));
    }

    /** How many of a subscription's messages are pending, delivered and failed. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, Long> counts(long id) {
        return repository.counts(owned(id).id());
    }

    /**
     * Pauses or resumes a subscription: while paused, no message is written for it (nothing is kept to send later;
     * messages written before are still sent).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public WebhookSubscription setActive(long id, boolean active) {
        var subscription = owned(id);
        if (subscription.active() != active) {
            repository.setActive(id, active);
            events.publishEvent(new AdministrativeChange(active ? "WEBHOOK_RESUMED" : "WEBHOOK_PAUSED", subscription.clientId(),
                    String.valueOf(id)));
        }
        return view(repository.subscription(id).orElseThrow());
    }

    /** A new signing secret for a subscription, shown this once; the old one no longer signs. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Subscribed rotateSecret(long id) {
        var subscription = owned(id);
        String secret = WebhookSignature.newSecret();
        repository.setSecret(id, secret);
        events.publishEvent(new AdministrativeChange("WEBHOOK_SECRET_ROTATED", subscription.clientId(), String.valueOf(id)));
        return new Subscribed(view(repository.subscription(id).orElseThrow()), secret);
    }

    /** Removes a subscription and its delivery log; messages not yet sent are not sent. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void unsubscribe(long id) {
        var subscription = owned(id);
        repository.delete(id);
        events.publishEvent(new AdministrativeChange("WEBHOOK_UNSUBSCRIBED", subscription.clientId(), id + " · " + subscription.url()));
    }

    /**
     * A page of a subscription's delivery log, newest first.
     *
     * @param status      {@code PENDING}, {@code DELIVERED} or {@code FAILED}; null for all
     * @param dossierCode one dossier's messages; null for all
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ResultPage<WebhookDelivery> deliveries(long id, String status, String dossierCode, int page, int size) {
        var subscription = owned(id);
        String cleanStatus = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (cleanStatus != null && !List.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED).contains(cleanStatus)) {
            throw new InvalidInputException("status", messages.get("error.field.oneOf", "status", "[PENDING, DELIVERED, FAILED]"));
        }
        if (page < 0) throw new InvalidInputException("page", messages.get("error.field.range", "page", 0, Integer.MAX_VALUE));
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw new InvalidInputException("size", messages.get("error.field.range", "size", 1, ResultPage.MAX_SIZE));
        }
        String code = dossierCode == null || dossierCode.isBlank() ? null : dossierCode.strip();
        return new ResultPage<>(repository.deliveries(subscription.id(), cleanStatus, code, ResultPage.offset(page, size), size),
                repository.countDeliveries(subscription.id(), cleanStatus, code), page, size);
    }

    /**
     * Sends a message again: a new delivery with the same message id and body (the receiver can tell it already has
     * it), sent at the next round whatever became of the first.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public WebhookDelivery replay(long subscriptionId, long deliveryId) {
        var subscription = owned(subscriptionId);
        var delivery = repository.delivery(deliveryId).filter(d -> d.subscriptionId() == subscription.id())
                .orElseThrow(() -> new NotFoundException("webhook.delivery.notFound", deliveryId));
        long id = repository.insertDelivery(subscription.id(), delivery.messageId(), delivery.eventType(), delivery.dossierCode(),
                delivery.payload(), delivery.replayOf() != null ? delivery.replayOf() : delivery.id(), now());
        events.publishEvent(new AdministrativeChange("WEBHOOK_REPLAYED", subscription.clientId(), subscriptionId + " · " + deliveryId));
        return repository.delivery(id).orElseThrow();
    }

    /** Writes a test message ({@code webhook.test}) for a subscription, sent at the next round. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public WebhookDelivery test(long subscriptionId) {
        return repository.delivery(outbox.test(owned(subscriptionId))).orElseThrow();
    }

    /**
     * One round of the sender: claims each message due (one node only sends it), posts it signed and records the
     * answer; a failed attempt is tried again after the backoff until the last attempt, then FAILED. A receiver's
     * answer other than 2xx, no answer within the timeout, a redirect or an address that became private is a failure;
     * a message of a system revoked since is FAILED at once (nothing more goes to a system cut off).
     *
     * @return how many messages this round handled
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public int deliverDue() {
        Instant now = clock.instant();
        int handled = 0;
        for (long id : repository.due(now, BATCH)) {
            if (!repository.claim(id, node.id(), now, now.plus(CLAIM))) continue;
            var delivery = repository.delivery(id).orElse(null);
            var subscription = delivery == null ? null : repository.subscription(delivery.subscriptionId()).orElse(null);
            if (subscription == null) continue;
            send(subscription, delivery);
            handled++;
        }
        return handled;
    }

    private void send(WebhookRepository.Subscription subscription, WebhookDelivery delivery) {
        Integer response = null;
        String error;
        boolean revoked = clients.find(subscription.clientId()).filter(ApiClient::active).isEmpty();
        try {
            String problem = addresses.problem(subscription.url());
            if (revoked) {
                error = "the connected system was revoked";
            } else if (problem != null) {
                error = messages.get(Locale.ENGLISH, problem);
            } else {
                long timestamp = clock.instant().getEpochSecond();
                var request = HttpRequest.newBuilder(URI.create(subscription.url().strip())).timeout(settings.timeout())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "MotCua-Webhooks/1")
                        .header(WebhookSignature.ID, delivery.messageId())
                        .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                        .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(subscription.secret(), delivery.messageId(), timestamp, delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                response = answer.statusCode();
                if (response / 100 == 2) {
                    repository.delivered(delivery.id(), node.id(), response, now());
                    return;
                }
                error = "HTTP " + response;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = PlainText.oneLine(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        int attempts = delivery.attempts() + 1;
        Instant next = revoked || attempts >= settings.maxAttempts() ? null : now().plus(settings.retryDelay(attempts));
        repository.failed(delivery.id(), node.id(), response, error, next);
        log.warn("Webhook message {} ({} of dossier {}) to subscription {}: attempt {} of {} failed{}: {}", delivery.id(),
                delivery.eventType(), delivery.dossierCode(), subscription.id(), attempts, settings.maxAttempts(),
                next == null ? " for good" : "", error);
    }

    /** A subscription the caller may see: any for administrators, a system's own; a person who is neither is refused. */
    private WebhookRepository.Subscription owned(long id) {
        String clientId = admin() ? null : caller().clientId();
        var subscription = repository.subscription(id).orElse(null);
        if (subscription == null || (clientId != null && !subscription.clientId().equals(clientId))) {
            throw new NotFoundException("webhook.subscription.notFound", id);
        }
        return subscription;
    }

    /** The connected system calling; anyone else who is not an administrator is refused. */
    private ApiClient caller() {
        return clients.byUsername(username()).filter(ApiClient::active)
                .orElseThrow(() -> new vn.motcua.shared.ForbiddenException("webhook.caller.notClient"));
    }

    private WebhookSubscription view(WebhookRepository.Subscription s) {
        return view(s, new java.util.HashMap<>());
    }

    /**
     * A subscription as its readers see it, with its system's name, looked up once per system in {@code names}: an
     * administrator's any system, a system's its own (the only subscriptions it reads).
     */
    private WebhookSubscription view(WebhookRepository.Subscription s, Map<String, String> names) {
        String name = names.computeIfAbsent(s.clientId(), id -> (admin() ? clients.find(id) : clients.byUsername(username()))
                .map(ApiClient::name).orElse(id));
        return new WebhookSubscription(s.id(), s.clientId(), name, s.url(), s.scope(), s.description(), s.active(),
                s.createdBy(), s.createdAt());
    }

    /** An administrator, or the system itself: sees and manages every subscription. */
    private static boolean admin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()) || SystemAccess.AUTHORITY.equals(a.getAuthority()));
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }
}
