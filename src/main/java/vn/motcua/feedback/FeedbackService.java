package vn.motcua.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.feedback.internal.FeedbackRepository;
import vn.motcua.feedback.internal.FeedbackRepository.Scope;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.InvalidInputException.Violation;
import vn.motcua.shared.AttemptThrottle;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.ResultPage;

/**
 * Feedback and complaints (phản ánh, kiến nghị).
 *
 * <p><b>Sending.</b> Anyone sends a text (1–{@value #MAX_TEXT} characters) and how to reach them (a phone number or an
 * e-mail address; required without an account), optionally about a dossier: a signed-in citizen names one of theirs,
 * a caller without an account also gives the dossier's tracking key (the last digits of the applicant's phone or
 * identity number), checked and counted as a tracking look-up is; an unknown dossier, one of someone else and a wrong
 * key get the same 400 naming {@code dossierCode}. Staff do not send feedback (403). From one client address, at most
 * {@code motcua.feedback.max-per-address} (5) are accepted within an hour, then none for an hour (429). The answer is
 * a reference number {@code PA-YYYYMMDD-NNNN} (the day in Asia/Ho_Chi_Minh, a sequence of the day).
 *
 * <p><b>Routing.</b> About a dossier: the dossier's unit. Otherwise the unit the sender chose ({@code unit}, its
 * identifier), else {@code motcua.feedback.default-unit}, else the province's public service centre, else its
 * People's Committee. Due within {@code motcua.feedback.answer-working-days} (10) working days of that unit.
 *
 * <p><b>Handling.</b> The leaders of that unit and the supervisors above it see it, take it (Đang xử lý) and answer it
 * once; administrators read every one; clerks and specialists neither (403). The sender reads it with its reference
 * and their contact, or in their account, and says once whether the answer satisfied them (Decision 766, HL.2; not
 * from a civil servant's account). About a dossier, receiving, answering and that verdict are written to the
 * dossier's audit trail (the reference, never the text).
 */
@Service
public class FeedbackService {
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CONTACT = 200;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOOKUP_WINDOW = Duration.ofMinutes(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern PHONE = Pattern.compile("^(\\+84|0)\\d{9,10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Failed public look-ups of one reference / from one address within 15 minutes before a 15-minute pause. */
    private static final int LOOKUP_PER_REFERENCE = 5;
    private static final int LOOKUP_PER_ADDRESS = 50;

    /** What a sender gives. {@code key}: the dossier's tracking key (callers without an account). */
    public record Submission(String text, String contact, String dossierCode, String key, String unit) { }

    /**
     * What the sender reads with the reference and their contact: no one else's data. {@code verdict}: what they said
     * of the answer ({@code satisfied}, {@code unsatisfied}), null until they say.
     */
    public record PublicView(String reference, FeedbackStatus status, String statusText, String text, String dossierCode,
                             String unitName, Instant receivedAt, Instant dueAt, String answer, Instant answeredAt,
                             String verdict, String verdictText) { }

    private final FeedbackRepository feedback;
    /** Counts on the module's own table {@code feedback_attempt}. */
    private final AttemptThrottle throttle;
    private final DossierService dossiers;
    private final PublicTracking tracking;
    private final OrganisationService organisation;
    private final WorkingCalendar calendar;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final int answerDays;
    private final int maxPerAddress;
    private final String defaultUnit;

    FeedbackService(FeedbackRepository feedback, JdbcClient jdbc, PlatformTransactionManager transactions, DossierService dossiers, PublicTracking tracking,
                    OrganisationService organisation, WorkingCalendar calendar, CurrentUser currentUser,
                    ApplicationEventPublisher events, Messages messages, Clock clock,
                    @Value("${motcua.feedback.answer-working-days:10}") int answerDays,
                    @Value("${motcua.feedback.max-per-address:5}") int maxPerAddress,
                    @Value("${motcua.feedback.default-unit:}") String defaultUnit) {
        if (answerDays < 1) throw new IllegalStateException("motcua.feedback.answer-working-days must be 1 or more: " + answerDays);
        this.feedback = feedback;
        this.throttle = new AttemptThrottle(jdbc, transactions, "feedback_attempt");
        this.dossiers = dossiers;
        this.tracking = tracking;
        this.organisation = organisation;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.answerDays = answerDays;
        this.maxPerAddress = maxPerAddress;
        this.defaultUnit = defaultUnit == null ? "" : defaultUnit.trim();
    }

    /** Receives feedback (see the class); 400 naming every offending field, nothing stored. */
    @PreAuthorize("permitAll()")
    @Transactional
    public Feedback submit(Submission s, String address) {
        Optional<AuthenticatedUser> user = currentUser.get();
        if (user.isPresent() && !user.get().has(Role.CITIZEN)) throw new ForbiddenException("feedback.citizensOnly");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String addressSubject = "address:" + (address == null ? "" : address);
        throttle.refuseIfLocked(addressSubject, "feedback.tooMany", now);

        var problems = new ArrayList<Violation>();
        String text = multiLine("text", s.text(), MAX_TEXT, true, problems);
        String contact = singleLine("contact", s.contact(), MAX_CONTACT, user.isEmpty(), problems);
        String contactKey = contact == null ? null : contactKey(contact);
        if (contact != null && contactKey == null) problems.add(new Violation("contact", messages.get("feedback.contact.invalid", label("contact"))));
        String dossierCode = s.dossierCode() == null || s.dossierCode().isBlank() ? null : s.dossierCode().trim();
        Unit chosen = null;
        if (dossierCode == null && s.unit() != null && !s.unit().isBlank()) {
            chosen = organisation.unitByIdentifier(s.unit().trim()).filter(Unit::active).orElse(null);
            if (chosen == null) problems.add(new Violation("unit", messages.get("feedback.unit.unknown", label("unit"), s.unit().trim())));
        }
        if (dossierCode != null && user.isEmpty() && (s.key() == null || s.key().isBlank())) {
            problems.add(new Violation("key", messages.get("feedback.key.required", label("key"))));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        Dossier dossier = dossierCode == null ? null : dossier(dossierCode, s.key(), address, user.isPresent());
        Unit unit = dossier != null ? organisation.unit(dossier.unitId()).orElseThrow()
                : chosen != null ? chosen : defaultUnit();
        String reference = "PA-" + DAY.format(now.atZone(Formats.ZONE)) + "-"
                + String.format(Locale.ROOT, "%04d", feedback.nextNumber(LocalDate.ofInstant(now, Formats.ZONE)));
        Instant due = calendar.dueAt(now, ProcessingTime.workingDays(answerDays), unit.identifier());
        String owner = user.map(AuthenticatedUser::username).orElse(null);
        long id = feedback.insert(reference, text, contact, contactKey, owner, dossier == null ? null : dossier.id(),
                dossier == null ? null : dossier.code(), unit.id(), unit.treePath(), now, due);
        if (dossier != null) {
            String actor = owner == null ? "applicant" : owner;
            SystemAccess.run(() -> dossiers.recordFeedback(dossier.code(), actor, "FEEDBACK_RECEIVED", reference));
        }
        throttle.count(addressSubject, maxPerAddress, WINDOW, WINDOW, now);
        events.publishEvent(new FeedbackReceived(reference, unit.identifier(), dossier == null ? null : dossier.code()));
        return new Feedback(id, reference, text, contact, owner, dossier == null ? null : dossier.code(), unit.id(),
                unit.treePath(), FeedbackStatus.NEW, now, due, null, null, null, null, null, null, null);
    }

    /**
     * A page of the feedback the caller may read ({@code status} null: all), oldest due first (answered: latest answer
     * first): leaders their unit's, supervisors their subtree's, administrators all, a citizen their own.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'CITIZEN')")
    @Transactional(readOnly = true)
    public ResultPage<Feedback> list(FeedbackStatus status, int page, int size) {
        if (page < 0) throw new InvalidInputException("page", messages.get("error.field.range", "page", 0, Integer.MAX_VALUE));
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw new InvalidInputException("size", messages.get("error.field.range", "size", 1, ResultPage.MAX_SIZE));
        }
        Scope scope = scope();
        return new ResultPage<>(feedback.page(scope, status, page, size), feedback.count(scope, status), page, size);
    }

    /** How many of the caller's feedback are in each status (the list view's tabs). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'CITIZEN')")
    @Transactional(readOnly = true)
    public Map<FeedbackStatus, Long> counts() {
        return feedback.counts(scope());
    }

    /** New feedback waiting in the caller's unit (a leader) or subtree (a supervisor): the worklist's counter. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'LEADER')")
    @Transactional(readOnly = true)
    public long newCount() {
        return feedback.count(scope(), FeedbackStatus.NEW);
    }

    /** One piece of feedback the caller may read; 404 otherwise (nothing leaks). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'CITIZEN')")
    @Transactional(readOnly = true)
    public Feedback get(String reference) {
        return visible(reference, false);
    }

    /** Whether the caller may take and answer feedback (leaders and supervisors). */
    @PreAuthorize("isAuthenticated()")
    public boolean mayAnswer() {
        return currentUser.get().map(u -> u.has(Role.LEADER) || u.has(Role.SUPERVISOR)).orElse(false);
    }

    /** A leader or supervisor takes it (Mới → Đang xử lý); taking it again changes nothing; 409 once answered. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'LEADER')")
    @Transactional
    public Feedback take(String reference) {
        Feedback f = visible(reference, true);
        if (f.status() == FeedbackStatus.ANSWERED) throw new BusinessRuleException("feedback.alreadyAnswered", f.reference());
        if (f.status() == FeedbackStatus.NEW) feedback.take(f.id(), currentUser.require().username(), now());
        return feedback.find(reference).orElseThrow();
    }

    /**
     * A leader or supervisor answers it, once (409 the second time): 1–{@value #MAX_TEXT} characters of plain text,
     * 400 naming {@code text} otherwise. Recorded with who and when; the dossier's audit trail says so when it is about
     * one; {@link FeedbackAnswered} is published.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'LEADER')")
    @Transactional
    public Feedback answer(String reference, String text) {
        Feedback f = visible(reference, true);
        var problems = new ArrayList<Violation>();
        String answer = multiLine("text", text, MAX_TEXT, true, problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        if (f.status() == FeedbackStatus.ANSWERED) throw new BusinessRuleException("feedback.alreadyAnswered", f.reference());
        String who = currentUser.require().username();
        Instant at = now();
        feedback.answer(f.id(), answer, who, at);
        if (f.dossierCode() != null) {
            SystemAccess.run(() -> dossiers.recordFeedback(f.dossierCode(), who, "FEEDBACK_ANSWERED", f.reference()));
        }
        events.publishEvent(new FeedbackAnswered(f.reference(), f.ownerUsername(), f.contact(), f.dossierCode(), who, at));
        return feedback.find(reference).orElseThrow();
    }

    /**
     * The sender reads their feedback and its answer with the reference and the contact they gave (a phone: any
     * writing of the same number). A wrong reference and a wrong contact get the same 404; after 5 failures on one
     * reference, or 50 from one address, within 15 minutes, look-ups are refused for 15 minutes (429).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public PublicView lookUp(String reference, String contact, String address, Locale locale) {
        return publicView(authenticated(reference, contact, address, false), locale);
    }

    /**
     * The sender says whether the answer satisfied them, once (Decision 766, HL.2): with the reference and the contact
     * they gave, checked and throttled as {@link #lookUp}, or, without a contact, as the signed-in citizen who sent
     * it (404 otherwise); never from a civil servant's account (403). 400 naming {@code satisfied} when it is missing;
     * 409 before the answer, and the second time. About a dossier, its audit trail records {@code FEEDBACK_JUDGED}.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public PublicView judge(String reference, String contact, Boolean satisfied, String address, Locale locale) {
        var user = currentUser.get();
        // the verdict counts for the unit (Decision 766): never given from a civil servant's account
        if (user.isPresent() && !user.get().has(Role.CITIZEN)) throw new ForbiddenException("feedback.citizensOnly");
        boolean owner = (contact == null || contact.isBlank()) && user.isPresent();
        Feedback f = owner ? visible(reference, true) : authenticated(reference, contact, address, true);
        if (satisfied == null) {
            throw new InvalidInputException("satisfied", messages.get("feedback.field.required", label("satisfied")));
        }
        if (f.status() != FeedbackStatus.ANSWERED) throw new BusinessRuleException("feedback.notAnswered", f.reference());
        if (!feedback.judge(f.id(), FeedbackVerdict.of(satisfied), now())) {
            throw new BusinessRuleException("feedback.alreadyJudged", f.reference());
        }
        if (f.dossierCode() != null) {
            String actor = owner ? user.get().username() : "applicant";
            SystemAccess.run(() -> dossiers.recordFeedback(f.dossierCode(), actor, "FEEDBACK_JUDGED", f.reference()));
        }
        return publicView(feedback.find(f.reference()).orElseThrow(), locale);
    }

    /** The feedback of a reference and the contact its sender gave (see {@link #lookUp}), its row locked if asked. */
    private Feedback authenticated(String reference, String contact, String address, boolean lock) {
        Instant now = clock.instant();
        String ref = reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT);
        String referenceSubject = "reference:" + ref;
        String addressSubject = "lookup:" + (address == null ? "" : address);
        throttle.refuseIfLocked(referenceSubject, "feedback.lookUp.tooMany", now);
        throttle.refuseIfLocked(addressSubject, "feedback.lookUp.tooMany", now);
        String given = contact == null ? null : contactKey(PlainText.normalize(contact, false));
        String known = feedback.contactKey(ref).orElse(null);
        if (given == null || !given.equals(known)) {
            throttle.count(referenceSubject, LOOKUP_PER_REFERENCE, LOOKUP_WINDOW, LOOKUP_WINDOW, now);
            throttle.count(addressSubject, LOOKUP_PER_ADDRESS, LOOKUP_WINDOW, LOOKUP_WINDOW, now);
            throw new NotFoundException("feedback.lookUp.notFound");
        }
        throttle.forget(referenceSubject);
        return (lock ? feedback.lock(ref) : feedback.find(ref)).orElseThrow();
    }

    /** The sender's view of their own feedback (a signed-in citizen), 404 when it is not theirs. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional(readOnly = true)
    public PublicView own(String reference, Locale locale) {
        return publicView(visible(reference, false), locale);
    }

    /**
     * For the indicators (HL.1, HL.2): feedback received in {@code [from, to)} at the units of this tree path's subtree
     * (every unit when null), of units of this level (any when null), about dossiers of these procedures (null: any
     * feedback, about a dossier or not): {@code [answered on time or still within the due date at to, all, on time
     * and not judged unsatisfactory by its sender before to]}.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public long[] onTime(String unitTreePath, Instant from, Instant to, List<String> procedureCodes, String level) {
        return feedback.onTime(unitTreePath, from, to, procedureCodes, level);
    }

    /** The units a sender may choose (active, by name), for the public form. */
    @PreAuthorize("permitAll()")
    public List<Unit> units() {
        return organisation.units().stream().filter(Unit::active)
                .sorted(Comparator.comparing(Unit::treePath)).toList();
    }

    private PublicView publicView(Feedback f, Locale locale) {
        String unitName = organisation.unit(f.unitId()).map(u -> u.displayName(locale)).orElse("");
        return new PublicView(f.reference(), f.status(), messages.get(locale, f.status().messageKey()), f.text(),
                f.dossierCode(), unitName, f.receivedAt(), f.dueAt(), f.answer(), f.answeredAt(),
                f.verdict() == null ? null : f.verdict().key(),
                f.verdict() == null ? null : messages.get(locale, f.verdict().messageKey()));
    }

    /** The dossier a sender names, or 400 naming {@code dossierCode} whatever is wrong (429 while look-ups are locked). */
    private Dossier dossier(String code, String key, String address, boolean signedIn) {
        try {
            return signedIn ? dossiers.get(code) : tracking.verify(code, key, address);
        } catch (NotFoundException notTheirs) {
            throw new InvalidInputException("dossierCode", messages.get("feedback.dossier.unknown", label("dossierCode")));
        }
    }

    /** Where feedback about no dossier and no chosen unit goes (see the class). */
    private Unit defaultUnit() {
        if (!defaultUnit.isEmpty()) {
            return organisation.unitByIdentifier(defaultUnit).orElseThrow(() ->
                    new IllegalStateException("motcua.feedback.default-unit names no unit: " + defaultUnit));
        }
        List<Unit> units = organisation.units().stream().filter(Unit::active).sorted(Comparator.comparing(Unit::treePath)).toList();
        return units.stream().filter(u -> u.kind() == UnitKind.SERVICE_CENTRE).findFirst()
                .or(() -> units.stream().filter(u -> u.kind() == UnitKind.PEOPLES_COMMITTEE && u.level() == UnitLevel.PROVINCE).findFirst())
                .or(() -> units.stream().filter(u -> u.parentId() == null).findFirst())
                .orElseThrow(() -> new IllegalStateException("no unit to route feedback to"));
    }

    private Feedback visible(String reference, boolean toAnswer) {
        Scope scope = scope();
        String ref = reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT);
        Feedback f = (toAnswer ? feedback.lock(ref) : feedback.find(ref)).filter(scope::includes)
                .orElseThrow(() -> new NotFoundException("feedback.notFound", ref));
        return f;
    }

    /** Leaders: their unit; supervisors: their subtree; administrators: all; a citizen: their own; others: 403. */
    private Scope scope() {
        AuthenticatedUser user = currentUser.require();
        if (user.has(Role.SUPERVISOR) && user.unitTreePath() != null) return Scope.subtree(user.unitTreePath());
        if (user.has(Role.LEADER) && user.unitId() != null) return Scope.unit(user.unitId());
        if (user.has(Role.ADMIN)) return Scope.everything();
        if (user.has(Role.CITIZEN)) return Scope.owner(user.username());
        throw new ForbiddenException("feedback.staffOnly");
    }

    private String multiLine(String field, String value, int max, boolean required, List<Violation> problems) {
        if (PlainText.problem(value, true) != null) {
            problems.add(new Violation(field, messages.get("error.field.control", label(field))));
            return null;
        }
        String text = value == null ? "" : PlainText.normalize(value, true);
        if (text.isEmpty()) {
            if (required) problems.add(new Violation(field, messages.get("feedback.field.required", label(field))));
            return null;
        }
        if (text.length() > max) problems.add(new Violation(field, messages.get("feedback.field.tooLong", label(field), max)));
        return text;
    }

    private String singleLine(String field, String value, int max, boolean required, List<Violation> problems) {
        var problem = PlainText.problem(value, false);
        if (problem != null) {
            problems.add(new Violation(field, messages.get(problem == PlainText.Problem.LINE_BREAK
                    ? "error.field.singleLine" : "error.field.control", label(field))));
            return null;
        }
        String text = value == null ? "" : PlainText.normalize(value, false);
        if (text.isEmpty()) {
            if (required) problems.add(new Violation(field, messages.get("feedback.field.required", label(field))));
            return null;
        }
        if (text.length() > max) problems.add(new Violation(field, messages.get("feedback.field.tooLong", label(field), max)));
        return text;
    }

    /** The field's name as the reader's language says it, with its name at the API: "Nội dung (text)". */
    private String label(String field) {
        return messages.get("feedback.label." + field) + " (" + field + ")";
    }

    /** A phone's digits (+84 written as 0) or a lower-case e-mail address; null when it is neither. */
    static String contactKey(String contact) {
        if (contact == null) return null;
        String c = contact.trim();
        if (EMAIL.matcher(c).matches()) return c.toLowerCase(Locale.ROOT);
        String phone = c.replaceAll("[\\s.()-]", "");
        if (!PHONE.matcher(phone).matches()) return null;
        return phone.startsWith("+84") ? "0" + phone.substring(3) : phone;
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }
}
