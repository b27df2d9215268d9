package vn.motcua.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.motcua.organisation.internal.AdminLogRepository;
import vn.motcua.organisation.internal.TableFile;
import vn.motcua.organisation.internal.UnitRepository;
import vn.motcua.organisation.internal.UserRepository;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;

/**
 * How administrators set the organisation up without SQL: the tree of units (create, change, move, close, delete
 * while unused, import a list) and the users (create, change, disable, reset a password, import a list). Every change
 * is checked as a whole before anything is written (bad input changes nothing), published to the engine's identity at
 * once, and written to the administrators' log in the same transaction.
 */
@Service
public class OrganisationAdministration {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern PHONE = Pattern.compile("^(\\+84|0)\\d{9,10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String ADMIN_OR_SYSTEM = "hasRole('ADMIN') or hasRole('SYSTEM')";

    /** The columns of a unit list, with the names the national catalogue and administrators give them. */
    static final Map<String, List<String>> UNIT_COLUMNS = columns(
            "identifier", List.of("Mã định danh", "identifier", "Mã định danh đơn vị", "Mã đơn vị", "Mã cơ quan"),
            "name", List.of("Tên đơn vị", "name", "Tên cơ quan, đơn vị", "Tên cơ quan", "Tên"),
            "nameEn", List.of("Tên tiếng Anh", "nameEn", "English name"),
            "level", List.of("Cấp", "level", "Cấp đơn vị", "Cấp hành chính"),
            "kind", List.of("Loại", "kind", "Loại đơn vị", "Loại hình"),
            "parent", List.of("Mã định danh cấp trên", "parent", "Đơn vị cấp trên", "Mã cấp trên", "Mã đơn vị cấp trên",
                    "Mã định danh đơn vị cấp trên", "Mã cơ quan cấp trên"));
    /** The columns of a user list. */
    static final Map<String, List<String>> USER_COLUMNS = columns(
            "username", List.of("Tên đăng nhập", "username", "Tài khoản"),
            "fullName", List.of("Họ và tên", "fullName", "Họ tên", "Full name"),
            "email", List.of("Email", "Thư điện tử"),
            "phone", List.of("Số điện thoại", "phone", "Điện thoại"),
            "unit", List.of("Mã định danh đơn vị", "unit", "Đơn vị", "Mã đơn vị"),
            "roles", List.of("Vai trò", "roles", "role"),
            "password", List.of("Mật khẩu", "password"),
            "otherUnits", List.of("Đơn vị kiêm nhiệm", "otherUnits", "Mã định danh đơn vị kiêm nhiệm", "Kiêm nhiệm"));

    private final UnitRepository units;
    private final UserRepository users;
    private final AdminLogRepository log;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;

    OrganisationAdministration(UnitRepository units, UserRepository users, AdminLogRepository log,
                               PasswordEncoder passwordEncoder, PasswordPolicy policy, ApplicationEventPublisher events,
                               Messages messages, Clock clock) {
        this.units = units;
        this.users = users;
        this.log = log;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // --- Units

    /** Every unit, open and closed, in tree order. */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional(readOnly = true)
    public List<Unit> units() { return units.findAll(); }

    /** A unit by its identifier; 404 when there is none. */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional(readOnly = true)
    public Unit unit(String identifier) { return existingUnit(identifier); }

    /**
     * Creates a unit. Refuses (400, naming each field) a malformed or taken identifier, a missing name or level, a
     * kind that does not fit the level, an unknown or closed parent, a level above the parent's, or an identifier
     * outside the parent's province code (central vertical agencies keep their own codes).
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public Unit createUnit(UnitForm form) {
        var checked = checkUnit(form, null);
        Unit created = units.insert(checked.identifier(), checked.name(), checked.nameEn(), checked.level(), checked.kind(),
                checked.parent());
        events.publishEvent(new AdministrativeChange("UNIT_CREATED", created.identifier(),
                created.name() + " (" + created.level() + ", " + created.kind()
                        + (checked.parent() == null ? "" : ", under " + checked.parent().identifier()) + ")"));
        return created;
    }

    /**
     * Changes a unit's names, level, kind or parent (moving it with everything below); its identifier never changes
     * (dossier codes carry it).
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public Unit updateUnit(String identifier, UnitForm form) {
        Unit unit = existingUnit(identifier);
        var checked = checkUnit(form, unit);
        String changes = unitChanges(unit, checked);
        if (changes.isEmpty()) return unit;
        Unit updated = units.update(unit, checked.name(), checked.nameEn(), checked.level(), checked.kind(), checked.parent());
        events.publishEvent(new AdministrativeChange("UNIT_CHANGED", identifier, changes));
        return updated;
    }

    /**
     * Deletes a unit nothing refers to. A unit with units below, users, dossiers or any other record is kept: it can
     * only be closed (409).
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public void deleteUnit(String identifier) {
        Unit unit = existingUnit(identifier);
        if (units.countChildren(unit.id()) > 0) throw new BusinessRuleException("organisation.unit.delete.children", identifier);
        if (units.countUsers(unit.id()) > 0) throw new BusinessRuleException("organisation.unit.delete.users", identifier);
        try {
            units.delete(unit.id());
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("organisation.unit.delete.inUse", identifier);
        }
        events.publishEvent(new AdministrativeChange("UNIT_DELETED", identifier, unit.name()));
    }

    /**
     * Closes a unit from today, or from a day already past that it stopped working: it receives no new dossiers and no unit can be created below it;
     * its dossiers, codes and past reports stay. Refused while a unit below it is still open.
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public Unit closeUnit(String identifier, LocalDate on) {
        Unit unit = existingUnit(identifier);
        if (!unit.active()) throw new BusinessRuleException("organisation.unit.close.already", identifier);
        if (units.countOpenBelow(unit) > 0) throw new BusinessRuleException("organisation.unit.close.openChildren", identifier);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) throw new InvalidInputException("closedOn", messages.get("organisation.unit.close.future"));
        units.close(unit.id(), day);
        events.publishEvent(new AdministrativeChange("UNIT_CLOSED", identifier, "from " + day));
        return existingUnit(identifier);
    }

    /**
     * Merges a unit into a successor from a day (today or already past): the unit closes on that day with a link to
     * its successor, which receives from then on what was sent to it (online submissions addressed to it go to the
     * successor); its people move to the successor; its open dossiers move with their open steps, deadlines and
     * processes to the successor, keeping their codes; nothing recorded is rewritten (audit trails only gain an entry,
     * ended dossiers stay with the unit). Refused (409) for a closed unit or successor, a successor below the unit,
     * or a unit with open units below it or a merge already planned; 400 for the unit itself as successor. A day to
     * come plans the merge instead ({@link UnitMergeReport#scheduled()}, nothing moves now): on that day
     * {@link ScheduledMerges} carries it out as if entered then, at most five years ahead.
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public UnitMergeReport mergeUnit(String identifier, String successorIdentifier, LocalDate effectiveOn) {
        Unit unit = existingUnit(identifier);
        if (successorIdentifier == null || successorIdentifier.isBlank()) {
            throw new InvalidInputException("successor", messages.get("error.field.required"));
        }
        Unit successor = units.findByIdentifier(successorIdentifier.trim()).orElseThrow(() ->
                new InvalidInputException("successor", messages.get("organisation.unit.notFound", successorIdentifier.trim())));
        if (successor.id() == unit.id()) throw new InvalidInputException("successor", messages.get("organisation.unit.merge.self"));
        if (!unit.active()) throw new BusinessRuleException("organisation.unit.close.already", identifier);
        if (!successor.active()) throw new BusinessRuleException("organisation.unit.merge.successorClosed", successor.identifier());
        if (unit.contains(successor)) throw new BusinessRuleException("organisation.unit.merge.below", successor.identifier(), identifier);
        if (units.countOpenBelow(unit) > 0) throw new BusinessRuleException("organisation.unit.close.openChildren", identifier);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        LocalDate day = effectiveOn == null ? today : effectiveOn;
        var pending = units.pendingMerge(unit.id());
        if (pending.isPresent()) {
            throw new BusinessRuleException("organisation.unit.merge.alreadyScheduled", identifier,
                    Formats.date(pending.get().effectiveOn()));
        }
        if (day.isAfter(today)) {
            if (day.isAfter(today.plusYears(5))) {
                throw new InvalidInputException("effectiveDate", messages.get("organisation.unit.merge.tooFar"));
            }
            units.scheduleMerge(unit.id(), successor.id(), day, actor(), clock.instant());
            events.publishEvent(new AdministrativeChange("UNIT_MERGE_SCHEDULED", identifier, "→ " + successor.identifier() + " from " + day));
            return new UnitMergeReport(identifier, successor.identifier(), day, List.of(), Map.of(), true);
        }

        units.closeInto(unit.id(), successor.id(), day);
        List<String> people = units.moveUsers(unit.id(), successor.id());
        people.forEach(username -> events.publishEvent(new UserSaved(username)));
        var moved = new java.util.TreeMap<String, Integer>();
        moved.put("users", people.size());
        events.publishEvent(new UnitsMerged(existingUnit(identifier), successor, day, moved));
        var report = new UnitMergeReport(identifier, successor.identifier(), day, people, moved, false);
        String summary = moved.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        units.recordMerge(unit.id(), successor.id(), day, clock.instant(), actor(),
                summary.length() > 4000 ? summary.substring(0, 4000) : summary);
        events.publishEvent(new AdministrativeChange("UNIT_MERGED", identifier, "→ " + successor.identifier() + " from " + day + ": " + summary));
        return report;
    }

    /** The merges planned for a day to come, with what became of them, the latest day first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ScheduledMerge> scheduledMerges() {
        return units.scheduledMerges().stream().map(r -> new ScheduledMerge(r.unit(), r.successor(),
                r.effectiveOn(), r.scheduledBy(), r.scheduledAt(), r.state(), r.outcome(), r.doneAt())).toList();
    }

    /** Cancels a unit's merge planned for a day to come (404 when it has none). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void cancelScheduledMerge(String identifier) {
        Unit unit = existingUnit(identifier);
        var pending = units.pendingMerge(unit.id())
                .orElseThrow(() -> new NotFoundException("organisation.unit.merge.noneScheduled", identifier));
        units.endScheduledMerge(pending.id(), "CANCELLED", null, clock.instant());
        events.publishEvent(new AdministrativeChange("UNIT_MERGE_CANCELLED", identifier,
                "→ " + pending.successor() + " from " + pending.effectiveOn()));
    }

    private static String actor() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    /** Opens a closed unit again (its parent must be open). */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public Unit reopenUnit(String identifier) {
        Unit unit = existingUnit(identifier);
        if (unit.active()) return unit;
        if (unit.parentId() != null && !units.findById(unit.parentId()).map(Unit::active).orElse(true)) {
            throw new BusinessRuleException("organisation.unit.reopen.parentClosed", identifier);
        }
        units.reopen(unit.id());
        events.publishEvent(new AdministrativeChange("UNIT_REOPENED", identifier, null));
        return existingUnit(identifier);
    }

    /**
     * Imports a unit list (CSV or XLSX with the national catalogue's columns: identifier, name, English name, level,
     * kind, parent's identifier): each row creates a unit, changes one, leaves it as it is or is refused with its
     * reasons; a row may name as parent a unit of an earlier or later row. Importing the same file twice changes
     * nothing. With {@code dryRun} nothing is kept: the report says what would happen.
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public ImportReport importUnits(String filename, byte[] content, boolean dryRun) {
        var lines = TableFile.read(filename, content, UNIT_COLUMNS, messages::get);
        var outcomes = new ArrayList<ImportReport.Row>();
        var pending = new ArrayList<>(lines);
        var refused = new LinkedHashMap<TableFile.Line, String>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                var line = it.next();
                String parent = line.get("parent");
                if (parent != null && units.findByIdentifier(parent).isEmpty()
                        && pending.stream().anyMatch(other -> other != line && parent.equals(other.get("identifier")))) {
                    continue; // its parent comes from a later row
                }
                it.remove();
                progress = true;
                outcomes.add(importUnit(line));
            }
        }
        for (var line : pending) refused.put(line, messages.get("organisation.unit.parent.cycle"));
        refused.forEach((line, why) -> outcomes.add(new ImportReport.Row(line.number(), line.get("identifier"),
                ImportReport.Outcome.REFUSED, why)));
        var report = ImportReport.of(outcomes, dryRun);
        if (dryRun) TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        else events.publishEvent(new AdministrativeChange("UNITS_IMPORTED", filename, report.summary()));
        return report;
    }

    private ImportReport.Row importUnit(TableFile.Line line) {
        String identifier = line.get("identifier");
        try {
            var existing = identifier == null ? Optional.<Unit>empty() : units.findByIdentifier(identifier);
            // a column the file does not have keeps what the unit has
            var form = new UnitForm(identifier,
                    given(line, "name", existing.map(Unit::name).orElse(null)),
                    given(line, "nameEn", existing.map(Unit::nameEn).orElse(null)),
                    line.cells().containsKey("level") ? parseLevel(line.get("level")) : existing.map(Unit::level).orElse(null),
                    line.cells().containsKey("kind") ? parseKind(line.get("kind")) : existing.map(Unit::kind).orElse(null),
                    line.cells().containsKey("parent") ? line.get("parent")
                            : existing.flatMap(u -> u.parentId() == null ? Optional.empty() : units.findById(u.parentId())).map(Unit::identifier).orElse(null));
            if (existing.isPresent()) {
                var checked = checkUnit(form, existing.get());
                String changes = unitChanges(existing.get(), checked);
                if (changes.isEmpty()) return new ImportReport.Row(line.number(), identifier, ImportReport.Outcome.UNCHANGED, null);
                updateUnit(identifier, form);
                return new ImportReport.Row(line.number(), identifier, ImportReport.Outcome.CHANGED, changes);
            }
            createUnit(form);
            return new ImportReport.Row(line.number(), identifier, ImportReport.Outcome.CREATED, null);
        } catch (InvalidInputException e) {
            return new ImportReport.Row(line.number(), identifier, ImportReport.Outcome.REFUSED, reasons(e));
        } catch (BusinessRuleException e) {
            return new ImportReport.Row(line.number(), identifier, ImportReport.Outcome.REFUSED, messages.get(e.messageKey(), e.args()));
        }
    }

    private static String given(TableFile.Line line, String column, String otherwise) {
        return line.cells().containsKey(column) ? line.get(column) : otherwise;
    }

    private UnitLevel parseLevel(String value) {
        if (value == null) return null;
        String folded = TableFile.fold(value);
        for (UnitLevel level : UnitLevel.values()) {
            if (folded.equals(TableFile.fold(level.name()))
                    || folded.equals(TableFile.fold(messages.get(Messages.VIETNAMESE, "unitLevel." + level.name())))
                    || folded.equals(TableFile.fold(messages.get(Locale.ENGLISH, "unitLevel." + level.name())))) {
                return level;
            }
        }
        return switch (folded) {
            case "tinh", "province" -> UnitLevel.PROVINCE;
            case "huyen", "district" -> UnitLevel.DISTRICT;
            case "xa", "commune" -> UnitLevel.COMMUNE;
            default -> throw new InvalidInputException("level", messages.get("organisation.unit.level.unknown", value));
        };
    }

    private UnitKind parseKind(String value) {
        if (value == null) return null;
        String folded = TableFile.fold(value);
        for (UnitKind kind : UnitKind.values()) {
            if (folded.equals(TableFile.fold(kind.name()))
                    || folded.equals(TableFile.fold(messages.get(Messages.VIETNAMESE, kind.messageKey())))
                    || folded.equals(TableFile.fold(messages.get(Locale.ENGLISH, kind.messageKey())))) {
                return kind;
            }
        }
        return switch (folded) {
            case "ubnd", "uybannhandan" -> UnitKind.PEOPLES_COMMITTEE;
            case "so", "songanh", "department" -> UnitKind.DEPARTMENT;
            case "trungtamphucvuhanhchinhcong", "ttphcc" -> UnitKind.SERVICE_CENTRE;
            case "chinhanh" -> UnitKind.SERVICE_CENTRE_BRANCH;
            case "xa" -> UnitKind.COMMUNE;
            case "phuong" -> UnitKind.WARD;
            case "dackhu" -> UnitKind.SPECIAL_ZONE;
            case "congan" -> UnitKind.POLICE;
            case "thue", "coquanthue" -> UnitKind.TAX;
            case "bhxh", "baohiemxahoi" -> UnitKind.SOCIAL_INSURANCE;
            default -> throw new InvalidInputException("kind", messages.get("organisation.unit.kind.unknown", value));
        };
    }

    /** A unit form that passed every check, normalised, with its parent found. */
    private record CheckedUnit(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, Unit parent) { }

    private CheckedUnit checkUnit(UnitForm form, Unit existing) {
        var violations = new ArrayList<InvalidInputException.Violation>();
        String identifier = existing != null ? existing.identifier() : trim(form.identifier());
        if (existing != null && form.identifier() != null && !form.identifier().isBlank()
                && !form.identifier().strip().equals(existing.identifier())) {
            violations.add(violation("identifier", "organisation.unit.identifier.immutable"));
        } else if (existing == null) {
            if (identifier == null) violations.add(violation("identifier", "error.field.required"));
            else if (!Unit.isValidIdentifier(identifier)) violations.add(violation("identifier", "organisation.unit.identifier.invalid", identifier));
            else if (units.findByIdentifier(identifier).isPresent()) violations.add(violation("identifier", "organisation.unit.identifier.taken", identifier));
        }
        String name = text("name", form.name(), true, 255, violations);
        String nameEn = text("nameEn", form.nameEn(), false, 255, violations);
        UnitLevel level = form.level();
        if (level == null) violations.add(violation("level", "error.field.required"));
        Unit parent = null;
        String parentIdentifier = trim(form.parent());
        if (parentIdentifier != null) {
            parent = units.findByIdentifier(parentIdentifier).orElse(null);
            if (parent == null) violations.add(violation("parent", "organisation.unit.parent.unknown", parentIdentifier));
            else if (existing != null && existing.contains(parent)) violations.add(violation("parent", "organisation.unit.parent.cycle"));
            else if (!parent.active() && (existing == null || !Objects.equals(existing.parentId(), parent.id()))) {
                violations.add(violation("parent", "organisation.unit.parent.closed", parentIdentifier));
            }
        }
        UnitKind kind = form.kind() != null ? form.kind() : level == null ? null : UnitKind.inferred(level, parent != null);
        if (kind != null && level != null && !kind.levels().contains(level)) {
            violations.add(violation("kind", "organisation.unit.kind.level", messages.get(kind.messageKey()),
                    messages.get("unitLevel." + level.name())));
        }
        if (parent != null && level != null && kind != null && !kind.central() && !parent.kind().central()) {
            if (level.ordinal() < parent.level().ordinal()) {
                violations.add(violation("level", "organisation.unit.level.aboveParent", messages.get("unitLevel." + parent.level().name())));
            }
            String code = Unit.topLevelCode(identifier);
            String parentCode = Unit.topLevelCode(parent.identifier());
            if (code != null && parentCode != null && !code.equals(parentCode)) {
                violations.add(violation("identifier", "organisation.unit.identifier.province", parentCode));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return new CheckedUnit(identifier, name, nameEn, level, kind, parent);
    }

    private String unitChanges(Unit unit, CheckedUnit to) {
        var changes = new ArrayList<String>();
        if (!Objects.equals(unit.name(), to.name())) changes.add("name: " + unit.name() + " → " + to.name());
        if (!Objects.equals(unit.nameEn(), to.nameEn())) changes.add("nameEn: " + unit.nameEn() + " → " + to.nameEn());
        if (unit.level() != to.level()) changes.add("level: " + unit.level() + " → " + to.level());
        if (unit.kind() != to.kind()) changes.add("kind: " + unit.kind() + " → " + to.kind());
        Long parentId = to.parent() == null ? null : to.parent().id();
        if (!Objects.equals(unit.parentId(), parentId)) {
            String from = unit.parentId() == null ? "-" : units.findById(unit.parentId()).map(Unit::identifier).orElse("?");
            changes.add("parent: " + from + " → " + (to.parent() == null ? "-" : to.parent().identifier()));
        }
        return String.join("; ", changes);
    }

    private Unit existingUnit(String identifier) {
        return (identifier == null ? Optional.<Unit>empty() : units.findByIdentifier(identifier.strip()))
                .orElseThrow(() -> new NotFoundException("organisation.unit.notFound", identifier));
    }

    // --- Users

    /** Every user, civil servants and citizens, by username. */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional(readOnly = true)
    public List<UserAccount> users() { return users.findAll(); }

    /** A user by username; 404 when there is none. */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional(readOnly = true)
    public UserAccount user(String username) { return existingUser(username); }

    /**
     * Creates a user with one or several roles at a unit (citizens have the role CITIZEN alone and no unit), with a
     * password that follows the {@link PasswordPolicy}. The engine's user and groups follow at once.
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public UserAccount createUser(UserForm form) {
        var checked = checkUser(form, null);
        var account = new UserAccount(checked.username(), passwordEncoder.encode(form.password()), checked.fullName(),
                checked.email(), checked.unit() == null ? null : checked.unit().id(), checked.roles(),
                form.enabled() == null || form.enabled(), checked.phone(), ids(checked.otherUnits()));
        users.insert(account);
        events.publishEvent(new UserSaved(account.username()));
        events.publishEvent(new AdministrativeChange("USER_CREATED", account.username(),
                "roles " + sorted(account.roles()) + (checked.unit() == null ? "" : " at " + checked.unit().identifier())
                        + (checked.otherUnits().isEmpty() ? "" : ", also at " + identifiers(checked.otherUnits()))
                        + (account.enabled() ? "" : ", disabled")));
        return users.findByUsername(account.username()).orElseThrow();
    }

    /**
     * Changes a user's name, contacts, unit, roles or state, and the password when one is given. A disabled user
     * cannot sign in and their open tasks go back to their groups, unassigned. The last enabled administrator can be
     * neither disabled nor deprived of the role, and nobody disables themselves (409).
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public UserAccount updateUser(String username, UserForm form) {
        UserAccount current = existingUser(username);
        var checked = checkUser(form, current);
        boolean enabled = form.enabled() == null ? current.enabled() : form.enabled();
        var updated = new UserAccount(current.username(), current.passwordHash(), checked.fullName(), checked.email(),
                checked.unit() == null ? null : checked.unit().id(), checked.roles(), enabled, checked.phone(),
                ids(checked.otherUnits()));
        guardAdministrators(current, updated);
        var changes = userChanges(current, updated);
        boolean passwordChanged = form.password() != null && !form.password().isEmpty()
                && !passwordEncoder.matches(form.password(), current.passwordHash());
        if (changes.isEmpty() && !passwordChanged) return current;
        users.update(updated);
        if (passwordChanged) users.updatePassword(username, passwordEncoder.encode(form.password()));
        if (passwordChanged) changes.add("password reset");
        events.publishEvent(new UserSaved(username));
        events.publishEvent(new AdministrativeChange(enabled == current.enabled() ? "USER_CHANGED"
                : enabled ? "USER_ENABLED" : "USER_DISABLED", username, String.join("; ", changes)));
        return users.findByUsername(username).orElseThrow();
    }

    /** Disables or enables a user (see {@link #updateUser}). */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount current = existingUser(username);
        Unit unit = current.unitId() == null ? null : units.findById(current.unitId()).orElse(null);
        return updateUser(username, new UserForm(username, current.fullName(), current.email(), current.phone(),
                unit == null ? null : unit.identifier(), current.roles(), null, enabled, null));
    }

    /** Sets a new password chosen by the administrator, checked against the {@link PasswordPolicy}. */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public void resetPassword(String username, String password) {
        UserAccount current = existingUser(username);
        policy.check(username, password).ifPresent(p -> {
            throw new InvalidInputException("password", messages.get(p.key(), p.args()));
        });
        users.updatePassword(username, passwordEncoder.encode(password));
        events.publishEvent(new UserSaved(username));
        events.publishEvent(new AdministrativeChange("PASSWORD_RESET", current.username(), null));
    }

    /**
     * Imports a user list (CSV or XLSX: username, full name, email, phone, unit identifier, roles separated by commas,
     * password): each row creates a user, changes one (a password given for an existing user is set when it differs),
     * leaves it as it is, or is refused with its reasons. Importing the same file twice changes nothing.
     */
    @PreAuthorize(ADMIN_OR_SYSTEM)
    @Transactional
    public ImportReport importUsers(String filename, byte[] content, boolean dryRun) {
        var lines = TableFile.read(filename, content, USER_COLUMNS, messages::get);
        var outcomes = new ArrayList<ImportReport.Row>();
        for (var line : lines) outcomes.add(importUser(line));
        var report = ImportReport.of(outcomes, dryRun);
        if (dryRun) TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        else events.publishEvent(new AdministrativeChange("USERS_IMPORTED", filename, report.summary()));
        return report;
    }

    private ImportReport.Row importUser(TableFile.Line line) {
        String username = line.get("username");
        try {
            var existing = username == null ? Optional.<UserAccount>empty() : users.findByUsername(username);
            // a column the file does not have keeps what the user has
            var form = new UserForm(username,
                    given(line, "fullName", existing.map(UserAccount::fullName).orElse(null)),
                    given(line, "email", existing.map(UserAccount::email).orElse(null)),
                    given(line, "phone", existing.map(UserAccount::phone).orElse(null)),
                    given(line, "unit", existing.map(u -> unitIdentifier(u.unitId())).filter(u -> !u.equals("-")).orElse(null)),
                    line.cells().containsKey("roles") ? parseRoles(line.get("roles")) : existing.map(UserAccount::roles).orElse(Set.of()),
                    line.get("password"), null,
                    line.cells().containsKey("otherUnits") ? splitIdentifiers(line.get("otherUnits")) : null);
            if (existing.isPresent()) {
                var before = existing.get();
                var after = updateUser(username, form);
                var changes = userChanges(before, after);
                if (!Objects.equals(before.passwordHash(), after.passwordHash())) changes.add("password reset");
                return changes.isEmpty()
                        ? new ImportReport.Row(line.number(), username, ImportReport.Outcome.UNCHANGED, null)
                        : new ImportReport.Row(line.number(), username, ImportReport.Outcome.CHANGED, String.join("; ", changes));
            }
            createUser(form);
            return new ImportReport.Row(line.number(), username, ImportReport.Outcome.CREATED, null);
        } catch (InvalidInputException e) {
            return new ImportReport.Row(line.number(), username, ImportReport.Outcome.REFUSED, reasons(e));
        } catch (BusinessRuleException e) {
            return new ImportReport.Row(line.number(), username, ImportReport.Outcome.REFUSED, messages.get(e.messageKey(), e.args()));
        }
    }

    private Set<Role> parseRoles(String value) {
        if (value == null) return Set.of();
        var roles = EnumSet.noneOf(Role.class);
        for (String part : value.split("[,;|]")) {
            String folded = TableFile.fold(part);
            if (folded.isEmpty()) continue;
            Role found = null;
            for (Role role : Role.values()) {
                if (folded.equals(TableFile.fold(role.name()))
                        || folded.equals(TableFile.fold(messages.get(Messages.VIETNAMESE, "role." + role.name())))
                        || folded.equals(TableFile.fold(messages.get(Locale.ENGLISH, "role." + role.name())))) {
                    found = role;
                }
            }
            if (found == null) throw new InvalidInputException("roles", messages.get("organisation.user.role.unknown", part.strip()));
            roles.add(found);
        }
        return roles;
    }

    private static List<String> splitIdentifiers(String value) {
        if (value == null) return List.of();
        return java.util.Arrays.stream(value.split("[,;|\\s]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Set<Long> ids(List<Unit> units) {
        return units.stream().map(Unit::id).collect(java.util.stream.Collectors.toSet());
    }

    private static String identifiers(java.util.Collection<Unit> units) {
        return units.stream().map(Unit::identifier).sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** A user form that passed every check, normalised, with its units found. */
    private record CheckedUser(String username, String fullName, String email, String phone, Unit unit, Set<Role> roles,
                               List<Unit> otherUnits) { }

    private CheckedUser checkUser(UserForm form, UserAccount existing) {
        var violations = new ArrayList<InvalidInputException.Violation>();
        String username = existing != null ? existing.username() : trim(form.username());
        if (existing != null && form.username() != null && !form.username().isBlank()
                && !form.username().strip().equals(existing.username())) {
            violations.add(violation("username", "organisation.user.username.immutable"));
        } else if (existing == null) {
            if (username == null || !USERNAME.matcher(username).matches()) violations.add(violation("username", "organisation.user.username.invalid"));
            else if (users.exists(username)) violations.add(violation("username", "organisation.user.username.taken", username));
        }
        String fullName = text("fullName", form.fullName(), true, 255, violations);
        String email = text("email", form.email(), false, 255, violations);
        if (email != null && !EMAIL.matcher(email).matches()) violations.add(violation("email", "organisation.user.email.invalid"));
        String phone = text("phone", form.phone(), false, 30, violations);
        if (phone != null) {
            phone = phone.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phone).matches()) violations.add(violation("phone", "organisation.user.phone.invalid"));
        }
        Set<Role> roles = form.roles() == null ? Set.of() : Set.copyOf(form.roles());
        if (roles.isEmpty()) violations.add(violation("roles", "organisation.user.roles.required"));
        boolean citizen = roles.contains(Role.CITIZEN);
        if (citizen && roles.size() > 1) violations.add(violation("roles", "organisation.user.roles.citizenAlone"));
        Unit unit = null;
        String unitIdentifier = trim(form.unit());
        if (citizen && unitIdentifier != null) violations.add(violation("unit", "organisation.user.unit.citizen"));
        else if (!citizen && !roles.isEmpty() && unitIdentifier == null) violations.add(violation("unit", "error.field.required"));
        else if (unitIdentifier != null) {
            unit = units.findByIdentifier(unitIdentifier).orElse(null);
            if (unit == null) violations.add(violation("unit", "organisation.unit.notFound", unitIdentifier));
            else if (!unit.active() && (existing == null || !Objects.equals(existing.unitId(), unit.id()))) {
                violations.add(violation("unit", "organisation.user.unit.closed", unitIdentifier));
            }
        }
        List<Unit> others = otherUnits(form, existing, citizen, unit, violations);
        if (existing == null || (form.password() != null && !form.password().isEmpty())) {
            policy.check(username, form.password()).ifPresent(p -> violations.add(
                    new InvalidInputException.Violation("password", messages.get(p.key(), p.args()))));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return new CheckedUser(username, fullName, email, phone, unit, roles, others);
    }

    /**
     * The other units a person also works for (kiêm nhiệm): known, open (or already held), neither the unit of
     * appointment nor twice; none for citizens. Null in the form keeps those the person has.
     */
    private List<Unit> otherUnits(UserForm form, UserAccount existing, boolean citizen, Unit unit,
                                  List<InvalidInputException.Violation> violations) {
        if (form.otherUnits() == null) {
            if (existing == null || citizen) return List.of();
            return existing.otherUnitIds().stream().map(units::findById).flatMap(Optional::stream)
                    .filter(u -> unit == null || u.id() != unit.id()).toList();
        }
        var found = new java.util.LinkedHashMap<Long, Unit>();
        for (String given : form.otherUnits()) {
            String identifier = trim(given);
            if (identifier == null) continue;
            if (citizen) {
                violations.add(violation("otherUnits", "organisation.user.unit.citizen"));
                return List.of();
            }
            Unit other = units.findByIdentifier(identifier).orElse(null);
            if (other == null) violations.add(violation("otherUnits", "organisation.unit.notFound", identifier));
            else if (unit != null && other.id() == unit.id()) violations.add(violation("otherUnits", "organisation.user.otherUnits.same", identifier));
            else if (!other.active() && (existing == null || !existing.otherUnitIds().contains(other.id()))) {
                violations.add(violation("otherUnits", "organisation.user.unit.closed", identifier));
            } else found.put(other.id(), other);
        }
        return List.copyOf(found.values());
    }

    private void guardAdministrators(UserAccount before, UserAccount after) {
        boolean losesAdministration = before.has(Role.ADMIN) && before.enabled() && (!after.has(Role.ADMIN) || !after.enabled());
        if (!losesAdministration) return;
        var me = SecurityContextHolder.getContext().getAuthentication();
        if (me != null && before.username().equals(me.getName())) {
            throw new BusinessRuleException("organisation.user.self", before.username());
        }
        if (users.countEnabledWithRole(Role.ADMIN.name(), before.username()) == 0) throw new BusinessRuleException("organisation.user.lastAdmin", before.username());
    }

    /** What changed, without personal data: contact details are named, not shown. */
    private List<String> userChanges(UserAccount before, UserAccount after) {
        var changes = new ArrayList<String>();
        if (!Objects.equals(before.fullName(), after.fullName())) changes.add("fullName");
        if (!Objects.equals(before.email(), after.email())) changes.add("email");
        if (!Objects.equals(before.phone(), after.phone())) changes.add("phone");
        if (!Objects.equals(before.unitId(), after.unitId())) {
            changes.add("unit: " + unitIdentifier(before.unitId()) + " → " + unitIdentifier(after.unitId()));
        }
        if (!before.otherUnitIds().equals(after.otherUnitIds())) {
            changes.add("otherUnits: " + otherIdentifiers(before) + " → " + otherIdentifiers(after));
        }
        if (!before.roles().equals(after.roles())) changes.add("roles: " + sorted(before.roles()) + " → " + sorted(after.roles()));
        if (before.enabled() != after.enabled()) changes.add(after.enabled() ? "enabled" : "disabled");
        return changes;
    }

    private String otherIdentifiers(UserAccount user) {
        return "[" + user.otherUnitIds().stream().map(this::unitIdentifier).sorted().collect(java.util.stream.Collectors.joining(", ")) + "]";
    }

    private String unitIdentifier(Long unitId) {
        return unitId == null ? "-" : units.findById(unitId).map(Unit::identifier).orElse("?");
    }

    private static List<Role> sorted(Set<Role> roles) { return roles.stream().sorted().toList(); }

    private UserAccount existingUser(String username) {
        return (username == null ? Optional.<UserAccount>empty() : users.findByUsername(username.strip()))
                .orElseThrow(() -> new NotFoundException("organisation.user.notFound", username));
    }

    // --- The administrators' log

    /** The most entries one read gives. */
    public static final int MAX_LOG = 10_000;

    /** Entries of the administrators' log between two days (inclusive, in Vietnam's time), newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AdminLogEntry> log(LocalDate from, LocalDate to, int limit) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", messages.get("organisation.log.period"));
        }
        if (limit < 1 || limit > MAX_LOG) throw new InvalidInputException("limit", messages.get("error.field.range", "limit", 1, MAX_LOG));
        Instant start = from.atStartOfDay(Formats.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        return log.between(start, end, limit);
    }

    // --- Helpers

    private String text(String field, String value, boolean required, int max, List<InvalidInputException.Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) violations.add(violation(field, "error.field.required"));
            return null;
        }
        var problem = PlainText.problem(value, false);
        if (problem != null) {
            violations.add(violation(field, problem == PlainText.Problem.LINE_BREAK ? "error.field.singleLine" : "error.field.control", field));
            return null;
        }
        String normalized = PlainText.normalize(value, false);
        if (normalized.length() > max) violations.add(violation(field, "error.field.tooLong", max));
        return normalized;
    }

    private static String trim(String value) { return value == null || value.isBlank() ? null : value.strip(); }

    private String reasons(InvalidInputException e) {
        return String.join("; ", e.violations().stream().map(v -> v.field() + ": " + v.message()).toList());
    }

    private InvalidInputException.Violation violation(String field, String key, Object... args) {
        return new InvalidInputException.Violation(field, messages.get(key, args));
    }

    private static Map<String, List<String>> columns(Object... keysAndNames) {
        var map = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> names = (List<String>) keysAndNames[i + 1];
            map.put((String) keysAndNames[i], names);
        }
        return map;
    }
}
