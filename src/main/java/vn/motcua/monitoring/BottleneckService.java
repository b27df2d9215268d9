package vn.motcua.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * Where the time goes in a procedure's process: for each step (user task) of its BPMN model, the average and the 90th
 * percentile of the working time its completed instances took, from the engine's history (every version of the
 * procedure's process definition), in the working-day calendar of the dossier's unit (the unit is the first part of
 * the business key, the dossier code). Steps completed in the period (by their end) count; only the unit reported on
 * and those below it, as for the indicators. The 90th percentile is the nearest-rank one. At most
 * {@value #MAX_STEPS} step instances are read, the most recent first; the report says when there were more.
 */
@Service
public class BottleneckService {
    /** At most this many completed step instances are read for one report. */
    public static final int MAX_STEPS = 50_000;
    private static final int CHUNK = 500;

    private final IndicatorService indicators;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final HistoryService history;
    private final RepositoryService repository;
    private final WorkingCalendar calendar;
    private final Messages messages;

    BottleneckService(IndicatorService indicators, ProcedureCatalogue catalogue, OrganisationService organisation,
                      HistoryService history, RepositoryService repository, WorkingCalendar calendar, Messages messages) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.history = history;
        this.repository = repository;
        this.calendar = calendar;
        this.messages = messages;
    }

    /**
     * The working time of one step.
     *
     * @param elementId    the BPMN id, e.g. {@code Task_ReviewDossier}
     * @param averageHours the average working time in hours, 2 decimals half up
     * @param p90Hours     the 90th percentile (nearest rank) in hours
     * @param heat         the average relative to the costliest step's: 1 for the costliest, 0 for none
     */
    public record StepTiming(String elementId, String name, long count, BigDecimal averageHours, BigDecimal p90Hours,
                             double heat) { }

    /** One unit's average working time per step (elementId → hours) and how many step instances it had. */
    public record UnitSteps(String unitIdentifier, String unitName, long count, Map<String, BigDecimal> averageHours) { }

    /**
     * The bottleneck report of a procedure.
     *
     * @param bpmnXml   the latest version of the procedure's process model, to draw the steps on
     * @param steps     the steps that had completed instances, costliest average first
     * @param costliest the costliest step's BPMN id, null when none
     * @param truncated true when more than {@link #MAX_STEPS} step instances matched (the most recent were read)
     * @param units     the same per unit, units with most step instances first
     */
    public record BottleneckReport(String procedureCode, String procedureName, String processKey, String bpmnXml,
                                   List<StepTiming> steps, String costliest, long stepInstances, boolean truncated,
                                   List<UnitSteps> units) {

        /** The heat of each step for {@code BpmnViewer.setHeat}. */
        public Map<String, Double> heat() {
            Map<String, Double> heat = new LinkedHashMap<>();
            steps.forEach(s -> heat.put(s.elementId(), s.heat()));
            return heat;
        }

        /** A badge per step: "TB 3,25 giờ · P90 7,5 giờ · 120 lượt" (average, 90th percentile, instances). */
        public Map<String, String> overlays() {
            Map<String, String> overlays = new LinkedHashMap<>();
            steps.forEach(s -> overlays.put(s.elementId(), "TB " + hours(s.averageHours()) + " · P90 "
                    + hours(s.p90Hours()) + " · " + vn.motcua.shared.Formats.number(s.count(), vn.motcua.shared.Formats.VIETNAMESE) + " lượt"));
            return overlays;
        }

        private static String hours(BigDecimal h) {
            return vn.motcua.shared.Formats.compact(h, vn.motcua.shared.Formats.VIETNAMESE) + " giờ";
        }
    }

    /**
     * The bottleneck report of the filter's procedure (required) for its period, unit and level.
     *
     * @throws InvalidInputException naming {@code procedure} when the filter has none
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public BottleneckReport bottlenecks(ReportFilter filter) {
        if (filter.procedureCode() == null) throw new InvalidInputException("procedure", messages.get("error.field.required"));
        Procedure procedure = catalogue.procedure(filter.procedureCode())
                .orElseThrow(() -> new InvalidInputException("procedure", messages.get("monitoring.filter.procedure")));
        IndicatorService.Scope scope = indicators.scope(filter);
        Instant[] bounds = indicators.bounds(filter.from(), filter.to());
        Map<String, Unit> unitsByIdentifier = new HashMap<>();
        for (Unit u : organisation.units()) {
            if ((scope.treePath() == null || u.treePath().startsWith(scope.treePath()))
                    && (filter.level() == null || u.level() == filter.level())) {
                unitsByIdentifier.put(u.identifier(), u);
            }
        }

        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(procedure.processKey()).finished()
                .finishedAfter(Date.from(bounds[0].minusMillis(1))).finishedBefore(Date.from(bounds[1]))
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, MAX_STEPS + 1);
        boolean truncated = tasks.size() > MAX_STEPS;
        if (truncated) tasks = tasks.subList(0, MAX_STEPS);
        Map<String, String> unitOfInstance = unitsOf(tasks);

        Map<String, List<Long>> secondsByStep = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Map<String, long[]>> byUnit = new TreeMap<>();
        long counted = 0;
        for (HistoricTaskInstance t : tasks) {
            if (!"completed".equals(t.getDeleteReason()) || t.getStartTime() == null || t.getEndTime() == null) continue;
            String unit = unitOfInstance.get(t.getProcessInstanceId());
            if (unit == null || !unitsByIdentifier.containsKey(unit)) continue;
            Duration working = calendar.workingTimeBetween(t.getStartTime().toInstant(), t.getEndTime().toInstant(), unit);
            long seconds = Math.max(0, working.getSeconds());
            secondsByStep.computeIfAbsent(t.getTaskDefinitionKey(), k -> new ArrayList<>()).add(seconds);
            names.putIfAbsent(t.getTaskDefinitionKey(), t.getName());
            long[] sum = byUnit.computeIfAbsent(unit, k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.getTaskDefinitionKey(), k -> new long[2]);
            sum[0] += seconds;
            sum[1]++;
            counted++;
        }

        List<StepTiming> steps = new ArrayList<>();
        double max = secondsByStep.values().stream().mapToDouble(BottleneckService::average).max().orElse(0);
        secondsByStep.forEach((id, values) -> {
            double avg = average(values);
            steps.add(new StepTiming(id, names.get(id), values.size(), hours(avg), hours(percentile90(values)),
                    max <= 0 ? 0 : avg / max));
        });
        steps.sort(Comparator.comparing(StepTiming::averageHours).reversed().thenComparing(StepTiming::elementId));
        String costliest = steps.isEmpty() || steps.get(0).averageHours().signum() == 0 ? null : steps.get(0).elementId();

        List<UnitSteps> units = new ArrayList<>();
        byUnit.forEach((identifier, perStep) -> {
            Map<String, BigDecimal> averages = new LinkedHashMap<>();
            long count = 0;
            for (var e : perStep.entrySet()) {
                averages.put(e.getKey(), hours((double) e.getValue()[0] / e.getValue()[1]));
                count += e.getValue()[1];
            }
            units.add(new UnitSteps(identifier, unitsByIdentifier.get(identifier).name(), count, averages));
        });
        units.sort(Comparator.comparing(UnitSteps::count).reversed().thenComparing(UnitSteps::unitIdentifier));
        return new BottleneckReport(procedure.code(), procedure.name().vi(), procedure.processKey(),
                model(procedure.processKey()), steps, costliest, counted, truncated, units);
    }

    /** process instance id → unit identifier, from the business keys (dossier codes) of the steps' instances. */
    private Map<String, String> unitsOf(List<HistoricTaskInstance> tasks) {
        Set<String> ids = new LinkedHashSet<>();
        tasks.forEach(t -> ids.add(t.getProcessInstanceId()));
        Map<String, String> result = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            var chunk = new LinkedHashSet<>(all.subList(i, Math.min(all.size(), i + CHUNK)));
            for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processInstanceIds(chunk).list()) {
                String key = p.getBusinessKey();
                int dash = key == null ? -1 : key.indexOf('-');
                if (dash > 0) result.put(p.getId(), key.substring(0, dash).toUpperCase(Locale.ROOT));
            }
        }
        return result;
    }

    private String model(String processKey) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (latest == null) return null;
        try (InputStream in = repository.getProcessModel(latest.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double average(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** The nearest-rank 90th percentile: the smallest value with at least 90 % of the values at or below it. */
    static long percentile90(List<Long> values) {
        if (values.isEmpty()) return 0;
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static BigDecimal hours(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}
