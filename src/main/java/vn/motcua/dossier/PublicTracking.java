package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.shared.AttemptThrottle;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * Following a dossier without an account: its code and either the tracking key printed on its receipt (eight digits,
 * also in the receipt's QR code) or the last digits (at least four) of the applicant's phone or identity number. The
 * answer says where the dossier stands in plain words and what is expected of the applicant, without any personal
 * data; a wrong code and a wrong key get the same "not found". Failed look-ups are counted per code and per client
 * address: after {@code motcua.tracking.max-failures-per-code} (5) on one code, or
 * {@code max-failures-per-address} (50) from one address, within 15 minutes, look-ups are refused for 15 minutes (429).
 */
@Service
public class PublicTracking {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /** Where a dossier stands, as the applicant would say it. */
    public enum Stage { SUBMITTED, RECEIVED, PROCESSING, WAITING_FOR_YOU, STOPPED, READY, DONE, REFUSED, WITHDRAWN;

        /** The stage of a dossier in this status. */
        public static Stage of(DossierStatus status) {
            return switch (status) {
                case NEW -> SUBMITTED;
                case RECEIVED -> RECEIVED;
                case IN_PROCESS -> PROCESSING;
                case SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED -> WAITING_FOR_YOU;
                case STOPPED -> STOPPED;
                case PROCESSED -> READY;
                case RETURNED -> DONE;
                case REFUSED -> REFUSED;
                case WITHDRAWN -> WITHDRAWN;
            };
        }

        public String messageKey() { return "tracking.stage." + name(); }
    }

    /**
     * What anyone holding the code and the key may read: no name, number, phone or address of the applicant.
     *
     * @param expected what the applicant is asked to do (hand in a supplement, pay), or null
     * @param where    the unit that received it (where the result is handed over)
     */
    public record Tracked(String code, String procedureCode, String procedureName, int statusCode, String statusName,
                          Stage stage, String stageText, Instant receivedAt, Instant dueAt, Instant finishedAt,
                          Instant returnedAt, String expected, String where, boolean canRate, boolean rated) { }

    private final DossierRepository dossiers;
    private final AuditTrail audit;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    /** Failed look-ups, on the table {@code tracking_attempt}. */
    private final AttemptThrottle attempts;
    private final TransactionTemplate separate;
    private final Messages messages;
    private final Clock clock;
    private final int maxPerCode;
    private final int maxPerAddress;
    private vn.motcua.security.CurrentUser currentUser;

    @org.springframework.beans.factory.annotation.Autowired
    void setCurrentUser(vn.motcua.security.CurrentUser currentUser) { this.currentUser = currentUser; }

    PublicTracking(DossierRepository dossiers, AuditTrail audit, ProcedureCatalogue catalogue, OrganisationService organisation,
                   JdbcClient jdbc, PlatformTransactionManager transactions, Messages messages, Clock clock,
                   @Value("${motcua.tracking.max-failures-per-code:5}") int maxPerCode,
                   @Value("${motcua.tracking.max-failures-per-address:50}") int maxPerAddress) {
        this.dossiers = dossiers;
        this.audit = audit;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.attempts = new AttemptThrottle(jdbc, transactions, "tracking_attempt");
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.messages = messages;
        this.clock = clock;
        this.maxPerCode = maxPerCode;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * The dossier of this code when the key is the end of its applicant's phone or identity number (digits only, at
     * least four); "not found" otherwise, whichever is wrong. 429 while the code or the address is locked.
     */
    @PreAuthorize("permitAll()")
    public Tracked track(String code, String key, String address, Locale locale) {
        Dossier found = verified(code, key, address, clock.instant());
        attempts.forget(codeSubject(code));
        return describe(found, locale);
    }

    /**
     * The applicant rates the service of their ended dossier from the tracking page (code and key as for tracking):
     * 1 to 5, whether they complain, a comment; once per dossier (409 the second time), counted by the indicators like
     * a rating from their account. 409 before the dossier has ended.
     */
    @PreAuthorize("permitAll()")
    public void rate(String code, String key, String address, Integer score, boolean complaint, String comment) {
        rate(code, key, address, score, complaint, comment, List.of());
    }

    /**
     * As {@link #rate(String, String, String, Integer, boolean, String)}, with what went wrong: {@link RatingCriterion}
     * codes, chosen with a score of 1 to {@value RatingCriterion#MAX_SCORE} (400 naming {@code criteria} otherwise).
     */
    @PreAuthorize("permitAll()")
    public void rate(String code, String key, String address, Integer score, boolean complaint, String comment,
                     List<String> criteria) {
        Instant now = clock.instant();
        Dossier d = verified(code, key, address, now);
        if (d.finishedAt() == null || d.status() == DossierStatus.WITHDRAWN) {
            throw new vn.motcua.shared.BusinessRuleException("dossier.rating.notFinished", d.code());
        }
        if (score == null || score < 1 || score > 5) {
            throw new vn.motcua.shared.InvalidInputException("score", messages.get("dossier.rating.score"));
        }
        if (comment != null && vn.motcua.shared.PlainText.problem(comment, true) != null) {
            throw new vn.motcua.shared.InvalidInputException("comment", messages.get("error.field.control", "comment"));
        }
        String text = comment == null || comment.isBlank() ? null : vn.motcua.shared.PlainText.normalize(comment, true);
        if (text != null && text.length() > 2000) {
            throw new vn.motcua.shared.InvalidInputException("comment", messages.get("error.field.tooLong", 2000));
        }
        var chosen = DossierService.ratingCriteria(criteria, score, messages);
        separate.executeWithoutResult(s -> {
            if (dossiers.rated(d.id())) throw new vn.motcua.shared.BusinessRuleException("tracking.rating.already", d.code());
            Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            dossiers.rate(d.id(), score, complaint, text, RatingCriterion.stored(chosen), at);
            audit.append(d.id(), "applicant", Channel.ONLINE.name(), "RATED", d.status(), d.status(),
                    "score " + score + (complaint ? ", complaint" : "")
                            + (chosen.isEmpty() ? "" : ", " + RatingCriterion.stored(chosen)) + " (tracking page)");
        });
    }

    /**
     * The dossier a citizen without an account names in feedback or a complaint (vn.motcua.feedback), or whose
     * notification channel they stop from the tracking page (vn.motcua.notification), checked as a tracking look-up is: its code and the end of the applicant's phone or identity number; a failure counts against
     * the code and the address like a failed look-up, "not found" whichever was wrong, 429 while either is locked.
     */
    @PreAuthorize("permitAll()")
    public Dossier verify(String code, String key, String address) {
        Dossier found = verified(code, key, address, clock.instant());
        attempts.forget(codeSubject(code));
        return found;
    }

    /**
     * The signed-in citizen's own dossiers, newest first (at most {@code limit}, 1 to 1000), each as the applicant reads
     * it: where it stands in plain words, what is expected of them, the dates and the unit; never a step's name, a
     * civil servant's name or another person's dossier.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.List<Tracked> mine(int limit, Locale locale) {
        var user = currentUser.require();
        int most = Math.max(1, Math.min(limit, DossierService.MAX_LIST));
        return dossiers.search(DossierScope.owner(user.username()), null, null, most).stream()
                .map(d -> describe(d, locale)).toList();
    }

    /**
     * One of the signed-in citizen's own dossiers as they read it; "not found" for any other dossier (another
     * applicant's, or one that does not exist), so that nothing leaks.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Tracked mine(String code, Locale locale) {
        var user = currentUser.require();
        Dossier d = code == null ? null : dossiers.findByCode(code.trim()).orElse(null);
        if (d == null || !user.username().equals(d.ownerUsername())) throw new NotFoundException("dossier.notFound", code);
        return describe(d, locale);
    }

    /**
     * The dossier of the code when the key fits its applicant; otherwise the failure is counted against the code and
     * the address, and "not found" whichever was wrong. 429 while either is locked.
     */
    private Dossier verified(String code, String key, String address, Instant now) {
        String codeSubject = codeSubject(code);
        String addressSubject = "address:" + (address == null ? "" : address);
        attempts.refuseIfLocked(codeSubject, "tracking.tooMany", now);
        attempts.refuseIfLocked(addressSubject, "tracking.tooMany", now);
        Dossier found = code == null ? null : separate.execute(s -> dossiers.findByCode(code.trim()).orElse(null));
        if (found == null || !(matches(found.applicant(), key) || isTrackingKey(found, key))) {
            attempts.count(codeSubject, maxPerCode, WINDOW, LOCK, now);
            attempts.count(addressSubject, maxPerAddress, WINDOW, LOCK, now);
            throw new NotFoundException("tracking.notFound");
        }
        return found;
    }

    private static String codeSubject(String code) { return "code:" + (code == null ? "" : code.trim()); }

    /** True when the key's digits (at least four) end the applicant's phone or identity number. */
    static boolean matches(Applicant applicant, String key) {
        String digits = key == null ? "" : key.replaceAll("\\D", "");
        if (digits.length() < 4) return false;
        for (String known : new String[] {applicant.phone(), applicant.idNumber()}) {
            String knownDigits = known == null ? "" : known.replaceAll("\\D", "");
            if (knownDigits.length() >= digits.length() && knownDigits.endsWith(digits)) return true;
        }
        return false;
    }

    /** True when the key's digits are the dossier's tracking key, printed on its receipt (compared in constant time). */
    private boolean isTrackingKey(Dossier d, String key) {
        String digits = key == null ? "" : key.replaceAll("\\D", "");
        String known = separate.execute(s -> dossiers.trackingKey(d.id()).orElse(null));
        return known != null && java.security.MessageDigest.isEqual(known.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private Tracked describe(Dossier d, Locale locale) {
        var procedure = catalogue.procedure(d.procedureCode());
        Stage stage = Stage.of(d.status());
        String expected = switch (d.status()) {
            case SUPPLEMENT_REQUESTED -> messages.get(locale, "tracking.expected.supplement", nz(d.statusReason()));
            case PAYMENT_REQUESTED -> messages.get(locale, "tracking.expected.payment", nz(d.statusReason()));
            case PROCESSED -> messages.get(locale, "tracking.expected.collect");
            default -> null;
        };
        String where = organisation.unit(d.unitId()).map(u -> u.displayName(locale)).orElse("");
        return new Tracked(d.code(), d.procedureCode(), procedure.map(p -> p.name(locale)).orElse(d.procedureCode()),
                d.status().code(), messages.get(locale, d.status().messageKey()), stage,
                messages.get(locale, stage.messageKey()), d.receivedAt(), d.dueAt(), d.finishedAt(), d.returnedAt(),
                expected, where, d.finishedAt() != null && d.status() != DossierStatus.WITHDRAWN, dossiers.rated(d.id()));
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
