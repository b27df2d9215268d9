package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.forms.StepRecord;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UserAccount;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.PlainText;

/**
 * The work on a dossier as its case file shows it: each completed step with who did it, in which unit, what they
 * decided and why (read from the step's form by {@link StepRecord}), and the staff's internal notes. What a caller may
 * read is what {@link DossierService#get} lets them see; notes are for civil servants, supervisors and administrators,
 * never for the applicant.
 */
@Service
public class DossierWork {
    /** The longest note. */
    public static final int MAX_NOTE = 4000;

    /** Someone who did something: login name (for other systems) and full name (for people). */
    public record Person(String username, String fullName) { }

    /** A unit: electronic identifier (for other systems) and name (for people). */
    public record UnitName(String identifier, String name) { }

    /**
     * One completed step as the case file shows it.
     *
     * @param stepKey  the step's id in the process model (its BPMN user task)
     * @param unit     the unit of whoever completed it, null for a user without one
     * @param decision what the step decided ({@link StepRecord}), null when its form records none
     * @param opinion  why, null when its form records none
     */
    public record CompletedStep(String name, String stepKey, Person by, UnitName unit, Instant completedAt,
                                String decision, String opinion) { }

    /** An internal note. */
    public record Note(long id, String text, Person by, Instant at) { }

    private final DossierService dossiers;
    private final OrganisationService organisation;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;

    DossierWork(DossierService dossiers, OrganisationService organisation, ProcedureCatalogue catalogue,
                CurrentUser currentUser, AuditTrail audit, JdbcClient jdbc, Messages messages, Clock clock) {
        this.dossiers = dossiers;
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The completed steps of a dossier the caller may see, in the order they were completed, with the names of the
     * people and units (in the caller's language where a unit has an English name) and each step's decision and
     * opinion. The staff's work, not the applicant's (403): the applicant reads their history of statuses.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<CompletedStep> steps(String code, Locale locale) {
        Dossier dossier = dossiers.get(code);
        var people = new Names(locale);
        List<CompletedStep> result = new ArrayList<>();
        for (DossierStep step : dossiers.steps(code)) {
            StepRecord record = catalogue.stepForm(dossier.procedureCode(), step.stepKey())
                    .map(form -> StepRecord.of(form, step.data(), locale)).orElse(StepRecord.NONE);
            result.add(new CompletedStep(step.stepName(), step.stepKey(), people.person(step.actor()),
                    people.unitOf(step.actor()), step.completedAt(), record.decision(), record.opinion()));
        }
        return result;
    }

    /**
     * Where a dossier's applicant lives, as people read it.
     *
     * @param name the commune, ward or special zone's name
     * @param away true when a commune, ward or special zone other than the applicant's received the dossier (Decree
     *             118/2025/ND-CP lets any desk of the province receive)
     */
    public record Residence(String name, boolean away) { }

    /** Where the dossier's applicant lives; empty when it was not recorded. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<Residence> residence(Dossier dossier, Locale locale) {
        String identifier = dossier.applicant().residence();
        if (identifier == null) return java.util.Optional.empty();
        boolean communeReceived = organisation.unit(dossier.unitId()).map(u -> u.kind().communeGovernment()).orElse(false);
        return organisation.unitByIdentifier(identifier).map(r -> new Residence(r.placeName(locale),
                communeReceived && !identifier.equals(dossier.unitIdentifier())));
    }

    /** The name of a dossier's unit as people read it (in English where it has one and the caller reads English). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String unitName(Dossier dossier, Locale locale) {
        return organisation.unit(dossier.unitId()).map(u -> u.displayName(locale)).orElse(dossier.unitIdentifier());
    }

    /** Full names of the people of a dossier's audit trail, by login name (the system's own records keep theirs). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, String> fullNames(String code) {
        var people = new Names(Messages.locale());
        Map<String, String> names = new HashMap<>();
        for (AuditEntry e : dossiers.history(code)) {
            if (e.actor() != null) names.computeIfAbsent(e.actor(), a -> people.person(a).fullName());
        }
        return names;
    }

    /** The internal notes of a dossier the caller may see, oldest first; for staff only (403 for the applicant). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<Note> notes(String code) {
        Dossier dossier = dossiers.get(code);
        var people = new Names(Messages.locale());
        return jdbc.sql("select id, author, created_at, body from dossier_note where dossier_id = ? order by id")
                .param(dossier.id())
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("body"), people.person(rs.getString("author")),
                        DossierRepository.instant(rs, "created_at")))
                .list();
    }

    /**
     * Adds an internal note to a dossier the caller may see: multi-line plain text (control characters refused, NFC,
     * line feeds), 1 to {@value #MAX_NOTE} characters, 400 naming {@code text} otherwise. The dossier's timeline
     * records that a note was added and by whom, never its text (the applicant reads the timeline).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public Note addNote(String code, String text) {
        Dossier dossier = dossiers.get(code);
        var problem = PlainText.problem(text, true);
        if (problem != null) throw new InvalidInputException("text", messages.get("error.field.control", "text"));
        String body = text == null ? "" : PlainText.normalize(text, true);
        if (body.isEmpty()) throw new InvalidInputException("text", messages.get("error.field.required"));
        if (body.length() > MAX_NOTE) throw new InvalidInputException("text", messages.get("error.field.tooLong", MAX_NOTE));
        AuthenticatedUser user = currentUser.require();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Lock the dossier row first: appends to one dossier's audit trail are serialised by it
        jdbc.sql("select id from dossier where id = ? for update").param(dossier.id()).query(Long.class).single();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into dossier_note (dossier_id, author, created_at, body) values (?, ?, ?, ?)")
                .params(dossier.id(), user.username(), DossierRepository.utc(now), body)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.append(dossier.id(), user.username(), Channel.IN_PERSON.name(), "NOTE_ADDED", dossier.status(),
                dossier.status(), null);
        return new Note(id, body, new Person(user.username(), user.fullName()), now);
    }

    /** Looks people and units up once per call. */
    private final class Names {
        private final Locale locale;
        private final Map<String, Optional<UserAccount>> users = new HashMap<>();
        private final Map<Long, Optional<Unit>> units = new HashMap<>();

        Names(Locale locale) { this.locale = locale; }

        Person person(String username) {
            var account = user(username);
            String fullName = account.map(UserAccount::fullName).filter(n -> !n.isBlank())
                    .orElseGet(() -> vn.motcua.security.SystemAccess.USERNAME.equals(username)
                            ? messages.get(locale, "dossier.actor.system") : username);
            return new Person(username, fullName);
        }

        UnitName unitOf(String username) {
            return user(username).map(UserAccount::unitId)
                    .flatMap(id -> units.computeIfAbsent(id, organisation::unit))
                    .map(u -> new UnitName(u.identifier(), u.displayName(locale)))
                    .orElse(null);
        }

        private Optional<UserAccount> user(String username) {
            return username == null ? Optional.empty() : users.computeIfAbsent(username, organisation::user);
        }
    }
}
