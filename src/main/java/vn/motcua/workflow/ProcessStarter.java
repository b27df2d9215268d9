package vn.motcua.workflow;


import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierEvents.DossierReceived;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;

/**
 * Starts the dossier's lifecycle, which calls the procedure's process, when a dossier is received, in the receiving transaction: a dossier never exists
 * without its process, nor a process without its dossier.
 */
@Component
class ProcessStarter {
    private final RuntimeService runtime;
    private final ProcedureCatalogue catalogue;
    private final DossierService dossiers;

    ProcessStarter(RuntimeService runtime, ProcedureCatalogue catalogue, DossierService dossiers) {
        this.runtime = runtime;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
    }

    @EventListener
    void on(DossierReceived event) {
        var procedure = catalogue.procedure(event.procedureCode()).orElseThrow();
        var variables = new java.util.HashMap<String, Object>();
        // Intake fields the designer marked as routing data (processVariable=true) feed the models' decisions
        var dossier = SystemAccess.call(() -> dossiers.get(event.code()));
        catalogue.form(procedure.intakeForm()).ifPresent(form -> variables.putAll(form.processVariables(dossier.formData())));
        variables.put(DossierProcess.VAR_UNIT, event.unitIdentifier());
        variables.put(DossierProcess.VAR_PROCEDURE_PROCESS, procedure.processKey());
        var instance = runtime.startProcessInstanceByKey(DossierProcess.LIFECYCLE, event.code(), variables);
        SystemAccess.run(() -> dossiers.attachProcess(event.code(), instance.getId()));
    }
}
