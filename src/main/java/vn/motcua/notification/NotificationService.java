package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.notification.internal.NotificationProviders;
import vn.motcua.notification.internal.NotificationRepository;
import vn.motcua.notification.internal.NotificationSettings;
import vn.motcua.notification.internal.Templates;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;

/**
 * The notifications of dossiers: their log for the staff who may see a dossier, the channels its applicant stopped,
 * the templates administrators change, and the delivery of the outbox's rows. Every method checks who calls it.
 */
@Service
public class NotificationService {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    /** How long a node keeps a claimed row before another may take it (it died while sending). */
    static final Duration CLAIM = Duration.ofMinutes(5);
    /** Rows one round of the sender takes at most. */
    static final int BATCH = 50;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 3000;

    private final NotificationRepository repository;
    private final Templates templates;
    private final NotificationSettings settings;
    private final NotificationProviders.Chosen providers;
    private final DossierService dossiers;
    private final PublicTracking tracking;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;
    /** This node's name on the rows it claims. */
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    NotificationService(NotificationRepository repository, Templates templates, NotificationSettings settings,
                        NotificationProviders.Chosen providers, DossierService dossiers, PublicTracking tracking,
                        CurrentUser currentUser, Messages messages, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.providers = providers;
        this.dossiers = dossiers;
        this.tracking = tracking;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    // --- the log of a dossier

    /**
     * The notifications of a dossier, oldest first, for staff who may see the dossier (a clerk: their unit's; a
     * supervisor: the units below; the administrator: all; a user working on an open step of it): "not found"
     * outside that scope. Phone numbers are masked.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<NotificationLogEntry> log(String code) {
        Dossier d = dossiers.get(code);
        return repository.ofDossier(d.code()).stream().map(NotificationService::entry).toList();
    }

    private static NotificationLogEntry entry(NotificationRepository.Row r) {
        String to = r.recipient() == null ? null
                : r.channel() == NotificationChannel.Kind.EMAIL ? r.recipient() : NotificationChannel.maskPhone(r.recipient());
        return new NotificationLogEntry(r.id(), r.channel(), r.template(), to, r.provider(), r.status(), r.attempts(),
                r.createdAt(), r.sentAt(), r.nextAttemptAt(), r.lastError());
    }

    // --- the applicant's channels

    /** The channels of a dossier the caller may see, and whether each is used. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ChannelChoice> channels(String code) {
        return choices(dossiers.get(code).code());
    }

    /**
     * The owner of a dossier (the citizen who submitted it) stops or restarts a channel for it: "not found" for a
     * dossier that is not theirs. Messages not yet sent by a stopped channel are skipped.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public List<ChannelChoice> setChannel(String code, String channel, Boolean enabled) {
        Dossier d = dossiers.get(code);
        String user = currentUser.require().username();
        if (!user.equals(d.ownerUsername())) throw new NotFoundException("dossier.notFound", code);
        var kind = kind(channel);
        boolean on = required(enabled);
        return apply(d.code(), kind, on, user);
    }

    /**
     * The applicant stops or restarts a channel from the tracking page, with the dossier's code and the key of the
     * tracking page (the last digits of their phone or identity number): "not found" for a wrong code or key alike,
     * 429 after repeated failures, as for tracking.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public List<ChannelChoice> setChannelWithKey(String code, String key, String address, String channel, Boolean enabled) {
        var kind = kind(channel);
        boolean on = required(enabled);
        String verified = tracking.verify(code, key, address).code();
        return apply(verified, kind, on, "applicant");
    }

    private boolean required(Boolean enabled) {
        if (enabled == null) throw new InvalidInputException("enabled", messages.get("error.field.required"));
        return enabled;
    }

    private List<ChannelChoice> apply(String code, NotificationChannel.Kind kind, boolean enabled, String by) {
        if (enabled) repository.optIn(code, kind);
        else repository.optOut(code, kind, by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return choices(code);
    }

    private List<ChannelChoice> choices(String code) {
        var stopped = repository.optedOut(code);
        var result = new ArrayList<ChannelChoice>();
        for (var kind : NotificationChannel.Kind.values()) result.add(new ChannelChoice(kind, !stopped.contains(kind)));
        return result;
    }

    private NotificationChannel.Kind kind(String channel) {
        try {
            return NotificationChannel.Kind.valueOf(channel == null ? "" : channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", messages.get("error.field.oneOf", "channel", "[EMAIL, SMS, ZALO]"));
        }
    }

    // --- templates

    /** Every template in Vietnamese and English, as used now (administrators). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<TemplateText> templates() {
        return templates.all();
    }

    /**
     * An administrator changes a template's text in one language ({@code vi}, {@code en}). The subject (one line, at
     * most {@value #MAX_SUBJECT} characters) and the body (at most {@value #MAX_BODY}) are required and may use only
     * the known placeholders: an unknown one is refused, naming it; nothing is changed.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TemplateText saveTemplate(String key, String language, String subject, String body) {
        TemplateKey templateKey = templateKey(key);
        String lang = language(language);
        var violations = new ArrayList<InvalidInputException.Violation>();
        String s = checked("subject", subject, false, MAX_SUBJECT, violations);
        String b = checked("body", body, true, MAX_BODY, violations);
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        repository.saveTemplate(templateKey, lang, s, b, currentUser.require().username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        log.info("Notification template {} ({}) changed by {}", templateKey, lang, currentUser.require().username());
        return templates.text(templateKey, lang);
    }

    /** Back to the default text of a template in one language (administrators). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TemplateText resetTemplate(String key, String language) {
        TemplateKey templateKey = templateKey(key);
        String lang = language(language);
        if (repository.deleteTemplate(templateKey, lang)) {
            log.info("Notification template {} ({}) reset to its default by {}", templateKey, lang, currentUser.require().username());
        }
        return templates.text(templateKey, lang);
    }

    private TemplateKey templateKey(String key) {
        try {
            return TemplateKey.valueOf(key == null ? "" : key.trim());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("notification.template.notFound", PlainText.oneLine(key == null ? "" : key));
        }
    }

    private String language(String language) {
        String lang = language == null || language.isBlank() ? "vi" : language.trim().toLowerCase(Locale.ROOT);
        if (!Templates.LANGUAGES.contains(lang)) {
            throw new InvalidInputException("language", messages.get("error.field.oneOf", "language", Templates.LANGUAGES));
        }
        return lang;
    }

    private String checked(String field, String text, boolean multiLine, int max, List<InvalidInputException.Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new InvalidInputException.Violation(field, messages.get("error.field.required")));
            return null;
        }
        var problem = PlainText.problem(text, multiLine);
        if (problem != null) {
            violations.add(new InvalidInputException.Violation(field, messages.get(problem == PlainText.Problem.LINE_BREAK
                    ? "error.field.singleLine" : "error.field.control", field)));
            return null;
        }
        String normalized = PlainText.normalize(text, multiLine);
        if (normalized.length() > max) {
            violations.add(new InvalidInputException.Violation(field, messages.get("error.field.tooLong", max)));
            return null;
        }
        var unknown = Templates.unknownPlaceholders(normalized);
        if (!unknown.isEmpty()) {
            violations.add(new InvalidInputException.Violation(field, messages.get("notification.template.unknownPlaceholder",
                    String.join(", ", unknown), String.join(", ", Templates.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()))));
            return null;
        }
        return normalized;
    }

    // --- delivery

    /**
     * Sends the outbox's rows that are due (the system's sender): each row is claimed by one atomic update, so that
     * one node only sends it; a failed attempt is tried again after the backoff (doubled each time) until the last
     * attempt, then the row is FAILED. Nothing here touches a dossier. Returns how many rows this round handled.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public int deliverDue() {
        Instant now = clock.instant();
        int handled = 0;
        for (long id : repository.due(now, BATCH)) {
            if (!repository.claim(id, node, now, now.plus(CLAIM))) continue;
            var row = repository.find(id).orElse(null);
            if (row == null) continue;
            deliver(row);
            handled++;
        }
        return handled;
    }

    private void deliver(NotificationRepository.Row row) {
        if (repository.optedOut(row.dossierCode()).contains(row.channel())) {
            repository.skipped(row.id(), node, NotificationStatus.SKIPPED_OPTED_OUT, null);
            return;
        }
        var provider = providers.of(row.channel());
        if (provider.unavailableReason() != null) {
            repository.skipped(row.id(), node, NotificationStatus.SKIPPED_CHANNEL_OFF, provider.unavailableReason());
            return;
        }
        try {
            provider.send(new NotificationChannel.Message(row.recipient(), row.subject(), row.body(), row.dossierCode(),
                    row.template().name()));
            repository.sent(row.id(), node, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (Exception e) {
            int attempts = row.attempts() + 1;
            String error = withoutPersonalData(e);
            Instant next = attempts >= settings.maxAttempts() ? null
                    : clock.instant().truncatedTo(ChronoUnit.MICROS).plus(settings.retryDelay(attempts));
            repository.failed(row.id(), node, error, next);
            log.warn("Notification {} ({} {} of dossier {}) attempt {} of {} failed{}: {}", row.id(), row.channel(),
                    row.template(), row.dossierCode(), attempts, settings.maxAttempts(), next == null ? " for good" : "", error);
        }
    }

    /**
     * What went wrong, without the addresses and numbers it may hold: e-mail addresses and runs of six digits or more
     * become {@code ***}; the innermost cause's type and message, at most 500 characters.
     */
    static String withoutPersonalData(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (root != e) text = e.getClass().getSimpleName() + " (" + text + ")";
        text = text.replaceAll("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+", "***").replaceAll("\\+?\\d[\\d .-]{4,}\\d", "***");
        text = PlainText.oneLine(text);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
