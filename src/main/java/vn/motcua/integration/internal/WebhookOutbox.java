package vn.motcua.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.integration.WebhookSubscription;
import vn.motcua.organisation.ApiClients;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.shared.Messages;

/**
 * Turns what happens to a dossier into webhook messages, one per subscription it concerns, in the transaction that
 * made it happen (a plain listener runs inside the publisher's transaction): they commit with the dossier's work or
 * not at all. A subscription concerns a dossier when its system is not revoked and the dossier is one the system
 * received ({@code OWN}) or one of its unit or a unit below ({@code UNIT}, a system that may read them). The message
 * carries the dossier as it is after the change: its national status code and dates, in MotCua's own fields (ISO-8601
 * instants) and in the national portal's synchronisation fields ({@code MaHoSo}, {@code TrangThaiHoSo},
 * {@code NgayTiepNhan}, {@code NgayHenTra}, {@code NgayKetThucXuLy}, {@code NgayTra}: local time in Viet Nam written
 * {@code yyyyMMddHHmmss}). Its {@code version} grows with every change of the dossier, so that a receiver can tell an
 * older message that arrives late.
 */
@Component
public class WebhookOutbox {
    public static final String CREATED = "dossier.created";
    public static final String STATUS_CHANGED = "dossier.status-changed";
    public static final String EXTENDED = "dossier.extended";
    public static final String TEST = "webhook.test";
    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final DateTimeFormatter NATIONAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Formats.ZONE);

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final DossierService dossiers;
    private final ApiClients clients;
    private final OrganisationService organisation;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, WebhookSettings settings, DossierService dossiers, ApiClients clients,
                  OrganisationService organisation, Messages messages, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.dossiers = dossiers;
        this.clients = clients;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void created(DossierEvents.DossierCreated event) {
        record(CREATED, event.code(), null);
    }

    @EventListener
    void statusChanged(DossierEvents.DossierStatusChanged event) {
        record(STATUS_CHANGED, event.code(), event.from());
    }

    @EventListener
    void extended(DossierEvents.DossierExtended event) {
        record(EXTENDED, event.code(), null);
    }

    /** A test message to one subscription (its system checks its receiver). */
    public long test(WebhookRepository.Subscription subscription) {
        Instant now = now();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TEST);
        body.put("occurredAt", now.toString());
        body.put("subscription", subscription.id());
        return repository.insertDelivery(subscription.id(), messageId(), TEST, null, write(body), null, now);
    }

    private void record(String type, String code, DossierStatus from) {
        if (!settings.enabled()) return;
        try {
            List<WebhookRepository.Subscription> active = repository.active();
            if (active.isEmpty()) return;
            SystemAccess.run(() -> {
                Dossier d = dossiers.get(code);
                String payload = null;
                Instant now = now();
                var clientsById = new HashMap<String, Optional<ApiClients.ApiClient>>();
                var treePaths = new HashMap<String, Optional<String>>();
                for (var subscription : active) {
                    if (!concerns(subscription, d, clientsById, treePaths)) continue;
                    if (payload == null) payload = write(payload(type, d, from, now));
                    repository.insertDelivery(subscription.id(), messageId(), type, d.code(), payload, null, now);
                }
            });
        } catch (RuntimeException e) {
            // a message that cannot be written never undoes the dossier's work
            log.error("Webhook message {} of dossier {} could not be written", type, code, e);
        }
    }

    /** Whether a subscription concerns a dossier; systems and units' tree paths are looked up once per change. */
    private boolean concerns(WebhookRepository.Subscription subscription, Dossier d,
                             Map<String, Optional<ApiClients.ApiClient>> clientsById, Map<String, Optional<String>> treePaths) {
        var client = clientsById.computeIfAbsent(subscription.clientId(), clients::find).orElse(null);
        if (client == null || !client.active()) return false;
        if (WebhookSubscription.OWN.equals(subscription.scope())) return client.username().equals(d.createdBy());
        if (!client.scopes().contains("dossiers:read")) return false;
        var treePath = treePaths.computeIfAbsent(client.unit(),
                unit -> unit == null ? Optional.empty() : organisation.unitByIdentifier(unit).map(Unit::treePath));
        return treePath.map(d.unitTreePath()::startsWith).orElse(false);
    }

    private Map<String, Object> payload(String type, Dossier d, DossierStatus from, Instant now) {
        var dossier = new LinkedHashMap<String, Object>();
        dossier.put("code", d.code());
        dossier.put("procedureCode", d.procedureCode());
        dossier.put("unit", d.unitIdentifier());
        dossier.put("channel", d.channel().code());
        dossier.put("status", d.status().code());
        dossier.put("statusName", messages.get(Messages.VIETNAMESE, d.status().messageKey()));
        dossier.put("statusNameEn", messages.get(Locale.ENGLISH, d.status().messageKey()));
        dossier.put("previousStatus", from == null ? null : from.code());
        dossier.put("version", d.version());
        dossier.put("receivedAt", iso(d.receivedAt()));
        dossier.put("acceptedAt", iso(d.acceptedAt()));
        dossier.put("dueAt", iso(d.dueAt()));
        dossier.put("extendedDueAt", iso(d.extendedDueAt()));
        dossier.put("finishedAt", iso(d.finishedAt()));
        dossier.put("returnedAt", iso(d.returnedAt()));
        dossier.put("reason", d.statusReason());

        var national = new LinkedHashMap<String, Object>();
        national.put("MaHoSo", d.code());
        national.put("MaTTHC", d.procedureCode());
        national.put("TrangThaiHoSo", String.valueOf(d.status().code()));
        national.put("KenhThucHien", String.valueOf(d.channel().code()));
        national.put("NgayTiepNhan", local(d.startedAt()));
        national.put("NgayHenTra", local(d.extendedDueAt() != null ? d.extendedDueAt() : d.dueAt()));
        national.put("NgayKetThucXuLy", local(d.finishedAt()));
        national.put("NgayTra", local(d.returnedAt()));

        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("occurredAt", now.toString());
        body.put("dossier", dossier);
        body.put("national", national);
        return body;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }

    static String messageId() { return "msg_" + UUID.randomUUID().toString().replace("-", ""); }

    private static String iso(Instant instant) { return instant == null ? null : instant.toString(); }

    private static String local(Instant instant) { return instant == null ? "" : NATIONAL.format(instant); }
}
