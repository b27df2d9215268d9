package vn.motcua.monitoring;

import static vn.motcua.shared.PlainText.blank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Sector;
import vn.motcua.monitoring.internal.Figures;
import vn.motcua.monitoring.internal.IndicatorQueries;
import vn.motcua.monitoring.internal.Scoring;
import vn.motcua.monitoring.internal.ScoringTable;
import vn.motcua.monitoring.internal.Selection;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * The service indicators of Decision 766/QĐ-TTg and the province plan's targets, for supervisors (their unit and the
 * units below it; a unit outside answers "not found") and administrators (everything). Other roles are refused.
 *
 * <h2>The period and its dossiers</h2>
 * A period is the days {@code from} to {@code to} inclusive in Asia/Ho_Chi_Minh: from {@code from} 00:00 to
 * {@code to + 1} 00:00. Dossiers are judged at the <em>as-of instant</em>: the period's end, or now when the period
 * has not ended yet (never before the period's start). The dossiers <em>in the period</em> are those
 * <ul>
 *   <li>received in the period (an online submission counts from its acceptance by the desk, when the processing
 *       time starts), and</li>
 *   <li>received before it and not ended at its start (carried over);</li>
 * </ul>
 * online submissions still awaiting acceptance (status 1) are in no period. A dossier <em>ends</em> when first
 * processed (9), else when its result is returned (10), else when refused (3) or withdrawn (7), else, while its
 * processing is stopped (8), when its clock stopped. Facts are those recorded now (due dates already moved by clock
 * stops, supplement counts): a period's figures change after its end only as far as these facts do.
 *
 * <h2>The indicators</h2>
 * <ul>
 *   <li>2.1 on time: dossiers of the period ended by the as-of instant not after their due date (a clock stopped by
 *       the due date for a stopped dossier), or unfinished and not past their due date at that instant (a dossier
 *       whose clock is stopped: stopped by its due date, since supplement time does not count), ÷ the period's
 *       dossiers. More than one supplement request makes a dossier late; a dossier without a due date (refused or
 *       withdrawn before acceptance) is never late.</li>
 *   <li>2.2 average processing time: the working time recorded at the end (clock stops excluded) of the results
 *       produced (9, 10) in the period, in working days of 8 hours; per procedure in {@link IndicatorReport#procedures()}.
 *       Reported, not scored.</li>
 *   <li>3.1 procedures offered online (fully or partly) ÷ the procedures in scope (the filters' procedure, sector and
 *       level, and the levels of the units reported on).</li>
 *   <li>3.3 dossiers submitted online (channel 2) ÷ the period's dossiers.</li>
 *   <li>3.6 dossiers paid online (by the as-of instant) ÷ the period's dossiers with a fee to pay (an amount above 0
 *       set at receipt), paid or not.</li>
 *   <li>4.1 results returned (10) issued electronically (of procedures that issue an electronic result, or whose
 *       result MotCua issued signed with the unit's key) ÷ results returned of procedures whose result is a
 *       document.</li>
 *   <li>4.2 dossiers with a digitised input (at least one attachment not rejected) and a result issued
 *       electronically (as in 4.1) ÷ the period's dossiers; N/A, with a note, when the attachment table does not exist.</li>
 *   <li>5.4 100 % − (late rate + rate of dossiers with a complaint or a rating of 1 or 2), both over the period's
 *       dossiers: a dossier is negative only through a rating that exists; never below 0.</li>
 * </ul>
 * Rates are percentages rounded to 2 decimals half up; an empty denominator is N/A (null).
 *
 * <h2>The scoring (out of 100)</h2>
 * The points are a table of data ({@link ScoringTable}: {@code indicators/scoring-766.csv}, or the file of
 * {@code motcua.indicators.scoring-file}): each row an indicator with its group, formula, maximum points, target and
 * source, and the {@link ScoringMeasure} MotCua computes for it, or, without one, why it cannot. A computed row earns
 * rate × max points ÷ target below its target and its max points at or above it; a row not computed (or N/A) earns
 * nothing, its reason shown, except a row the table marks {@code when_empty=full}, which earns its max points when its
 * denominator is empty (feedback handled on time, for a unit that received none). The measures beside the indicators
 * above:
 * <ul>
 *   <li>published complete: procedures in scope whose record holds every part of a procedure the formula sheet checks
 *       and MotCua keeps (name, steps, manner, components, time limit, agency) ÷ procedures in scope; available online:
 *       3.1;</li>
 *   <li>procedures with an online payment: procedures in scope with a fee (above 0) of which a dossier of the period
 *       was paid online ÷ procedures in scope with a fee;</li>
 *   <li>feedback on time, and feedback handled well (on time and not judged unsatisfactory by its sender): over the
 *       feedback received in the period ({@code FeedbackService#onTime});</li>
 *   <li>online services: dossiers submitted online of procedures offered fully online, those of a procedure whose
 *       document result is issued on paper only left out, ÷ the period's dossiers of procedures offered fully
 *       online;</li>
 *   <li>electronic results: as 4.1, over the results returned of procedures whose result is a document.</li>
 * </ul>
 * The old indicators keep their figures; each takes the target and points of the table's row with its measure (3.3 has
 * none: online dossiers are scored within the online services).
 * <p>
 * Province plan: dossiers processed online (submitted online, as 3.3) at province, district and commune level against
 * 90 %, 80 %, 60 %, and fully online services (toàn trình) ÷ procedures offered online against 80 %, with the gaps.
 */
@Service
public class IndicatorService {
    /** The rule, as the report states it. */
    static final String POPULATION_RULE = "Hồ sơ trong kỳ: hồ sơ tiếp nhận trong kỳ (hồ sơ trực tuyến tính từ khi được "
            + "tiếp nhận) và hồ sơ tiếp nhận trước kỳ chưa kết thúc khi bắt đầu kỳ; không tính hồ sơ trực tuyến đang chờ "
            + "tiếp nhận (trạng thái 1). Kết thúc: xử lý xong lần đầu (9), trả kết quả (10), không được tiếp nhận (3), "
            + "rút hồ sơ (7), dừng xử lý (8). Hồ sơ chưa kết thúc được đánh giá tại thời điểm cuối kỳ.";
    private static final String WORKING_DAYS = "ngày làm việc";

    private final IndicatorQueries queries;
    private final OrganisationService organisation;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final IndicatorSettings settings;
    private final WorkingCalendar calendar;
    private final Messages messages;
    private final Clock clock;
    private final ScoringTable scoring;

    private final vn.motcua.feedback.FeedbackService feedback;

    IndicatorService(IndicatorQueries queries, OrganisationService organisation, ProcedureCatalogue catalogue,
                     CurrentUser currentUser, IndicatorSettings settings, WorkingCalendar calendar, Messages messages,
                     Clock clock, ScoringTable scoring, vn.motcua.feedback.FeedbackService feedback) {
        this.feedback = feedback;
        this.scoring = scoring;
        this.queries = queries;
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.settings = settings;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Reads a filter from request parameters: {@code from}, {@code to} as YYYY-MM-DD (required, {@code to} not before
     * {@code from}), {@code procedure} a known code, {@code sector} and {@code level} names of their enums; blank
     * optional parameters mean "all".
     *
     * @throws InvalidInputException naming the first offending parameter
     */
    public ReportFilter filter(String from, String to, String unit, String procedure, String sector, String level) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) throw new InvalidInputException("to", messages.get("monitoring.filter.toBeforeFrom"));
        String procedureCode = blank(procedure) ? null : procedure.trim();
        if (procedureCode != null && catalogue.procedure(procedureCode).isEmpty()) {
            throw new InvalidInputException("procedure", messages.get("monitoring.filter.procedure"));
        }
        Sector s = blank(sector) ? null : enumValue("sector", Sector.class, sector);
        UnitLevel l = blank(level) ? null : enumValue("level", UnitLevel.class, level);
        return new ReportFilter(start, end, blank(unit) ? null : unit.trim(), procedureCode, s, l);
    }

    /**
     * The indicators of a period, with the province plan's targets and the figures per unit below and per procedure.
     *
     * @throws NotFoundException     when the filter's unit does not exist or lies outside the caller's scope
     * @throws AccessDeniedException for callers who are neither supervisors nor administrators
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public IndicatorReport report(ReportFilter filter) {
        Scope scope = scope(filter);
        Instant[] bounds = bounds(filter.from(), filter.to());
        var procedures = procedures(filter, scope);
        var groups = groups(scope, filter, bounds, procedures);
        Map<Long, Unit> units = organisation.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Figures all = sum(groups, g -> true);

        boolean attachments = queries.attachmentsAvailable();
        List<ScoringTable.Rule> rules = scoring.rules();
        Map<ScoringMeasure, long[]> measures = measures(all, groups, procedures.inScope(), attachments);
        long[] feedbackFigures = feedback.onTime(scope.treePath(), bounds[0], bounds[1], procedures.codes(),
                filter.level() == null ? null : filter.level().name());
        measures.put(ScoringMeasure.FEEDBACK_ON_TIME, new long[] {feedbackFigures[0], feedbackFigures[1]});
        measures.put(ScoringMeasure.FEEDBACK_SATISFIED, new long[] {feedbackFigures[2], feedbackFigures[1]});
        List<ScoreLine> lines = rules.stream().map(r -> line(r, measures, messages)).toList();
        List<Indicator> indicators = indicators(all, measures, rules, attachments);
        BigDecimal points = lines.stream().map(ScoreLine::points).filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal maxPoints = lines.stream().filter(l -> l.points() != null).map(ScoreLine::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalMaxPoints = lines.stream().map(ScoreLine::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);

        var plan = settings.getProvince();
        List<ProvinceTarget> targets = new ArrayList<>();
        for (UnitLevel level : UnitLevel.values()) {
            Figures f = sum(groups, g -> units.containsKey(g.unitId()) && units.get(g.unitId()).level() == level);
            BigDecimal target = switch (level) {
                case PROVINCE -> plan.getProvinceOnline();
                case DISTRICT -> plan.getDistrictOnline();
                case COMMUNE -> plan.getCommuneOnline();
            };
            BigDecimal rate = Scoring.rate(f.online(), f.dossiers());
            targets.add(new ProvinceTarget("online." + level.name(), "Tỷ lệ hồ sơ " + levelVi(level) + " xử lý trực tuyến",
                    f.online(), f.dossiers(), rate, target, Scoring.gap(rate, target)));
        }
        long offeredOnline = procedures.inScope().stream().filter(p -> p.onlineLevel() != null).count();
        long fully = procedures.inScope().stream().filter(p -> p.onlineLevel() == OnlineLevel.FULL).count();
        BigDecimal fullyRate = Scoring.rate(fully, offeredOnline);
        targets.add(new ProvinceTarget("fullyOnlineServices", "Tỷ lệ dịch vụ công trực tuyến toàn trình", fully,
                offeredOnline, fullyRate, plan.getFullyOnlineServices(), Scoring.gap(fullyRate, plan.getFullyOnlineServices())));

        var population = new IndicatorReport.Population(all.dossiers(), all.received(), all.carriedOver(), all.ended(),
                all.late(), POPULATION_RULE);
        Unit selected = scope.unit();
        return new IndicatorReport(filter.from(), filter.to(), bounds[1],
                selected == null ? null : new IndicatorReport.UnitRef(selected.identifier(), selected.name(), selected.level().name()),
                filter.procedureCode(), filter.sector() == null ? null : filter.sector().name(),
                filter.level() == null ? null : filter.level().name(), population, indicators, points, maxPoints,
                targets, attachments, unitRows(scope, groups, units), communeRows(scope, groups, units),
                procedureRows(groups), lines, totalMaxPoints,
                residence(queries.residences(selection(scope, filter, bounds, procedures)), units));
    }

    /** The period's receipts by where their applicants live, per commune of residence. */
    private IndicatorReport.Residence residence(List<IndicatorQueries.ResidenceCount> counts, Map<Long, Unit> units) {
        long received = 0;
        long recorded = 0;
        long away = 0;
        Map<Long, long[]> byCommune = new HashMap<>();
        for (var c : counts) {
            received += c.dossiers();
            if (c.residenceUnitId() == null) continue;
            recorded += c.dossiers();
            Unit receiving = units.get(c.unitId());
            boolean commune = receiving != null && receiving.kind().communeGovernment();
            boolean home = c.residenceUnitId() == c.unitId();
            if (commune && !home) away += c.dossiers();
            long[] row = byCommune.computeIfAbsent(c.residenceUnitId(), id -> new long[4]);
            row[0] += c.dossiers();
            row[home ? 1 : commune ? 2 : 3] += c.dossiers();
        }
        var locale = Messages.locale();
        List<IndicatorReport.ResidenceRow> rows = new ArrayList<>();
        byCommune.forEach((id, n) -> {
            Unit u = units.get(id);
            rows.add(new IndicatorReport.ResidenceRow(u == null ? String.valueOf(id) : u.identifier(),
                    u == null ? "" : u.placeName(locale), n[0], n[1], n[2], n[3]));
        });
        rows.sort(Comparator.comparingLong(IndicatorReport.ResidenceRow::dossiers).reversed()
                .thenComparing(IndicatorReport.ResidenceRow::name));
        return new IndicatorReport.Residence(received, recorded, away, rows);
    }

    /** The periods of a trend: weeks (Monday to Sunday) or calendar months. */
    public enum Granularity { WEEK, MONTH }

    /**
     * One period of a trend.
     *
     * @param label e.g. {@code T03/2026} for a month, {@code 09/03} (its Monday) for a week
     */
    public record TrendPoint(String label, LocalDate from, LocalDate to, long dossiers, BigDecimal onTimeRate,
                             BigDecimal onlineRate, BigDecimal averageDays, BigDecimal satisfactionRate) { }

    /**
     * The main indicators for {@code count} consecutive weeks or months, the last one containing the filter's
     * {@code to} day (cut at that day), oldest first; each period's dossiers as {@link #report} counts them.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(ReportFilter filter, Granularity granularity, int count) {
        Scope scope = scope(filter);
        var procedures = procedures(filter, scope);
        LocalDate end = filter.to();
        LocalDate lastStart = granularity == Granularity.WEEK ? end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : end.withDayOfMonth(1);
        int n = Math.max(1, Math.min(count, 60));
        List<LocalDate[]> periods = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            LocalDate from = granularity == Granularity.WEEK ? lastStart.minusWeeks(i) : lastStart.minusMonths(i);
            LocalDate to = granularity == Granularity.WEEK ? from.plusDays(6) : from.withDayOfMonth(from.lengthOfMonth());
            periods.add(new LocalDate[] {from, to.isAfter(end) ? end : to});
        }
        var counts = queries.groups(periods.stream().map(p -> selection(scope, filter, bounds(p[0], p[1]), procedures)).toList(), false);
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            LocalDate from = periods.get(i)[0];
            Figures f = Figures.NONE;
            for (var g : counts.get(i)) f = f.plus(g.figures());
            String label = granularity == Granularity.WEEK ? String.format("%02d/%02d", from.getDayOfMonth(), from.getMonthValue())
                    : String.format("T%02d/%d", from.getMonthValue(), from.getYear());
            points.add(new TrendPoint(label, from, periods.get(i)[1], f.dossiers(), Scoring.rate(f.onTime(), f.dossiers()),
                    Scoring.rate(f.online(), f.dossiers()), Scoring.averageDays(f.workingSeconds(), f.processed()),
                    Scoring.rate(Scoring.satisfied(f.dossiers(), f.late(), f.negative()), f.dossiers())));
        }
        return points;
    }

    /**
     * An open dossier due soon or overdue.
     *
     * @param overdue true when its due date has passed
     */
    public record DueDossier(String code, String procedureCode, String procedureName, String unitIdentifier,
                             String unitName, int status, Instant receivedAt, Instant dueAt, boolean overdue) { }

    /**
     * Open dossiers whose clock runs (2, 4) that are overdue or due within the next
     * {@link IndicatorSettings#getNearlyDueWorkingHours()} working hours, in the filter's unit, level, procedure and
     * sector (not its period: they are open now), earliest due first, at most {@code limit}.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<DueDossier> overdueAndNearlyDue(ReportFilter filter, int limit) {
        Scope scope = scope(filter);
        var procedures = procedures(filter, scope);
        Instant now = clock.instant();
        Instant threshold = calendar.addWorkingTime(now, Duration.ofHours(Math.max(0, settings.getNearlyDueWorkingHours())), null);
        return queries.dueSoon(scope.treePath(), procedures.codes(), filter.level() == null ? null : filter.level().name(),
                        threshold, limit).stream()
                .map(l -> new DueDossier(l.code(), l.procedureCode(), procedureName(l.procedureCode()), l.unitIdentifier(),
                        l.unitName(), l.status(), l.receivedAt(), l.dueAt(), l.dueAt().isBefore(now)))
                .toList();
    }

    /**
     * One row of the tracking register (form 07) of a period.
     *
     * @param remarks in Vietnamese: late, supplements, carried over, the reason of a refusal, withdrawal or stop
     */
    public record RegisterEntry(String code, String procedureName, String applicantName, Instant receivedAt,
                                Instant dueAt, Instant finishedAt, Instant returnedAt, int status, String statusName,
                                String remarks) { }

    /**
     * Streams the tracking register of a period: exactly the dossiers the indicators of that period count, oldest
     * receipt first, at most {@code limit} rows; answers how many dossiers there are in all.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public long register(ReportFilter filter, int limit, Consumer<RegisterEntry> sink) {
        Scope scope = scope(filter);
        Instant[] bounds = bounds(filter.from(), filter.to());
        var procedures = procedures(filter, scope);
        Locale vi = Messages.VIETNAMESE;
        return queries.register(selection(scope, filter, bounds, procedures), limit, line -> {
            var remarks = new ArrayList<String>();
            if (!line.onTime()) remarks.add("Trễ hạn");
            if (line.supplementCount() > 0) remarks.add("Bổ sung " + line.supplementCount() + " lần");
            if (line.carriedOver()) remarks.add("Kỳ trước chuyển sang");
            if (line.statusReason() != null && Set.of(3, 7, 8).contains(line.status())) remarks.add("Lý do: " + line.statusReason());
            sink.accept(new RegisterEntry(line.code(), procedureName(line.procedureCode()), line.applicantName(),
                    line.receivedAt(), line.dueAt(), line.finishedAt(), line.returnedAt(), line.status(),
                    messages.get(vi, "dossier.status." + line.status()), String.join("; ", remarks)));
        });
    }

    /**
     * Checks that the caller may report on the filter's unit, before anything is written.
     *
     * @throws NotFoundException     when the unit does not exist or lies outside the caller's scope
     * @throws AccessDeniedException for callers who are neither supervisors nor administrators
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public void scopeCheck(ReportFilter filter) {
        scope(filter);
    }

    /** The units the caller may report on: their unit and those below it (administrators: all), by tree path. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public List<Unit> reportableUnits() {
        String path = scopePath(currentUser.require());
        return organisation.units().stream().filter(u -> path == null || u.treePath().startsWith(path))
                .sorted(Comparator.comparing(Unit::treePath)).toList();
    }

    // --- scope, selection

    /** The unit reported on (null: everything) and the tree path its dossiers' units start with (null: all). */
    record Scope(Unit unit, String treePath, Set<UnitLevel> levels) { }

    Scope scope(ReportFilter filter) {
        AuthenticatedUser user = currentUser.require();
        if (!user.has(Role.ADMIN) && !user.has(Role.SUPERVISOR)) throw new AccessDeniedException("supervisors and administrators only");
        String allowed = scopePath(user);
        Unit unit;
        if (filter.unitIdentifier() != null) {
            unit = organisation.unitByIdentifier(filter.unitIdentifier())
                    .filter(u -> allowed == null || u.treePath().startsWith(allowed))
                    .orElseThrow(() -> new NotFoundException("monitoring.unit.notFound", filter.unitIdentifier()));
        } else if (allowed != null) {
            unit = organisation.unit(user.unitId()).orElseThrow(() -> new AccessDeniedException("supervisor without a unit"));
        } else {
            unit = null;
        }
        String path = unit == null ? null : unit.treePath();
        Set<UnitLevel> levels = organisation.units().stream().filter(u -> path == null || u.treePath().startsWith(path))
                .map(Unit::level).collect(Collectors.toSet());
        return new Scope(unit, path, levels);
    }

    private static String scopePath(AuthenticatedUser user) {
        if (user.has(Role.ADMIN)) return null;
        if (user.has(Role.SUPERVISOR) && user.unitTreePath() != null) return user.unitTreePath();
        throw new AccessDeniedException("supervisors and administrators only");
    }

    /** The procedures in scope (for 3.1) and the codes the dossiers are restricted to (null: no restriction). */
    record Procedures(List<Procedure> inScope, List<String> codes) { }

    private Procedures procedures(ReportFilter filter, Scope scope) {
        List<Procedure> inScope = catalogue.procedures().stream()
                .filter(p -> filter.procedureCode() == null || p.code().equals(filter.procedureCode()))
                .filter(p -> filter.sector() == null || p.sector() == filter.sector())
                .filter(p -> filter.level() == null || p.level() == filter.level())
                .filter(p -> scope.levels().contains(p.level()))
                .toList();
        List<String> codes = filter.procedureCode() == null && filter.sector() == null ? null
                : catalogue.procedures().stream()
                .filter(p -> filter.procedureCode() == null || p.code().equals(filter.procedureCode()))
                .filter(p -> filter.sector() == null || p.sector() == filter.sector())
                .map(Procedure::code).toList();
        return new Procedures(inScope, codes);
    }

    /** [the period's first instant, the as-of instant]. */
    Instant[] bounds(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant now = clock.instant();
        Instant asOf = end.isAfter(now) ? now : end;
        if (asOf.isBefore(start)) asOf = start;
        return new Instant[] {start, asOf};
    }

    private Selection selection(Scope scope, ReportFilter filter, Instant[] bounds, Procedures procedures) {
        return new Selection(bounds[0], bounds[1], scope.treePath(), filter.level() == null ? null : filter.level().name(),
                procedures.codes());
    }

    /** The groups with the result type of each procedure applied (4.1, 4.2). */
    private List<IndicatorQueries.Group> groups(Scope scope, ReportFilter filter, Instant[] bounds, Procedures procedures) {
        return queries.groups(selection(scope, filter, bounds, procedures)).stream()
                .map(g -> new IndicatorQueries.Group(g.unitId(), g.procedureCode(),
                        g.figures().withElectronicResult(electronic(g.procedureCode()), g.returned()),
                        g.returned()))
                .toList();
    }

    private boolean electronic(String procedureCode) {
        return catalogue.procedure(procedureCode).map(p -> p.resultType() == Procedure.ResultType.ELECTRONIC
                || p.resultType() == Procedure.ResultType.PAPER_AND_ELECTRONIC).orElse(false);
    }

    private static Figures sum(List<IndicatorQueries.Group> groups, Predicate<IndicatorQueries.Group> which) {
        Figures f = Figures.NONE;
        for (var g : groups) if (which.test(g)) f = f.plus(g.figures());
        return f;
    }

    // --- indicators

    /**
     * The numerator and denominator of each measure MotCua computes; digitisation is absent without the attachment
     * table.
     */
    private Map<ScoringMeasure, long[]> measures(Figures f, List<IndicatorQueries.Group> groups, List<Procedure> inScope,
                                                 boolean attachments) {
        Map<ScoringMeasure, long[]> m = new java.util.EnumMap<>(ScoringMeasure.class);
        m.put(ScoringMeasure.PUBLISHED_COMPLETE, new long[] {inScope.stream().filter(IndicatorService::published).count(), inScope.size()});
        m.put(ScoringMeasure.AVAILABLE_ONLINE, new long[] {inScope.stream().filter(p -> p.onlineLevel() != null).count(), inScope.size()});
        m.put(ScoringMeasure.ON_TIME, new long[] {f.onTime(), f.dossiers()});
        long fullyOnline = 0, eligible = 0, electronic = 0, documents = 0;
        Set<String> paidOnline = new java.util.HashSet<>();
        for (var g : groups) {
            Procedure p = catalogue.procedure(g.procedureCode()).orElse(null);
            if (p == null) continue;
            if (g.figures().paidOnline() > 0) paidOnline.add(p.code());
            if (p.onlineLevel() == OnlineLevel.FULL) {
                eligible += g.figures().dossiers();
                fullyOnline += processedFullyOnline(p, g);
            }
            if (p.result() != null) {
                documents += g.figures().returned();
                electronic += g.figures().returnedElectronic();
            }
        }
        m.put(ScoringMeasure.ONLINE_SERVICES, new long[] {fullyOnline, eligible});
        m.put(ScoringMeasure.ONLINE_PAYMENT, new long[] {f.paidOnline(), f.feeDue()});
        List<Procedure> withFee = inScope.stream().filter(p -> p.fee() != null && p.fee().signum() > 0).toList();
        m.put(ScoringMeasure.FEE_PROCEDURES_PAID_ONLINE,
                new long[] {withFee.stream().filter(p -> paidOnline.contains(p.code())).count(), withFee.size()});
        m.put(ScoringMeasure.ELECTRONIC_RESULTS, new long[] {electronic, documents});
        if (attachments) m.put(ScoringMeasure.DIGITISATION, new long[] {f.digitised(), f.dossiers()});
        m.put(ScoringMeasure.SATISFACTION, new long[] {Scoring.satisfied(f.dossiers(), f.late(), f.negative()), f.dossiers()});
        return m;
    }

    /**
     * The dossiers of a group of a procedure offered fully online that count as processed fully online (DVC.1): its
     * online dossiers, except that, where the procedure's result is a document issued on paper only, an online dossier
     * counts only when MotCua issued its result electronically, signed with the unit's key.
     */
    static long processedFullyOnline(Procedure p, IndicatorQueries.Group g) {
        if (p.onlineLevel() != OnlineLevel.FULL) return 0;
        boolean paperOnly = p.result() != null && p.resultType() == Procedure.ResultType.PAPER;
        return paperOnly ? g.returned().onlineIssued() : g.figures().online();
    }

    /**
     * Whether a procedure's published record is complete (CK.3): the parts of a procedure (Decree 63/2010/NĐ-CP,
     * Article 8(2)) the national formula sheet checks, as far as a procedure's record in MotCua can lack them: name,
     * steps (its process), dossier components (each named), time limit. The manner and the agency are given by MotCua's
     * model for every procedure (received at the desk of the units of its level, online as its online level says); the
     * sheet does not check forms, results or fees; the applicants (đối tượng thực hiện) and the number of copies are
     * not kept by MotCua.
     */
    static boolean published(Procedure p) {
        return p.name() != null && !blank(p.name().vi()) && p.processKey() != null && !p.components().isEmpty()
                && p.components().stream().allMatch(c -> c.name() != null && !blank(c.name().vi()))
                && p.processingTime() != null;
    }

    private static ScoreLine line(ScoringTable.Rule r, Map<ScoringMeasure, long[]> measures, Messages messages) {
        long[] m = r.measure() == null ? null : measures.get(r.measure());
        boolean computed = r.measure() != null;
        String reason = r.reasonVi();
        String reasonEn = r.reasonEn();
        if (computed && m == null) {
            reason = messages.get(Messages.VIETNAMESE, "monitoring.score.noAttachmentTable");
            reasonEn = messages.get(Locale.ENGLISH, "monitoring.score.noAttachmentTable");
        }
        BigDecimal rate = m == null ? null : Scoring.rate(m[0], m[1]);
        BigDecimal points = Scoring.points(rate, r.target(), r.maxPoints());
        if (m != null && m[1] == 0 && r.fullWhenEmpty()) {
            points = r.maxPoints().setScale(2, RoundingMode.HALF_UP);
            reason = messages.get(Messages.VIETNAMESE, "monitoring.score.fullWhenEmpty");
            reasonEn = messages.get(Locale.ENGLISH, "monitoring.score.fullWhenEmpty");
        }
        return new ScoreLine(r.code(), r.group(), r.nameVi(), r.nameEn(), r.formulaVi(), r.formulaEn(),
                r.measure() == null ? null : r.measure().name(), computed,
                m == null ? null : BigDecimal.valueOf(m[0]), m == null ? null : BigDecimal.valueOf(m[1]), rate, r.target(),
                points, r.maxPoints(), reason, reasonEn, r.source());
    }

    private List<Indicator> indicators(Figures f, Map<ScoringMeasure, long[]> m, List<ScoringTable.Rule> rules,
                                       boolean attachments) {
        List<Indicator> list = new ArrayList<>();
        list.add(scored(IndicatorCode.ON_TIME, m.get(ScoringMeasure.ON_TIME), rule(rules, ScoringMeasure.ON_TIME), null));
        BigDecimal days = Scoring.days(f.workingSeconds());
        list.add(new Indicator(IndicatorCode.AVERAGE_TIME.code(), IndicatorCode.AVERAGE_TIME.nameVi(), days,
                BigDecimal.valueOf(f.processed()), Scoring.averageDays(f.workingSeconds(), f.processed()), WORKING_DAYS,
                null, null, null, "Thời gian xử lý (ngày làm việc, 8 giờ/ngày, không tính thời gian tạm dừng) của các hồ sơ "
                + "xử lý xong trong kỳ; chỉ để theo dõi, không chấm điểm."));
        list.add(scored(IndicatorCode.ONLINE_PROCEDURES, m.get(ScoringMeasure.AVAILABLE_ONLINE),
                rule(rules, ScoringMeasure.AVAILABLE_ONLINE), "Đếm theo thủ tục hành chính trong phạm vi báo cáo, không theo hồ sơ."));
        list.add(scored(IndicatorCode.ONLINE_SUBMISSION, new long[] {f.online(), f.dossiers()}, null,
                "Không chấm điểm riêng: hồ sơ trực tuyến được chấm chung trong nhóm dịch vụ công trực tuyến (hồ sơ xử lý "
                        + "trực tuyến toàn trình)."));
        list.add(scored(IndicatorCode.ONLINE_PAYMENT, m.get(ScoringMeasure.ONLINE_PAYMENT), rule(rules, ScoringMeasure.ONLINE_PAYMENT), null));
        list.add(scored(IndicatorCode.ELECTRONIC_RESULTS, m.get(ScoringMeasure.ELECTRONIC_RESULTS),
                rule(rules, ScoringMeasure.ELECTRONIC_RESULTS), "Mẫu số: hồ sơ đã trả kết quả của các thủ tục có kết quả là giấy tờ."));
        if (attachments) {
            list.add(scored(IndicatorCode.DIGITISATION, m.get(ScoringMeasure.DIGITISATION), rule(rules, ScoringMeasure.DIGITISATION), null));
        } else {
            var r = rule(rules, ScoringMeasure.DIGITISATION);
            list.add(new Indicator(IndicatorCode.DIGITISATION.code(), IndicatorCode.DIGITISATION.nameVi(), null, null, null,
                    "%", r == null ? null : r.target(), null, r == null ? null : r.maxPoints(),
                    "Chưa có bảng tệp đính kèm (attachment): chưa tính được tỷ lệ số hóa (N/A)."));
        }
        list.add(scored(IndicatorCode.SATISFACTION, m.get(ScoringMeasure.SATISFACTION), rule(rules, ScoringMeasure.SATISFACTION),
                "100 % − (tỷ lệ trễ hạn " + percentVi(Scoring.rate(f.late(), f.dossiers()))
                        + " + tỷ lệ phản ánh, đánh giá không hài lòng " + percentVi(Scoring.rate(f.negative(), f.dossiers()))
                        + "); " + Formats.number(f.rated(), Formats.VIETNAMESE) + " hồ sơ được đánh giá."));
        return list;
    }

    /** The first rule of the table that scores this measure; null when none does. */
    private static ScoringTable.Rule rule(List<ScoringTable.Rule> rules, ScoringMeasure measure) {
        return rules.stream().filter(r -> r.measure() == measure).findFirst().orElse(null);
    }

    /** A rate in the notes, which are Vietnamese: 26,67 %. */
    private static String percentVi(BigDecimal rate) { return Formats.percent(rate, Formats.VIETNAMESE); }

    /**
     * An indicator scored by the table's rule (not scored: points and maximum null, and the target too without a rule;
     * a rule of 0 points gives the target it is followed against).
     */
    private static Indicator scored(IndicatorCode code, long[] m, ScoringTable.Rule rule, String note) {
        BigDecimal rate = Scoring.rate(m[0], m[1]);
        BigDecimal target = rule == null ? null : rule.target();
        BigDecimal max = rule == null || rule.maxPoints().signum() == 0 ? null : rule.maxPoints();
        return new Indicator(code.code(), code.nameVi(), BigDecimal.valueOf(m[0]), BigDecimal.valueOf(m[1]),
                rate, "%", target, Scoring.points(rate, target, max), max, note);
    }

    // --- breakdowns

    private List<IndicatorReport.Row> unitRows(Scope scope, List<IndicatorQueries.Group> groups, Map<Long, Unit> units) {
        Unit base = scope.unit();
        if (base == null) {
            var roots = units.values().stream().filter(u -> u.parentId() == null).toList();
            if (roots.size() == 1) base = roots.get(0);
        }
        List<Unit> children = new ArrayList<>();
        Long baseId = base == null ? null : base.id();
        for (Unit u : units.values()) {
            if (baseId == null ? u.parentId() == null : baseId.equals(u.parentId())) children.add(u);
        }
        List<IndicatorReport.Row> rows = new ArrayList<>();
        if (base != null) {
            Unit own = base;
            Figures f = sum(groups, g -> g.unitId() == own.id());
            if (f.dossiers() > 0) rows.add(row(own.identifier(), own.name(), own.level().name(), null, f));
        }
        for (Unit child : children) {
            Figures f = sum(groups, g -> {
                Unit u = units.get(g.unitId());
                return u != null && u.treePath().startsWith(child.treePath());
            });
            if (f.dossiers() > 0) rows.add(row(child.identifier(), child.name(), child.level().name(), null, f));
        }
        rows.sort(BEST_FIRST);
        return rows;
    }

    /** Every commune-level unit in scope with dossiers, each with the units below it, best first. */
    private List<IndicatorReport.Row> communeRows(Scope scope, List<IndicatorQueries.Group> groups, Map<Long, Unit> units) {
        Map<Long, Figures> byUnit = new LinkedHashMap<>();
        for (var g : groups) byUnit.merge(g.unitId(), g.figures(), Figures::plus);
        List<IndicatorReport.Row> rows = new ArrayList<>();
        for (Unit commune : units.values()) {
            if (commune.level() != UnitLevel.COMMUNE) continue;
            if (scope.treePath() != null && !commune.treePath().startsWith(scope.treePath())) continue;
            Figures f = Figures.NONE;
            for (var e : byUnit.entrySet()) {
                Unit u = units.get(e.getKey());
                if (u != null && u.treePath().startsWith(commune.treePath())) f = f.plus(e.getValue());
            }
            if (f.dossiers() > 0) rows.add(row(commune.identifier(), commune.name(), commune.level().name(), null, f));
        }
        rows.sort(BEST_FIRST);
        return rows;
    }

    private List<IndicatorReport.Row> procedureRows(List<IndicatorQueries.Group> groups) {
        Map<String, Figures> byProcedure = new LinkedHashMap<>();
        for (var g : groups) byProcedure.merge(g.procedureCode(), g.figures(), Figures::plus);
        List<IndicatorReport.Row> rows = new ArrayList<>();
        byProcedure.forEach((code, f) -> {
            var p = catalogue.procedure(code).orElse(null);
            Integer statutory = p != null && p.processingTime().unit() == ProcessingTime.Unit.WORKING_DAYS
                    ? p.processingTime().amount() : null;
            rows.add(row(code, p == null ? code : p.name().vi(), p == null ? null : p.level().name(), statutory, f));
        });
        rows.sort(BEST_FIRST);
        return rows;
    }

    private static final Comparator<IndicatorReport.Row> BEST_FIRST = Comparator
            .comparing(IndicatorReport.Row::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IndicatorReport.Row::dossiers, Comparator.reverseOrder())
            .thenComparing(IndicatorReport.Row::key);

    private static IndicatorReport.Row row(String key, String name, String level, Integer statutory, Figures f) {
        return new IndicatorReport.Row(key, name, level, statutory, f.dossiers(), f.late(), f.processed(),
                Scoring.rate(f.onTime(), f.dossiers()), Scoring.averageDays(f.workingSeconds(), f.processed()),
                Scoring.rate(f.online(), f.dossiers()),
                Scoring.rate(Scoring.satisfied(f.dossiers(), f.late(), f.negative()), f.dossiers()));
    }

    // --- helpers

    private String procedureName(String code) {
        return catalogue.procedure(code).map(p -> p.name().vi()).orElse(code);
    }

    private static String levelVi(UnitLevel level) {
        return switch (level) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            case COMMUNE -> "cấp xã";
        };
    }

    private LocalDate date(String field, String value) {
        if (blank(value)) throw new InvalidInputException(field, messages.get("error.field.required"));
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, messages.get("monitoring.filter.date", field));
        }
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, messages.get("error.field.oneOf", field,
                    java.util.Arrays.toString(type.getEnumConstants())));
        }
    }
}
