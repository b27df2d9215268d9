package vn.motcua.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.DossierImport;
import vn.motcua.dossier.ImportedDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;

/**
 * Demo history: dossiers received over the past months at the units of each procedure's level, lived through the
 * one-stop rules ({@code HistorySimulator}: acceptance of online submissions, due dates from
 * {@link WorkingCalendar#dueAt}, clock stops moving them, late, early, supplemented once or twice, withdrawn, refused,
 * stopped, paid online or not, rated) and written through the dossier module's import ({@link DossierImport}, in
 * batches of {@value #BATCH}), which chains their audit trails with the module's own audit trail (actor
 * {@value DossierPlan#ACTOR}); their codes are in the national format, unique per unit and day and counted on from the
 * unit's counter of that day. A few hundred of the dossiers are run for real through their procedure's process on the
 * engine with its clock set to their past ({@code EngineHistory}), so that the bottleneck view has true step history.
 * The online share grows over the months; the more recent dossiers are still open, some of them overdue. Nothing is
 * written for the attachments (their content would be missing from the content store). Deterministic for a seed.
 *
 * <p>Only with the {@code demo} profile: without it no such bean exists, whatever the settings say, so that no
 * production database ever receives made-up dossiers.
 */
@Service
@Profile("demo")
public class HistoryGenerator {
    private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);
    private static final int BATCH = 1000;
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /**
     * What to generate.
     *
     * @param dossiers         how many dossiers
     * @param engineInstances  how many of them to run on the engine (at most; finished, older than 30 days, in person)
     * @param months           over how many months before today
     * @param unitIdentifiers  the units to receive them (null: every active unit at each procedure's level)
     * @param seed             the random seed
     */
    public record Options(int dossiers, int engineInstances, int months, List<String> unitIdentifiers, long seed) {
        /** {@code dossiers} over 18 months at every unit, with up to {@code engineInstances} run on the engine. */
        public static Options of(int dossiers, int engineInstances) {
            return new Options(dossiers, engineInstances, 18, null, 766L);
        }
    }

    /** What was written. */
    public record Result(int dossiers, int events, int ratings, int engineInstances, Duration took) { }

    private final OrganisationService organisation;
    private final ProcedureCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final DossierImport imports;
    private final EngineHistory engine;
    private final Clock clock;

    HistoryGenerator(OrganisationService organisation, ProcedureCatalogue catalogue, WorkingCalendar calendar,
                     DossierImport imports, EngineHistory engine, Clock clock) {
        this.organisation = organisation;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.imports = imports;
        this.engine = engine;
        this.clock = clock;
    }

    /** How many dossiers the database holds (the demo history is generated only into an empty one at start). */
    @PreAuthorize("hasRole('SYSTEM')")
    public long dossierCount() { return imports.dossierCount(); }

    /**
     * Generates and writes the history, in transactions of {@value #BATCH} dossiers. The system's alone (it imports).
     *
     * @throws IllegalStateException when no procedure has a unit at its level
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Result generate(Options options) {
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        LocalDate first = today.minusMonths(Math.max(1, options.months()));
        var simulator = new HistorySimulator(calendar);
        var rnd = new SplittableRandom(options.seed());

        // Slots: (procedure, unit, day), weighted; busier city wards, fewer dossiers at the weekend (online only)
        List<Procedure> procedures = catalogue.procedures();
        // the units that receive dossiers of their own: not a central vertical agency (its steps come from others'
        // dossiers) nor the public service centre (it receives for the departments)
        List<Unit> units = organisation.units().stream().filter(Unit::active)
                .filter(u -> u.kind() == null || !(u.kind().central() || u.kind() == UnitKind.SERVICE_CENTRE
                        || u.kind() == UnitKind.SERVICE_CENTRE_BRANCH))
                .filter(u -> options.unitIdentifiers() == null || options.unitIdentifiers().contains(u.identifier())).toList();
        record Target(Procedure procedure, Unit unit, double weight) { }
        List<Target> targets = new ArrayList<>();
        for (Procedure p : procedures) {
            for (Unit u : units) {
                if (u.level() == p.level()) targets.add(new Target(p, u, 0.5 + Math.floorMod(u.identifier().hashCode(), 100) / 100.0));
            }
        }
        if (targets.isEmpty()) throw new IllegalStateException("no unit at the level of any procedure");
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        double[] dayWeight = new double[days.size()];
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            dayWeight[i] = WEEKEND.contains(day.getDayOfWeek()) || !calendar.isWorkingDay(day) ? 0.08 : 1.0;
        }
        int slots = targets.size() * days.size();
        double[] cumulative = new double[slots];
        double total = 0;
        for (int d = 0; d < days.size(); d++) {
            for (int t = 0; t < targets.size(); t++) {
                total += dayWeight[d] * targets.get(t).weight();
                cumulative[d * targets.size() + t] = total;
            }
        }
        int[] counts = new int[slots];
        for (int i = 0; i < options.dossiers(); i++) {
            int slot = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
            counts[slot < 0 ? -slot - 1 : slot]++;
        }

        var existing = imports.codeCounters(first, today);
        Map<Long, Map<LocalDate, Integer>> used = new HashMap<>();
        int engineBudget = Math.max(0, options.engineInstances());
        double engineChance = options.dossiers() == 0 ? 0 : Math.min(1, 4.0 * engineBudget / options.dossiers());
        List<DossierPlan> batch = new ArrayList<>(BATCH);
        List<DossierPlan> engineBatch = new ArrayList<>();
        Map<String, Procedure> procedureOf = new HashMap<>();
        int written = 0;
        int events = 0;
        int ratings = 0;
        int engineRuns = 0;
        Instant engineCutoff = now.minus(30, ChronoUnit.DAYS);
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            double progress = (double) d / Math.max(1, days.size() - 1);
            for (int t = 0; t < targets.size(); t++) {
                int n = counts[d * targets.size() + t];
                if (n == 0) continue;
                Target target = targets.get(t);
                Unit unit = target.unit();
                List<Instant> times = new ArrayList<>(n);
                boolean workingDay = dayWeight[d] >= 1;
                for (int i = 0; i < n; i++) times.add(receiptTime(rnd, day, workingDay));
                times.sort(null);
                var unitCounters = used.computeIfAbsent(unit.id(), k -> new HashMap<>());
                int sequence = unitCounters.getOrDefault(day, existing.getOrDefault(unit.id(), Map.of()).getOrDefault(day, 0));
                double onlineShare = Math.min(0.9, switch (target.procedure().level()) {
                    case PROVINCE -> 0.45;
                    case DISTRICT -> 0.35;
                    case COMMUNE -> 0.2;
                } + 0.45 * progress);
                for (Instant received : times) {
                    // today's receipts planned after this moment happen now: the count asked for is the count made
                    if (received.isAfter(now)) received = now;
                    String code = DossierCode.of(unit.identifier(), day, ++sequence);
                    DossierPlan plan = simulator.simulate(rnd, target.procedure(), unit.id(), unit.identifier(), code,
                            received, workingDay ? onlineShare : 1.0, now);
                    procedureOf.put(code, target.procedure());
                    if (engineBatch.size() < engineBudget && plan.plain() && plan.status() == 10
                            && plan.receivedAt().isBefore(engineCutoff) && rnd.nextDouble() < engineChance) {
                        plan.runOnEngine();
                        engineBatch.add(plan);
                    }
                    batch.add(plan);
                    if (batch.size() == BATCH) {
                        int[] w = flush(batch);
                        written += batch.size();
                        events += w[0];
                        ratings += w[1];
                        batch.clear();
                        if (written % 100_000 == 0) log.info("Demo history: {} dossiers written", written);
                    }
                }
                unitCounters.put(day, sequence);
            }
        }
        int[] w = flush(batch);
        written += batch.size();
        events += w[0];
        ratings += w[1];

        // Real engine history: the selected dossiers were written as received (2); run them, then replace their history
        List<DossierPlan> rewritten = new ArrayList<>();
        for (DossierPlan plan : engineBatch) {
            Procedure procedure = procedureOf.get(plan.code());
            // On failure the plan keeps the life the simulator gave it, and is written so
            if (engine.run(plan, procedure.processKey(), rnd, allowedHours(procedure), now)) {
                engineRuns++;
                simulator.reRate(plan, rnd, now);
            }
            if (plan.rated()) ratings++;
            rewritten.add(plan);
            if (rewritten.size() == 200) {
                events += imports.replaceHistory(rewritten.stream().map(DossierPlan::imported).toList());
                rewritten.clear();
            }
        }
        if (!rewritten.isEmpty()) events += imports.replaceHistory(rewritten.stream().map(DossierPlan::imported).toList());
        var result = new Result(written, events, ratings, engineRuns, Duration.ofNanos(System.nanoTime() - started));
        log.info("Demo history: {} dossiers, {} audit records, {} ratings, {} run on the engine, in {} s", result.dossiers(),
                result.events(), result.ratings(), result.engineInstances(), result.took().toSeconds());
        return result;
    }

    /**
     * Writes a batch in one transaction (the import's); answers the audit records and ratings of the dossiers written
     * as planned (those to be run on the engine are counted when their history is replaced).
     */
    private int[] flush(List<DossierPlan> batch) {
        if (batch.isEmpty()) return new int[] {0, 0};
        List<ImportedDossier> dossiers = batch.stream().map(p -> p.engine() ? p.asReceived() : p.imported()).toList();
        imports.importDossiers(dossiers);
        int events = batch.stream().filter(p -> !p.engine()).mapToInt(p -> p.events.size()).sum();
        int ratings = (int) batch.stream().filter(p -> !p.engine() && p.rated()).count();
        return new int[] {events, ratings};
    }

    private static double allowedHours(Procedure p) {
        ProcessingTime time = p.processingTime();
        return switch (time.unit()) {
            case WORKING_DAYS -> Math.max(1, time.amount()) * 8.0;
            case WORKING_HOURS -> Math.max(1, time.amount());
            case CALENDAR_DAYS -> Math.max(1, time.amount()) * 8.0 * 5 / 7;
        };
    }

    /** A receipt instant on that day: inside working hours on a working day, any time (online) on other days. */
    private static Instant receiptTime(SplittableRandom rnd, LocalDate day, boolean workingDay) {
        LocalTime time;
        if (workingDay) {
            int minute = rnd.nextInt(8 * 60);
            time = minute < 240 ? LocalTime.of(7, 0).plusMinutes(minute) : LocalTime.of(13, 0).plusMinutes(minute - 240);
        } else {
            time = LocalTime.of(6, 0).plusMinutes(rnd.nextInt(16 * 60));
        }
        return LocalDateTime.of(day, time).plusSeconds(rnd.nextInt(60)).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
