package vn.motcua.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.NotFoundException;

/**
 * The versions of the catalogue's processes, and moving running dossiers between them.
 *
 * <p>A new version applies to new dossiers: the dossier lifecycle calls the procedure's process with the default
 * binding (latest). Dossiers in progress finish on the version they started with, unless an administrator moves
 * them here with Camunda's migration API, steps mapped by equal ids.
 */
@Service
public class ProcessVersions {
    private static final Logger log = LoggerFactory.getLogger(ProcessVersions.class);

    private final ProcedureCatalogue catalogue;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessVersions(ProcedureCatalogue catalogue, RepositoryService repository, RuntimeService runtime) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.runtime = runtime;
    }

    /**
     * Every procedure's process, then the shared processes, each with its deployed versions (newest first) and the
     * number of instances running on each.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<VersionedProcess> processes() {
        Map<String, Instant> deployedAt = new HashMap<>();
        List<VersionedProcess> result = new ArrayList<>();
        for (Procedure procedure : catalogue.procedures()) {
            result.add(new VersionedProcess(procedure.processKey(), procedure.code(), procedure.name(),
                    versions(procedure.processKey(), deployedAt)));
        }
        for (String key : catalogue.sharedProcessKeys()) {
            result.add(new VersionedProcess(key, null, null, versions(key, deployedAt)));
        }
        return result;
    }

    /**
     * Moves every instance running on the source version to the target version, steps mapped by equal ids. Each
     * instance moves in its own transaction, so one that cannot move (it waits in a step the target lacks, say)
     * stays where it is and does not stop the others.
     *
     * @param sourceDefinitionId the process definition the instances run on
     * @param targetDefinitionId another version of the same process
     * @return what moved and what did not, and why
     * @throws NotFoundException     when either version does not exist
     * @throws BusinessRuleException when both are the same version, or versions of different processes
     */
    @PreAuthorize("hasRole('ADMIN')")
    // Not @Transactional on purpose: an engine failure inside a shared transaction would mark it rollback-only
    // and undo the instances that did move
    public MigrationReport migrate(String sourceDefinitionId, String targetDefinitionId) {
        ProcessDefinition source = definition(sourceDefinitionId);
        ProcessDefinition target = definition(targetDefinitionId);
        if (source.getId().equals(target.getId())) throw new BusinessRuleException("catalogue.versions.error.sameVersion");
        if (!source.getKey().equals(target.getKey())) {
            throw new BusinessRuleException("catalogue.versions.error.otherProcess", source.getKey(), target.getKey());
        }
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByBusinessKey().asc().list();
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            List<MigrationReport.Reason> problems = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f ->
                    problems.add(new MigrationReport.Reason(r.getMigrationInstruction().getSourceActivityId(), f))));
            e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures().forEach(f ->
                    problems.add(new MigrationReport.Reason(null, name + ": " + f))));
            if (problems.isEmpty()) problems.add(new MigrationReport.Reason(null, e.getMessage()));
            log.warn("Migration of {} v{} to v{} refused by the engine: {}", source.getKey(), source.getVersion(), target.getVersion(), problems);
            return new MigrationReport(source.getKey(), source.getVersion(), target.getVersion(), problems, List.of(), List.of());
        }
        List<MigrationReport.Instance> migrated = new ArrayList<>();
        List<MigrationReport.Failure> failures = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            var item = new MigrationReport.Instance(instance.getId(), instance.getBusinessKey());
            try {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                migrated.add(item);
            } catch (MigratingProcessInstanceValidationException e) {
                failures.add(new MigrationReport.Failure(item, reasons(e.getValidationReport(), e)));
            } catch (ProcessEngineException e) {
                failures.add(new MigrationReport.Failure(item, List.of(new MigrationReport.Reason(null, e.getMessage()))));
            }
        }
        log.info("Migrated {} v{} to v{}: {} moved {}, {} stayed {}", source.getKey(), source.getVersion(), target.getVersion(),
                migrated.size(), migrated.stream().map(MigrationReport.Instance::label).toList(),
                failures.size(), failures.stream().map(f -> f.instance().label()).toList());
        return new MigrationReport(source.getKey(), source.getVersion(), target.getVersion(), List.of(), migrated, failures);
    }

    private List<ProcessVersion> versions(String key, Map<String, Instant> deployedAt) {
        var definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        List<ProcessVersion> versions = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            var d = definitions.get(i);
            Instant at = deployedAt.computeIfAbsent(d.getDeploymentId(), id -> {
                var deployment = repository.createDeploymentQuery().deploymentId(id).singleResult();
                return deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant();
            });
            long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            versions.add(new ProcessVersion(d.getId(), d.getKey(), d.getVersion(), at, running, i == 0));
        }
        return versions;
    }

    private ProcessDefinition definition(String id) {
        var definition = id == null ? null : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) throw new NotFoundException("catalogue.versions.error.notFound", id);
        return definition;
    }

    private static List<MigrationReport.Reason> reasons(MigratingProcessInstanceValidationReport report, Exception e) {
        List<MigrationReport.Reason> reasons = new ArrayList<>();
        report.getFailures().forEach(f -> reasons.add(new MigrationReport.Reason(null, f)));
        report.getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(new MigrationReport.Reason(r.getSourceScopeId(), f))));
        report.getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(new MigrationReport.Reason(r.getSourceScopeId(), f))));
        if (reasons.isEmpty()) reasons.add(new MigrationReport.Reason(null, e.getMessage()));
        return reasons;
    }
}
