package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.Forms;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;

/**
 * Receiving dossiers and following them through their statuses. Every method checks who calls it: a clerk receives
 * at their own unit, a citizen online for themselves; a dossier outside the caller's scope is "not found".
 */
@Service
public class DossierService {
    private static final Pattern ID_NUMBER = Pattern.compile("^(\\d{9}|\\d{12}|\\d{10}(-\\d{3})?)$");
    private static final Pattern PHONE = Pattern.compile("^(\\+84|0)\\d{9,10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DossierRepository dossiers;
    private final AuditTrail audit;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final WorkingCalendar calendar;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Forms forms;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<WorkAccess> workAccess;
    private final org.springframework.beans.factory.ObjectProvider<ComponentFiles> componentFiles;
    private final Map<DossierAction, ActionStep> actions;
    /**
     * {@code motcua.dossier.resume-stopped}: whether this province resumes stopped dossiers (8 → 4). Off by default: a
     * stop (8) ends the dossier, as the national indicators count it, and its process ends.
     */
    private final boolean resumeStopped;

    private final DossierCodeAllocator codes;

    private final vn.motcua.organisation.CitizenIdentities identities;

    DossierService(DossierRepository dossiers, AuditTrail audit, ProcedureCatalogue catalogue,
                   OrganisationService organisation, WorkingCalendar calendar, CurrentUser currentUser,
                   ApplicationEventPublisher events, Messages messages, Forms forms, Clock clock,
                   org.springframework.beans.factory.ObjectProvider<WorkAccess> workAccess,
                   org.springframework.beans.factory.ObjectProvider<ComponentFiles> componentFiles,
                   @org.springframework.beans.factory.annotation.Value("${motcua.dossier.resume-stopped:false}") boolean resumeStopped,
                   DossierCodeAllocator codes, vn.motcua.organisation.CitizenIdentities identities) {
        this.identities = identities;
        this.codes = codes;
        this.resumeStopped = resumeStopped;
        this.workAccess = workAccess;
        this.componentFiles = componentFiles;
        this.dossiers = dossiers;
        this.audit = audit;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.events = events;
        this.messages = messages;
        this.forms = forms;
        this.clock = clock;
        this.actions = actionSteps();
    }

    /**
     * Receives a dossier: checks the applicant and the procedure's intake form, gives the dossier its code and due
     * date, records it, and starts its procedure's process, all in one transaction: either everything happened or
     * nothing did. A clerk's dossier is received at once (status 2); a citizen's online submission waits for the
     * desk to accept it (status 1). Files staged with the request become the dossier's in the same transaction.
     * The components the desk checked on paper are stored with the dossier; every required component must be
     * handed in (checked on paper or uploaded): the desk may receive without one only with a reason, which the
     * audit trail keeps; an online submission without one is refused.
     *
     * @throws InvalidInputException naming every offending field; nothing is stored
     */
    @PreAuthorize("hasAnyRole('CLERK', 'CITIZEN')")
    @Transactional
    public Dossier receive(ReceiveDossier submitted) {
        AuthenticatedUser user = currentUser.require();
        boolean citizen = !user.has(Role.CLERK);
        var violations = new ArrayList<InvalidInputException.Violation>();
        ReceiveDossier request = citizen ? verifiedApplicant(submitted, user, violations) : submitted;
        Procedure procedure = request.procedureCode() == null ? null : catalogue.procedure(request.procedureCode()).orElse(null);
        if (procedure == null) violations.add(violation("procedureCode", "dossier.procedure.unknown"));
        Channel channel = request.channel();
        if (channel == null) violations.add(violation("channel", "error.field.required"));
        if (citizen && channel != null && channel != Channel.ONLINE) violations.add(violation("channel", "dossier.channel.citizenOnline"));
        validateApplicant(request.applicant(), violations);

        Unit unit = citizen ? receivingUnitOfCitizen(request.unitIdentifier(), violations)
                : organisation.unit(user.unitId()).orElseThrow();
        if (!citizen && !unit.active()) throw new BusinessRuleException("dossier.unit.closed", unit.identifier());
        Unit residence = residence(request.applicant(), unit, violations);
        if (procedure != null && unit != null && procedure.level() != unit.level()) {
            violations.add(new InvalidInputException.Violation(citizen ? "unit" : "procedureCode",
                    messages.get("dossier.procedure.wrongLevel", procedure.code(), messages.get("unitLevel." + procedure.level()))));
        }
        Map<String, Object> data = request.data() == null ? Map.of() : request.data();
        var picked = new ArrayList<String>();
        if (procedure != null) {
            FormSchema form = catalogue.form(procedure.intakeForm()).orElseThrow();
            for (FieldViolation v : forms.validate(form, data, Messages.locale())) {
                violations.add(new InvalidInputException.Violation("data." + v.field(), v.message()));
            }
            if (violations.isEmpty()) {
                data = forms.normalize(form, data);
                pickedFiles(form, data, user, procedure.code(), picked, violations);
            }
        }
        int before = violations.size();
        String missingReason = missingComponentsReason(request.missingComponentsReason(), violations);
        boolean reasonRefused = violations.size() > before; // said once: the reason is not usable
        List<String> checked = checkedComponents(request.checkedComponents(), procedure, citizen, violations);
        List<DossierComponent> missing = List.of();
        if (procedure != null && checked != null) {
            var handedIn = new java.util.HashSet<>(checked);
            componentFiles.forEach(f -> handedIn.addAll(f.stagedComponents(user.username(), request.stagedFiles())));
            missing = missingComponents(procedure, handedIn);
            if (!missing.isEmpty() && citizen) {
                violations.add(violation("stagedFiles", "dossier.components.missingOnline", names(missing)));
            } else if (!missing.isEmpty() && missingReason == null && !reasonRefused) {
                violations.add(violation("missingComponentsReason", "dossier.components.missing", names(missing)));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = now.atZone(Formats.ZONE).toLocalDate();
        String code = codes.allocate(unit.id(), unit.identifier(), day);
        var intake = new Dossier.Intake(code, procedure.code(), procedure.fee(), unit, channel, trimmed(request.applicant())
                .withResidence(residence == null ? null : residence.identifier()), data, now, user.username(),
                java.util.stream.Stream.concat(request.stagedFiles().stream(), picked.stream()).distinct().toList());
        Dossier d = citizen ? Dossier.submitOnline(intake)
                : Dossier.receive(intake, calendar.dueAt(now, procedure.processingTime(channel == Channel.ONLINE), unit.identifier()));
        long id = dossiers.insert(d.code(), d.procedureCode(), d.unitId(), d.channel(), d.status(), d.applicant(),
                d.ownerUsername(), d.formData(), d.receivedAt(), d.dueAt(), d.createdBy(), d.feeAmount());
        audit.append(id, user.username(), channel.name(), citizen ? "SUBMITTED" : "RECEIVED", null, d.status(), procedure.code());
        if (!checked.isEmpty()) dossiers.checkComponents(id, checked, user.username(), now);
        if (!missing.isEmpty()) {
            audit.append(id, user.username(), channel.name(), COMPONENTS_MISSING, d.status(), d.status(), missingDetail(missing, missingReason));
        }
        d.pullEvents().forEach(events::publishEvent);
        return dossiers.findByCode(code).orElseThrow();
    }

    /**
     * The files picked in the intake form's file pickers: each reference checked (staged by the caller, of a type the
     * picker takes) and replaced in the data by the file's description; the references join the receipt's staged files,
     * which become the dossier's files in its transaction.
     */
    private void pickedFiles(FormSchema form, Map<String, Object> data, AuthenticatedUser user, String procedureCode,
                             List<String> picked, List<InvalidInputException.Violation> violations) {
        ComponentFiles files = componentFiles.getIfAvailable();
        try {
            forms.resolveFilePicks(form, data, pick -> {
                String field = "data." + pick.field();
                if (files == null) {
                    throw new InvalidInputException(field, messages.get("error.field.invalid", form.labelOf(pick.field())));
                }
                var described = files.pickedFiles(user.username(), procedureCode, field, pick.component().accept(), pick.references());
                picked.addAll(pick.references());
                return described;
            });
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
    }

    /**
     * The components of a dossier the caller may see that the desk checked on paper at its receipt, in the order
     * they were checked.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CheckedComponent> checkedComponents(String code) {
        Dossier d = visible(code);
        var checked = dossiers.checkedComponents(d.id());
        // the applicant reads that a paper was checked and when, not the login name of the clerk who checked it
        if (seenByApplicant(d)) return checked.stream().map(c -> new CheckedComponent(c.componentCode(), null, c.checkedAt())).toList();
        return checked;
    }

    /**
     * Whether the caller sees this dossier as its applicant (the citizen who submitted it), and so gets the citizen's
     * presentation: plain statuses, their papers, never the staff's names, steps, notes or registers.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean seenByApplicant(Dossier d) {
        if (currentUser.isSystem()) return false;
        var user = currentUser.get().orElse(null);
        if (user == null) return false;
        DossierScope scope = DossierScope.of(user);
        return !scope.staff() && scope.includes(d);
    }

    /** A dossier the caller may see; otherwise "not found", so that nothing leaks. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Dossier get(String code) {
        return visible(code);
    }

    /** The most dossiers a list gives. */
    public static final int MAX_LIST = 1000;

    /**
     * Dossiers in the caller's scope, newest first, optionally by status and by a text the code or the applicant's
     * name contains (case-insensitive, in NFC, {@code %} and {@code _} taken literally); at most {@code limit}.
     *
     * @throws InvalidInputException when {@code limit} is not between 1 and {@link #MAX_LIST}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Dossier> search(DossierStatus status, String text, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidInputException("limit", messages.get("error.field.range", "limit", 1, MAX_LIST));
        }
        return dossiers.search(DossierScope.of(currentUser.require()), status, PlainText.nfc(text), limit);
    }

    /**
     * The tracking key printed on the dossier's receipt (eight digits), for whoever may see the dossier: its applicant
     * (to pass it on) and the staff who reach it. Empty for a dossier received before keys were printed.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<String> trackingKey(String code) {
        return dossiers.trackingKey(visible(code).id());
    }

    /** The audit trail of a dossier the caller may see, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String code) {
        Dossier d = visible(code);
        var entries = audit.history(d.id());
        if (!seenByApplicant(d)) return entries;
        // The applicant's history: the changes of status (and what they did themselves), without the staff's login
        // names, their steps, notes and the chain's hashes
        String me = d.ownerUsername();
        return entries.stream()
                .filter(e -> me.equals(e.actor()) || (e.statusAfter() != null && !e.statusAfter().equals(e.statusBefore())))
                .map(e -> new AuditEntry(e.seq(), e.occurredAt(), me.equals(e.actor()) ? e.actor() : null, e.channel(),
                        e.action(), e.statusBefore(), e.statusAfter(), APPLICANT_DETAILS.contains(e.action()) ? e.detail() : null,
                        null, null))
                .toList();
    }

    /** Audit actions whose detail is written to the applicant (a reason they are given), shown in their history. */
    private static final java.util.Set<String> APPLICANT_DETAILS = java.util.Set.of("REFUSE", "REQUEST_SUPPLEMENT",
            "REQUEST_PAYMENT", "STOP", "WITHDRAW", "EXTENDED", "SUBMITTED", "RATED");

    /** Whether the audit trail is intact; null when it is, else the first broken link. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional(readOnly = true)
    public String verifyHistory(String code) {
        return audit.verify(visible(code).id());
    }

    /** The completed steps of a dossier the caller may see, in order. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DossierStep> steps(String code) {
        return dossiers.steps(visible(code).id());
    }

    /**
     * Records the work a user did on a step of a dossier (the form they completed): a user of the dossier's own unit,
     * or the user of another unit whose open step it is (the tax office), for that step only.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void recordStep(String code, String taskId, String stepKey, String stepName, Instant startedAt,
                           Map<String, Object> data) {
        recordStep(code, taskId, stepKey, stepName, startedAt, null, data);
    }

    /**
     * Records the work a user did on a step of a dossier, with when the step was due (its task's due date, null
     * when it had none): the control sheet (form 06) judges the step by it. Same rules as the other overload.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void recordStep(String code, String taskId, String stepKey, String stepName, Instant startedAt,
                           Instant dueAt, Map<String, Object> data) {
        Dossier dossier = visible(code);
        AuthenticatedUser user = currentUser.require();
        if (!DossierScope.of(user).includes(dossier) && workAccess.stream().noneMatch(w -> w.worksOnStep(user, code, taskId))) {
            throw new ForbiddenException("dossier.step.notYours", code);
        }
        String actor = user.username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        dossiers.recordStep(dossier.id(), taskId, stepKey, stepName, actor, startedAt, now, data, dueAt);
        audit.append(dossier.id(), actor, Channel.IN_PERSON.name(), "STEP_COMPLETED", dossier.status(), dossier.status(), stepName);
    }

    /**
     * Takes an action on a dossier the caller may see: 404 when it is not theirs, 403 when their role may not take
     * this action on it (the role counts in the dossier's own unit only, or for its own applicant: a user whose only
     * link to the dossier is an open step of it acts through that step, not on the dossier), 409 when the dossier's
     * status does not allow it, 400 when a required reason is missing or holds control characters (a reason may have
     * several lines). Clock stops and restarts move the due date by exactly the stopped working time. A stop ends the
     * dossier and its process unless the province resumes stopped dossiers ({@code motcua.dossier.resume-stopped});
     * without that setting a resume is 409.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Dossier act(String code, DossierAction action, String reason) {
        return act(code, action, reason, null);
    }

    /**
     * As {@link #act(String, DossierAction, String)}; {@code paymentMethod} (ONLINE, CASH, BANK_TRANSFER; CASH by
     * default) says how the fee was paid when the action is {@link DossierAction#CONFIRM_PAYMENT}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Dossier act(String code, DossierAction action, String reason, String paymentMethod) {
        return act(code, action, reason, paymentMethod, null);
    }

    /**
     * As {@link #act(String, DossierAction, String, String)}; accepting an online submission
     * ({@link DossierAction#ACCEPT}) whose required components are neither checked on paper nor uploaded needs
     * {@code missingComponentsReason}, which the audit trail keeps (400 naming the missing components without it).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Dossier act(String code, DossierAction action, String reason, String paymentMethod, String missingComponentsReason) {
        AuthenticatedUser user = currentUser.require();
        Dossier d = visible(code);
        if (action.roles().stream().noneMatch(user::has)) {
            throw new org.springframework.security.access.AccessDeniedException("role may not " + action.path());
        }
        if (!mayTake(user, action, d)) throw new ForbiddenException("dossier.action.notOwnUnit", code);
        textProblem("reason", reason, true).ifPresent(v -> { throw new InvalidInputException(List.of(v)); });
        String why = reason == null || reason.isBlank() ? null : PlainText.normalize(reason, true);
        if (action.reasonRequired() && why == null) throw new InvalidInputException("reason", messages.get("dossier.action.reasonRequired"));
        if (why != null && why.length() > 2000) throw new InvalidInputException("reason", messages.get("error.field.tooLong", 2000));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String channel = user.has(Role.CITIZEN) ? Channel.ONLINE.name() : Channel.IN_PERSON.name();
        if (action == DossierAction.ACCEPT && action.applicableTo(d.status())) {
            var problems = new ArrayList<InvalidInputException.Violation>();
            String missingReason = missingComponentsReason(missingComponentsReason, problems);
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            var missing = catalogue.procedure(d.procedureCode()).map(p -> missingComponents(p, handedIn(d))).orElse(List.of());
            if (!missing.isEmpty() && missingReason == null) {
                throw new InvalidInputException("missingComponentsReason", messages.get("dossier.components.missing", names(missing)));
            }
            if (!missing.isEmpty()) {
                audit.append(d.id(), user.username(), channel, COMPONENTS_MISSING, d.status(), d.status(),
                        missingDetail(missing, missingReason));
            }
        }
        actions.get(action).take(new ActionRequest(d, now, why, user.username(), paymentMethod));
        save(d, user.username(), channel, action.name(), why);
        return dossiers.findByCode(code).orElseThrow();
    }

    /** What an action needs beside the dossier: the instant, the reason, who takes it, how a fee was paid. */
    private record ActionRequest(Dossier dossier, Instant now, String reason, String actor, String paymentMethod) { }

    /** One action: the dossier's own method for it, given what it needs from the unit's working calendar. */
    @FunctionalInterface
    private interface ActionStep {
        void take(ActionRequest r);
    }

    /**
     * Each action calls one method of the dossier, which checks its status, changes it and registers what happened;
     * the service only works out from the unit's working calendar what that method needs.
     */
    private Map<DossierAction, ActionStep> actionSteps() {
        var steps = new java.util.EnumMap<DossierAction, ActionStep>(DossierAction.class);
        steps.put(DossierAction.ACCEPT, r -> r.dossier().accept(r.now(), dueFrom(r.dossier(), r.now())));
        steps.put(DossierAction.REFUSE, r -> r.dossier().refuse(r.now(), r.reason(), workingTimeUntil(r.dossier(), r.now())));
        steps.put(DossierAction.REQUEST_SUPPLEMENT, r -> r.dossier().requestSupplement(r.now(), r.reason()));
        steps.put(DossierAction.RECEIVE_SUPPLEMENT, r -> {
            var stopped = stoppedUntil(r.dossier(), r.now());
            r.dossier().receiveSupplement(stopped, dueMovedBy(r.dossier(), stopped));
        });
        steps.put(DossierAction.REQUEST_PAYMENT, r -> r.dossier().requestPayment(r.now(), r.reason()));
        steps.put(DossierAction.CONFIRM_PAYMENT, r -> {
            String method = paymentMethod(r.paymentMethod());
            var stopped = stoppedUntil(r.dossier(), r.now());
            r.dossier().confirmPayment(stopped, dueMovedBy(r.dossier(), stopped), method, r.now());
        });
        steps.put(DossierAction.STOP, r -> {
            if (resumeStopped) {
                r.dossier().stop(r.now(), r.reason());
            } else {
                Instant clockStopped = r.dossier().clockStoppedAt() != null ? r.dossier().clockStoppedAt() : r.now();
                r.dossier().stopAndEnd(r.now(), r.reason(), workingTimeUntil(r.dossier(), clockStopped));
            }
        });
        steps.put(DossierAction.RESUME, r -> {
            if (!resumeStopped) throw new BusinessRuleException("dossier.resume.off", r.dossier().code());
            var stopped = stoppedUntil(r.dossier(), r.now());
            r.dossier().resume(stopped, dueMovedBy(r.dossier(), stopped));
        });
        steps.put(DossierAction.WITHDRAW, r -> r.dossier().withdraw(r.now(), r.reason(), workingTimeUntil(r.dossier(), r.now())));
        steps.put(DossierAction.RETURN_RESULT, r -> r.dossier().returnResult(r.now(), r.actor()));
        if (steps.size() != DossierAction.values().length) throw new IllegalStateException("an action without a step");
        return java.util.Collections.unmodifiableMap(steps);
    }

    /** The due date of a dossier accepted now: its procedure's processing time in the unit's working calendar. */
    private Instant dueFrom(Dossier d, Instant now) {
        var procedure = catalogue.procedure(d.procedureCode()).orElseThrow();
        return calendar.dueAt(now, procedure.processingTime(d.channel() == Channel.ONLINE), d.unitIdentifier());
    }

    /** The working time the clock has been stopped until now (zero while it runs). */
    private Duration stoppedUntil(Dossier d, Instant now) {
        return d.clockStoppedAt() == null ? Duration.ZERO
                : nonNegative(calendar.workingTimeBetween(d.clockStoppedAt(), now, d.unitIdentifier()));
    }

    /** The due date moved by the stopped working time; none while the dossier has none. */
    private Instant dueMovedBy(Dossier d, Duration stopped) {
        return d.dueAt() == null ? null : calendar.addWorkingTime(d.dueAt(), stopped, d.unitIdentifier());
    }

    /** The working time from the start of processing to now, which the dossier keeps when it ends. */
    private Duration workingTimeUntil(Dossier d, Instant now) {
        return nonNegative(calendar.workingTimeBetween(d.startedAt(), now, d.unitIdentifier()));
    }

    private static Duration nonNegative(Duration time) { return time.isNegative() ? Duration.ZERO : time; }

    /** The actions the caller may take on a dossier they may see, in its current status (as {@link #act} checks). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DossierAction> availableActions(String code) {
        AuthenticatedUser user = currentUser.require();
        Dossier d = visible(code);
        return java.util.Arrays.stream(DossierAction.values())
                .filter(a -> mayTake(user, a, d))
                .filter(a -> a.applicableTo(d.status()))
                .filter(a -> a != DossierAction.RESUME || (resumeStopped && d.resumable()))
                .toList();
    }

    /**
     * Whether stopping a dossier ends it here ({@code motcua.dossier.resume-stopped} off, the default): the stop
     * cannot be undone, and the dossier view asks for a confirmation first.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean stoppingEnds() {
        return !resumeStopped;
    }

    /**
     * Whether the user has one of the action's roles where it counts for this dossier: a civil servant's role in the
     * dossier's own unit, a citizen's for a dossier of their own.
     */
    private static boolean mayTake(AuthenticatedUser user, DossierAction action, Dossier d) {
        return action.roles().stream().filter(user::has).anyMatch(role -> role == Role.CITIZEN
                ? user.username().equals(d.ownerUsername())
                : user.unitId() != null && user.unitId() == d.unitId());
    }

    /**
     * Records the later date promised to the applicant with an apology (form 04), decided by the leader before the
     * due date; the statutory due date itself stays as it is, for the indicators.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void extend(String code, Instant newDue, String reason, String actor) {
        Dossier d = existing(code);
        if (newDue == null || (d.dueAt() != null && !newDue.isAfter(d.dueAt()))) {
            throw new InvalidInputException("newDueDate", messages.get("dossier.extension.notLater"));
        }
        d.extend(newDue, reason);
        dossiers.update(d);
        audit.append(d.id(), actor == null ? SystemAccess.USERNAME : actor, Channel.IN_PERSON.name(), "EXTENDED",
                d.status(), d.status(), reason);
        d.pullEvents().forEach(events::publishEvent);
    }

    // --- Called by the engine (workflow glue), which acts as the system on behalf of the user who moved the process.

    /** Links the dossier to its process instance. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void attachProcess(String code, String processInstanceId) {
        Dossier d = existing(code);
        d.attachProcess(processInstanceId);
        dossiers.update(d);
    }

    /** The step the dossier is waiting in, shown to everyone following it. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void recordCurrentStep(String code, String stepName) {
        Dossier d = existing(code);
        d.currentStep(stepName);
        dossiers.update(d);
    }

    /**
     * The fee was paid online and the payment service confirmed it (6 → 4): the system confirms the payment as the
     * desk would, with method {@code ONLINE} and the payment service's time; the clock runs again. The audit record
     * names the payment ({@code reference}). A dossier no longer waiting for its payment (the desk confirmed a cash
     * payment meanwhile, the applicant withdrew) is left as it is.
     *
     * @return true when the dossier was waiting for the payment and now runs again
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public boolean confirmOnlinePayment(String code, Instant paidAt, String reference) {
        Dossier d = existing(code);
        if (!DossierAction.CONFIRM_PAYMENT.applicableTo(d.status())) return false;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var stopped = stoppedUntil(d, now);
        d.confirmPayment(stopped, dueMovedBy(d, stopped), "ONLINE", paidAt == null ? now : paidAt.truncatedTo(ChronoUnit.MICROS));
        save(d, SystemAccess.USERNAME, Channel.ONLINE.name(), DossierAction.CONFIRM_PAYMENT.name(), reference);
        return true;
    }

    /** Processing starts (2 → 4). */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void startProcessing(String code, String actor) {
        Dossier d = existing(code);
        d.startProcessing();
        save(d, actor, "PROCESSING_STARTED");
    }

    /** The result is ready (4 → 9). */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void markProcessed(String code, String actor) {
        Dossier d = existing(code);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        d.markProcessed(now, workingTimeUntil(d, now));
        save(d, actor, "PROCESSED");
    }

    /** The result was returned to the applicant (9 → 10). */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void returnResult(String code, String actor) {
        Dossier d = existing(code);
        d.returnResultByProcess(clock.instant().truncatedTo(ChronoUnit.MICROS)); // nothing when the desk already did
        save(d, actor, "RESULT_RETURNED");
    }

    /**
     * The applicant rates the service of a dossier of theirs that has ended (1–5, 1–2 being negative), optionally
     * with a complaint; a new rating replaces the previous one. Used by indicator 5.4.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public void rate(String code, int score, boolean complaint, String comment) {
        rate(code, score, complaint, comment, List.of());
    }

    /**
     * As {@link #rate(String, int, boolean, String)}, with what went wrong: the {@link RatingCriterion} codes chosen
     * with a score of 1 to {@value RatingCriterion#MAX_SCORE} (400 naming {@code criteria} for an unknown code or with
     * a higher score).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public void rate(String code, int score, boolean complaint, String comment, List<String> criteria) {
        Dossier d = visible(code);
        if (d.finishedAt() == null) throw new BusinessRuleException("dossier.rating.notFinished", code);
        if (score < 1 || score > 5) throw new InvalidInputException("score", messages.get("dossier.rating.score"));
        var chosen = ratingCriteria(criteria, score, messages);
        textProblem("comment", comment, true).ifPresent(v -> { throw new InvalidInputException(List.of(v)); });
        String text = comment == null || comment.isBlank() ? null : PlainText.normalize(comment, true);
        if (text != null && text.length() > 2000) throw new InvalidInputException("comment", messages.get("error.field.tooLong", 2000));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        dossiers.rate(d.id(), score, complaint, text, RatingCriterion.stored(chosen), now);
        audit.append(d.id(), currentUser.require().username(), Channel.ONLINE.name(), "RATED", d.status(), d.status(),
                "score " + score + (complaint ? ", complaint" : "") + (chosen.isEmpty() ? "" : ", " + RatingCriterion.stored(chosen)));
    }

    /** The criteria of a rating, checked: known codes, only with a low score; 400 naming {@code criteria} otherwise. */
    static java.util.Set<RatingCriterion> ratingCriteria(List<String> codes, int score, Messages messages) {
        var unknown = new java.util.ArrayList<String>();
        var chosen = RatingCriterion.read(codes, score, unknown);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("criteria", messages.get("dossier.rating.criteria.unknown", String.join(", ", unknown),
                    java.util.Arrays.stream(RatingCriterion.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "))));
        }
        if (!chosen.isEmpty() && score > RatingCriterion.MAX_SCORE) {
            throw new InvalidInputException("criteria", messages.get("dossier.rating.criteria.lowOnly", RatingCriterion.MAX_SCORE));
        }
        return chosen;
    }

    /** What went wrong, as the applicant chose it when rating a dossier the caller may see (empty when nothing). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Set<RatingCriterion> ratingCriteria(String code) {
        return dossiers.ratingCriteria(visible(code).id());
    }

    /** The audit actions of feedback about a dossier (vn.motcua.feedback). */
    private static final Set<String> FEEDBACK_ACTIONS = Set.of("FEEDBACK_RECEIVED", "FEEDBACK_ANSWERED",
            "FEEDBACK_JUDGED");

    /**
     * Records in the dossier's audit trail that feedback about it was received or answered, or its answer rated by its
     * sender (vn.motcua.feedback): the action ({@code FEEDBACK_RECEIVED}, {@code FEEDBACK_ANSWERED},
     * {@code FEEDBACK_JUDGED}), who, and the feedback's reference number, never its text (the applicant reads the
     * timeline). The status does not change.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void recordFeedback(String code, String actor, String action, String reference) {
        if (!FEEDBACK_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("not a feedback action: " + action);
        }
        Dossier d = existing(code);
        dossiers.lock(d.id());
        audit.append(d.id(), actor, Channel.ONLINE.name(), action, d.status(), d.status(), reference);
    }

    /** A change the process made, on behalf of {@code actor} (the system when null), through the dossier's channel. */
    private void save(Dossier d, String actor, String action) {
        save(d, actor == null ? SystemAccess.USERNAME : actor, d.channel().name(), action, null);
    }

    /**
     * Stores what the dossier registered: the dossier itself, one audit record of its status change, and then, in
     * the order the dossier registered them, exactly its events. A dossier that registered nothing is left as it is.
     */
    private void save(Dossier d, String actor, String channel, String action, String detail) {
        List<Object> happened = d.pullEvents();
        if (happened.isEmpty()) return;
        var change = happened.stream().filter(DossierEvents.DossierStatusChanged.class::isInstance)
                .map(DossierEvents.DossierStatusChanged.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("a dossier's change without its status change"));
        dossiers.update(d);
        audit.append(d.id(), actor, channel, action, change.from(), change.to(), detail);
        happened.forEach(events::publishEvent);
    }

    private String paymentMethod(String method) {
        if (method == null || method.isBlank()) return "CASH";
        String m = method.trim().toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("ONLINE", "CASH", "BANK_TRANSFER").contains(m)) {
            throw new InvalidInputException("paymentMethod", messages.get("error.field.oneOf", "paymentMethod", "[ONLINE, CASH, BANK_TRANSFER]"));
        }
        return m;
    }

    /** The longest reason for receiving without required components. */
    public static final int MAX_MISSING_REASON = 1000;

    /** The audit action of a dossier received or accepted although required components were missing. */
    static final String COMPONENTS_MISSING = "COMPONENTS_MISSING";

    /**
     * The component codes asked to be checked on paper, trimmed and without repeats: only the desk checks papers,
     * and each must be a component of the procedure. Null when they cannot be used (a violation says why).
     */
    private List<String> checkedComponents(List<String> codes, Procedure procedure, boolean citizen,
                                           List<InvalidInputException.Violation> violations) {
        var result = new java.util.LinkedHashSet<String>();
        for (String c : codes) {
            if (c != null && !c.isBlank()) result.add(c.trim());
        }
        if (result.isEmpty()) return List.of();
        if (citizen) {
            violations.add(violation("checkedComponents", "dossier.components.citizenChecks"));
            return null;
        }
        if (procedure == null) return null;
        var known = procedure.components().stream().map(DossierComponent::code).toList();
        var unknown = result.stream().filter(c -> !known.contains(c)).map(PlainText::oneLine).toList();
        if (!unknown.isEmpty()) {
            violations.add(violation("checkedComponents", "dossier.components.unknown", String.join(", ", unknown), procedure.code()));
            return null;
        }
        return List.copyOf(result);
    }

    /** The reason for receiving without required components, normalised (null when none is given). */
    private String missingComponentsReason(String reason, List<InvalidInputException.Violation> violations) {
        var problem = textProblem("missingComponentsReason", reason, true);
        if (problem.isPresent()) {
            violations.add(problem.get());
            return null;
        }
        String why = reason == null || reason.isBlank() ? null : PlainText.normalize(reason, true);
        // at most 1000 characters, so that the audit record (the missing codes and the reason) fits its 2000
        if (why != null && why.length() > MAX_MISSING_REASON) {
            violations.add(violation("missingComponentsReason", "error.field.tooLong", MAX_MISSING_REASON));
            return null;
        }
        return why;
    }

    /** The components of a stored dossier handed in: checked on paper at its receipt, or filled by its files. */
    private java.util.Set<String> handedIn(Dossier d) {
        var result = new java.util.HashSet<String>();
        dossiers.checkedComponents(d.id()).forEach(c -> result.add(c.componentCode()));
        componentFiles.forEach(f -> result.addAll(f.filedComponents(d.code())));
        return result;
    }

    private static List<DossierComponent> missingComponents(Procedure procedure, java.util.Set<String> handedIn) {
        return procedure.components().stream().filter(DossierComponent::required).filter(c -> !handedIn.contains(c.code())).toList();
    }

    /** The names of components in the user's language, separated by semicolons. */
    private static String names(List<DossierComponent> components) {
        return String.join("; ", components.stream().map(c -> c.name().in(Messages.locale())).toList());
    }

    /** The audit record's detail: the missing components' codes and the desk's reason. */
    private static String missingDetail(List<DossierComponent> missing, String reason) {
        return String.join(", ", missing.stream().map(DossierComponent::code).toList()) + ": " + reason;
    }

    private Dossier existing(String code) {
        return dossiers.findByCode(code).orElseThrow(() -> new NotFoundException("dossier.notFound", code));
    }

    private Dossier visible(String code) {
        var user = currentUser.get();
        var dossier = code == null ? null : dossiers.findByCode(code).orElse(null);
        boolean allowed = dossier != null && (currentUser.isSystem()
                || user.map(u -> DossierScope.of(u).includes(dossier)
                        || workAccess.stream().anyMatch(w -> w.worksOn(u, dossier.code()))).orElse(false));
        if (!allowed) throw new NotFoundException("dossier.notFound", code);
        return dossier;
    }

    /**
     * The commune the applicant lives in, when given (field {@code applicant.residence}): a commune, ward or special
     * zone of the receiving unit's province. One merged since is recorded as the commune that carries it on (identity
     * cards keep the old address). The desk receives regardless of it (Decree 118/2025/ND-CP); null when not given.
     */
    private Unit residence(Applicant applicant, Unit receiving, List<InvalidInputException.Violation> violations) {
        String identifier = applicant == null || applicant.residence() == null || applicant.residence().isBlank()
                ? null : applicant.residence().trim();
        if (identifier == null) return null;
        Unit given = organisation.unitByIdentifier(identifier).orElse(null);
        if (given == null) {
            violations.add(violation(RESIDENCE, "dossier.residence.unknown", identifier));
            return null;
        }
        Unit current = organisation.carriedOnBy(given).orElse(null);
        String refused = residenceRefused(given, current, receiving);
        if (refused != null) {
            violations.add(violation(RESIDENCE, refused, (refused.endsWith("otherProvince") ? current : given).name()));
            return null;
        }
        return current;
    }

    /**
     * Why a commune of residence is refused (a message key), or null when it is accepted.
     *
     * @param given     the unit given as the applicant's commune
     * @param current   the open unit that carries it on (itself while open), null when none does
     * @param receiving the receiving unit (null when unknown yet)
     */
    static String residenceRefused(Unit given, Unit current, Unit receiving) {
        if (!given.kind().communeGovernment()) return "dossier.residence.notCommune";
        if (current == null || !current.kind().communeGovernment()) return "dossier.residence.closed";
        // a central vertical agency's tree is its own: it receives for people of the province it serves
        if (receiving != null && !receiving.kind().central() && current.rootId() != receiving.rootId()) {
            return "dossier.residence.otherProvince";
        }
        return null;
    }

    private static final String RESIDENCE = "applicant.residence";

    private Unit receivingUnitOfCitizen(String identifier, List<InvalidInputException.Violation> violations) {
        if (identifier == null || identifier.isBlank()) {
            violations.add(violation("unit", "error.field.required"));
            return null;
        }
        var unit = organisation.unitByIdentifier(identifier.trim()).orElse(null);
        if (unit == null) {
            violations.add(violation("unit", "dossier.unit.unknown"));
            return null;
        }
        // A unit merged into another: its successor receives what is sent to it
        var receiving = organisation.carriedOnBy(unit).orElse(null);
        if (receiving == null) violations.add(violation("unit", "dossier.unit.closed", unit.identifier()));
        return receiving == null ? unit : receiving;
    }

    /**
     * A citizen signed in by the e-identity provider submits as the person it vouched for: the verified name and
     * identity number fill the applicant's when left blank, and another name or number is refused (naming the field).
     * A local citizen account has no verified identity: the applicant is as given.
     */
    private ReceiveDossier verifiedApplicant(ReceiveDossier request, AuthenticatedUser user,
                                             List<InvalidInputException.Violation> violations) {
        var verified = identities.of(user.username()).orElse(null);
        if (verified == null) return request;
        Applicant a = request.applicant() == null ? new Applicant(null, null, null, null, null) : request.applicant();
        String name = a.fullName() == null || a.fullName().isBlank() ? verified.fullName() : a.fullName().strip();
        String number = a.idNumber() == null || a.idNumber().isBlank() ? verified.identityNumber() : a.idNumber().strip();
        if (!vn.motcua.shared.PlainText.normalize(name, false).equals(verified.fullName())) {
            violations.add(violation("applicant.fullName", "dossier.applicant.verifiedName", verified.fullName()));
        }
        if (!number.equals(verified.identityNumber())) {
            violations.add(violation("applicant.idNumber", "dossier.applicant.verifiedNumber"));
        }
        return new ReceiveDossier(request.procedureCode(), request.channel(),
                new Applicant(verified.fullName(), verified.identityNumber(), a.phone(), a.email(), a.address(), a.residence()),
                request.data(), request.unitIdentifier(), request.stagedFiles(), request.checkedComponents(),
                request.missingComponentsReason());
    }

    private void validateApplicant(Applicant a, List<InvalidInputException.Violation> violations) {
        if (a == null) {
            violations.add(violation("applicant", "error.field.required"));
            return;
        }
        var unprintable = new ArrayList<InvalidInputException.Violation>();
        textProblem("applicant.fullName", a.fullName(), false).ifPresent(unprintable::add);
        textProblem("applicant.idNumber", a.idNumber(), false).ifPresent(unprintable::add);
        textProblem("applicant.phone", a.phone(), false).ifPresent(unprintable::add);
        textProblem("applicant.email", a.email(), false).ifPresent(unprintable::add);
        textProblem("applicant.address", a.address(), false).ifPresent(unprintable::add);
        violations.addAll(unprintable);
        java.util.function.Predicate<String> checked = field -> unprintable.stream().noneMatch(v -> v.field().equals(field));
        if (a.fullName() == null || a.fullName().isBlank()) violations.add(violation("applicant.fullName", "error.field.required"));
        else if (checked.test("applicant.fullName") && PlainText.normalize(a.fullName(), false).length() > 255) {
            violations.add(violation("applicant.fullName", "error.field.tooLong", 255));
        }
        if (checked.test("applicant.idNumber") && blankToNull(a.idNumber()) != null && !ID_NUMBER.matcher(a.idNumber().trim()).matches()) {
            violations.add(violation("applicant.idNumber", "dossier.applicant.idNumber.invalid"));
        }
        if (checked.test("applicant.phone") && blankToNull(a.phone()) != null && !PHONE.matcher(normalisePhone(a.phone())).matches()) {
            violations.add(violation("applicant.phone", "dossier.applicant.phone.invalid"));
        }
        if (checked.test("applicant.email") && blankToNull(a.email()) != null
                && (a.email().length() > 255 || !EMAIL.matcher(a.email().trim()).matches())) {
            violations.add(violation("applicant.email", "dossier.applicant.email.invalid"));
        }
        if (checked.test("applicant.address") && a.address() != null && PlainText.normalize(a.address(), false).length() > 500) {
            violations.add(violation("applicant.address", "error.field.tooLong", 500));
        }
    }

    /** A text that would be stored or printed with control characters (or a line break in a single-line field). */
    private java.util.Optional<InvalidInputException.Violation> textProblem(String field, String text, boolean multiLine) {
        var problem = PlainText.problem(text, multiLine);
        if (problem == null) return java.util.Optional.empty();
        return java.util.Optional.of(violation(field, problem == PlainText.Problem.LINE_BREAK
                ? "error.field.singleLine" : "error.field.control", field));
    }

    private static Applicant trimmed(Applicant a) {
        return new Applicant(PlainText.normalize(a.fullName(), false), blankToNull(a.idNumber()),
                a.phone() == null || a.phone().isBlank() ? null : normalisePhone(a.phone()),
                blankToNull(a.email()), blankToNull(a.address()));
    }

    private static String normalisePhone(String phone) { return phone.replaceAll("[\\s.()-]", ""); }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : PlainText.normalize(s, false); }

    private InvalidInputException.Violation violation(String field, String key, Object... args) {
        return new InvalidInputException.Violation(field, messages.get(key, args));
    }
}
