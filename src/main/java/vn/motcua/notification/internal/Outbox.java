package vn.motcua.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.TemplateKey;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.shared.Messages;

/**
 * Turns what happens to a dossier into the outbox's rows, one per channel, in the transaction that made it happen
 * (a plain listener runs inside the publisher's transaction): they commit with the dossier's work or not at all, and
 * sending them later cannot touch that work. Each row is written with its text in the templates as they are now; a
 * channel without an address, stopped by the applicant or not configured here is written as skipped, with why.
 */
@Component
class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final NotificationRepository repository;
    private final Templates templates;
    private final NotificationSettings settings;
    private final NotificationProviders.Chosen providers;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final Messages messages;
    private final Clock clock;

    Outbox(NotificationRepository repository, Templates templates, NotificationSettings settings,
           NotificationProviders.Chosen providers, DossierService dossiers, ProcedureCatalogue catalogue,
           OrganisationService organisation, Messages messages, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.providers = providers;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /** The desk received the dossier (an online submission the desk accepted is told by its status change). */
    @EventListener
    void received(DossierEvents.DossierReceived event) {
        if (!settings.enabled()) return;
        Dossier d = dossier(event.code());
        if (d.acceptedAt() == null) record(d, TemplateKey.RECEIVED);
    }

    @EventListener
    void statusChanged(DossierEvents.DossierStatusChanged event) {
        if (!settings.enabled()) return;
        TemplateKey key = switch (event.to()) {
            case RECEIVED -> event.from() == DossierStatus.NEW ? TemplateKey.ACCEPTED : null;
            case REFUSED -> TemplateKey.REFUSED;
            case SUPPLEMENT_REQUESTED -> TemplateKey.SUPPLEMENT_REQUESTED;
            case PAYMENT_REQUESTED -> TemplateKey.PAYMENT_REQUESTED;
            case PROCESSED -> TemplateKey.RESULT_READY;
            default -> null;
        };
        if (key != null) record(dossier(event.code()), key);
    }

    /** An apology with a new date (form 04). */
    @EventListener
    void extended(DossierEvents.DossierExtended event) {
        if (!settings.enabled()) return;
        record(dossier(event.code()), TemplateKey.APOLOGY);
    }

    private Dossier dossier(String code) {
        return SystemAccess.call(() -> dossiers.get(code));
    }

    private void record(Dossier d, TemplateKey key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var optedOut = repository.optedOut(d.code());
        String subject;
        String emailBody;
        String shortBody;
        try {
            var vi = SystemAccess.call(() -> values(d, Messages.VIETNAMESE));
            var en = SystemAccess.call(() -> values(d, ENGLISH));
            var viText = templates.text(key, "vi");
            var enText = templates.text(key, "en");
            subject = Templates.fill(viText.subject(), vi);
            shortBody = Templates.fill(viText.body(), vi);
            emailBody = shortBody + "\n\n-----\n\n" + Templates.fill(enText.subject(), en) + "\n\n" + Templates.fill(enText.body(), en);
        } catch (RuntimeException e) {
            // a notification that cannot be written never undoes the dossier's work
            log.error("Notification {} of dossier {} could not be written", key, d.code(), e);
            return;
        }
        for (var kind : NotificationChannel.Kind.values()) {
            var provider = providers.of(kind);
            String to = kind == NotificationChannel.Kind.EMAIL ? d.applicant().email() : d.applicant().phone();
            NotificationStatus status = NotificationStatus.PENDING;
            String reason = null;
            if (to == null || to.isBlank()) {
                status = NotificationStatus.SKIPPED_NO_RECIPIENT;
                to = null;
            } else if (optedOut.contains(kind)) {
                status = NotificationStatus.SKIPPED_OPTED_OUT;
            } else if (provider.unavailableReason() != null) {
                status = NotificationStatus.SKIPPED_CHANNEL_OFF;
                reason = provider.unavailableReason();
            }
            repository.insert(d.code(), key, kind, provider.provider(), to, subject,
                    kind == NotificationChannel.Kind.EMAIL ? emailBody : shortBody, status, reason, now);
        }
    }

    /** The placeholders' values for a dossier, in a language. */
    private Map<String, String> values(Dossier d, Locale locale) {
        var values = new HashMap<String, String>();
        values.put("code", d.code());
        values.put("procedure", catalogue.procedure(d.procedureCode()).map(p -> p.name(locale)).orElse(d.procedureCode()));
        values.put("applicant", d.applicant().fullName());
        values.put("unit", organisation.unit(d.unitId()).map(u -> u.displayName(locale)).orElse(d.unitIdentifier()));
        values.put("appointmentDate", Formats.date(d.dueAt()));
        values.put("newDate", Formats.date(d.extendedDueAt()));
        values.put("reason", d.statusReason() == null ? "" : d.statusReason());
        values.put("status", messages.get(locale, d.status().messageKey()));
        values.put("trackingKey", dossiers.trackingKey(d.code()).orElse(""));
        return values;
    }
}
