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
        catalogue.form(procedure.intakeForm()).ifPresent(form -> form.allComponents().stream()
                .filter(c -> c.key() != null && "true".equalsIgnoreCase(c.properties().get("processVariable")))
                .filter(c -> dossier.formData().get(c.key()) != null)
                .forEach(c -> variables.put(c.key(), processValue(dossier.formData().get(c.key())))));
        variables.put(DossierProcess.VAR_UNIT, event.unitIdentifier());
        variables.put(DossierProcess.VAR_PROCEDURE_PROCESS, procedure.processKey());
        var instance = runtime.startProcessInstanceByKey(DossierProcess.LIFECYCLE, event.code(), variables);
        SystemAccess.run(() -> dossiers.attachProcess(event.code(), instance.getId()));
    }

    /** Numbers reach DMN and expressions as numbers; lists and maps stay out of the process (only flags belong there). */
    private static Object processValue(Object value) {
        if (value instanceof java.math.BigDecimal d) return d.scale() <= 0 && d.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) d.longValue() : d.doubleValue();
        if (value instanceof String || value instanceof Boolean || value instanceof Number) return value;
        return String.valueOf(value);
    }
}
