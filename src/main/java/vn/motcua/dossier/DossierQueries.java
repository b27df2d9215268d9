package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.ResultPage;
import vn.motcua.shared.TextSearch;

/**
 * Dossier lists in the caller's scope (see {@link DossierScope}): paged with the total, sorted by any column, filtered;
 * and the desk's queue counters, for the caller's scope or, for supervisors, per unit below them.
 */
@Service
public class DossierQueries {
    private final DossierLists lists;
    private final CurrentUser currentUser;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final NearlyDue nearlyDue;
    private final Messages messages;
    private final Clock clock;

    DossierQueries(DossierLists lists, CurrentUser currentUser, ProcedureCatalogue catalogue,
                   OrganisationService organisation, NearlyDue nearlyDue, Messages messages, Clock clock) {
        this.lists = lists;
        this.currentUser = currentUser;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.nearlyDue = nearlyDue;
        this.messages = messages;
        this.clock = clock;
    }

    /** One unit's counters of the desk queues. */
    public record UnitQueues(Unit unit, Map<DeskQueue, Long> counts) { }

    /**
     * A page of the dossiers the caller may see, {@code page} from 0 and {@code size} 1..1000 (400 otherwise), sorted
     * by a column (due date first by default; ties by id).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ResultPage<Dossier> page(DossierFilter filter, DossierSort sort, boolean ascending, int page, int size) {
        if (page < 0) throw new InvalidInputException("page", messages.get("error.field.range", "page", 0, Integer.MAX_VALUE));
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw new InvalidInputException("size", messages.get("error.field.range", "size", 1, ResultPage.MAX_SIZE));
        }
        AuthenticatedUser user = currentUser.require();
        var params = new ArrayList<Object>();
        DossierFilter f = filter == null ? DossierFilter.none() : filter;
        String where = where(user, f, params);
        var items = lists.page(where, params, orderBy(sort == null ? DossierSort.DUE_AT : sort, ascending),
                ResultPage.offset(page, size), size);
        return new ResultPage<>(items, lists.count(where, params, DossierScope.of(user).byUnit() && f.tallied()), page, size);
    }

    /** The desk queues' counters over the caller's scope (optionally one unit of it). */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Map<DeskQueue, Long> counts(String unitIdentifier) {
        AuthenticatedUser user = currentUser.require();
        var params = new ArrayList<Object>();
        String where = scopeAndUnit(user, unitIdentifier, params);
        Instant now = clock.instant();
        return lists.counts(where, params, DossierScope.of(user).byUnit(), now, nearlyDue.before(now, unitOr(user, unitIdentifier)));
    }

    /** The desk queues' counters of every unit in the caller's scope that has open dossiers, by unit. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<UnitQueues> countsByUnit() {
        AuthenticatedUser user = currentUser.require();
        var params = new ArrayList<Object>();
        var sql = new StringBuilder();
        DossierScope.of(user).appendTo(sql, params);
        Instant now = clock.instant();
        var byId = lists.countsByUnit(sql.toString(), params, now, nearlyDue.before(now, user.unitIdentifier()));
        var result = new ArrayList<UnitQueues>();
        Map<Long, Unit> units = new LinkedHashMap<>();
        organisation.units().forEach(u -> units.put(u.id(), u));
        byId.forEach((id, counts) -> { if (units.containsKey(id)) result.add(new UnitQueues(units.get(id), counts)); });
        result.sort(java.util.Comparator.comparing(q -> q.unit().treePath()));
        return result;
    }

    private String unitOr(AuthenticatedUser user, String unitIdentifier) {
        return unitIdentifier == null || unitIdentifier.isBlank() ? user.unitIdentifier() : unitIdentifier.trim();
    }

    private String scopeAndUnit(AuthenticatedUser user, String unitIdentifier, List<Object> params) {
        var sql = new StringBuilder();
        DossierScope.of(user).appendTo(sql, params);
        if (unitIdentifier != null && !unitIdentifier.isBlank()) {
            Unit unit = organisation.unitByIdentifier(unitIdentifier.trim())
                    .orElseThrow(() -> new NotFoundException("organisation.unit.notFound", unitIdentifier.trim()));
            sql.append(" and d.unit_id = ?");
            params.add(unit.id());
        }
        return sql.toString();
    }

    private String where(AuthenticatedUser user, DossierFilter f, List<Object> params) {
        var sql = new StringBuilder(scopeAndUnit(user, f.unit(), params));
        Instant now = clock.instant();
        if (f.queue() != null) {
            Instant before = f.queue().needsWindow() ? nearlyDue.before(now, unitOr(user, f.unit())) : null;
            sql.append(" and ").append(f.queue().condition());
            params.addAll(f.queue().clock(now, before));
        }
        if (f.q() != null && !f.q().isBlank()) {
            String text = PlainText.nfc(f.q()).trim();
            var procedures = catalogue.procedures().stream()
                    .filter(p -> TextSearch.matches(p.name().vi() + " " + p.name().en() + " " + p.code(), text))
                    .map(p -> p.code()).toList();
            String like = vn.motcua.shared.SqlPatterns.containing(text.toLowerCase(Locale.ROOT));
            sql.append(" and (lower(d.code) like ? escape '\\' or ").append(vn.motcua.shared.SqlPatterns.folded("d.applicant_name"))
                    .append(" like ? escape '\\'");
            params.add(like);
            params.add(vn.motcua.shared.SqlPatterns.containing(TextSearch.fold(text).trim()));
            if (!procedures.isEmpty()) {
                sql.append(" or d.procedure_code in (").append(String.join(", ", procedures.stream().map(c -> "?").toList())).append(")");
                params.addAll(procedures);
            }
            sql.append(")");
        }
        if (f.procedure() != null && !f.procedure().isBlank()) { sql.append(" and d.procedure_code = ?"); params.add(f.procedure().trim()); }
        if (f.sector() != null && !f.sector().isBlank()) {
            var codes = catalogue.procedures().stream()
                    .filter(p -> p.sector() != null && p.sector().name().equalsIgnoreCase(f.sector().trim()))
                    .map(p -> p.code()).toList();
            if (codes.isEmpty()) sql.append(" and 1 = 0");
            else {
                sql.append(" and d.procedure_code in (").append(String.join(", ", codes.stream().map(c -> "?").toList())).append(")");
                params.addAll(codes);
            }
        }
        if (f.status() != null) { sql.append(" and d.status = ?"); params.add(f.status()); }
        if (f.channel() != null && !f.channel().isBlank()) {
            sql.append(" and d.channel = ?");
            params.add(f.channel().trim().toUpperCase(Locale.ROOT));
        }
        if (f.receivedFrom() != null) { sql.append(" and d.received_at >= ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.receivedFrom())); }
        if (f.receivedTo() != null) { sql.append(" and d.received_at < ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.receivedTo().plusDays(1))); }
        if (f.dueFrom() != null) { sql.append(" and d.due_at >= ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.dueFrom())); }
        if (f.dueTo() != null) { sql.append(" and d.due_at < ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.dueTo().plusDays(1))); }
        sql.append(vn.motcua.shared.SqlPatterns.allWordsIn("d.applicant_name", f.applicant(), params));
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and d.finished_at is null and d.clock_stopped_at is null and d.due_at < ?");
            params.add(DossierLists.utc(now));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            sql.append(" and not (d.finished_at is null and d.clock_stopped_at is null and d.due_at < ?)");
            params.add(DossierLists.utc(now));
        }
        return sql.toString();
    }

    static String orderBy(DossierSort sort, boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        String first = "d." + sort.column + direction + " nulls last";
        if (sort == DossierSort.DUE_AT) return first + ", d.id" + direction;
        return first + ", d.due_at asc nulls last, d.id asc";
    }
}
