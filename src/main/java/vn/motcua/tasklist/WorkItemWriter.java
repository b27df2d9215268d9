package vn.motcua.tasklist;

import java.util.Comparator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents.DossierStatusChanged;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStep;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TextSearch;

/**
 * Writes the read model's rows: the engine's facts about a step plus what lists show and filter on from its dossier
 * (applicant, receipt, channel, status, whether its clock is stopped) and who did the step before when the dossier
 * came back to it.
 */
@Component
class WorkItemWriter {
    private final WorkItems items;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;

    WorkItemWriter(WorkItems items, DossierService dossiers, ProcedureCatalogue catalogue) {
        this.items = items;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
    }

    void write(WorkItemFacts facts) {
        var existing = items.dossierSide(facts.taskId());
        WorkItems.DossierSide side = existing.orElseGet(() -> dossierSide(facts));
        items.upsert(facts, unitOf(facts.candidateGroup()), side);
    }

    void remove(String taskId) { items.delete(taskId); }

    /** The dossier's clock stopped or runs again, or its status changed: its open steps follow. */
    @EventListener
    void on(DossierStatusChanged event) {
        items.dossierStatus(event.code(), event.to().code(), Dossier.clockStopped(event.to()));
    }

    /** Dossiers moved to a successor unit (a merge): their open steps go to the successor's groups. */
    @EventListener
    void on(vn.motcua.dossier.DossiersMoved moved) {
        for (String code : moved.codes()) items.moveToUnit(code, moved.fromUnit(), moved.toUnit());
    }

    private WorkItems.DossierSide dossierSide(WorkItemFacts facts) {
        Dossier dossier = null;
        if (facts.dossierCode() != null) {
            try {
                dossier = SystemAccess.call(() -> dossiers.get(facts.dossierCode()));
            } catch (NotFoundException e) {
                dossier = null;
            }
        }
        String procedureCode = dossier != null ? dossier.procedureCode()
                : catalogue.procedures().stream().filter(p -> p.processKey().equals(facts.processKey()))
                        .map(p -> p.code()).findFirst().orElse(null);
        String procedureName = procedureCode == null ? "" : catalogue.procedure(procedureCode)
                .map(p -> p.name().vi() + " " + p.name().en()).orElse("");
        String returnedTo = null;
        if (dossier != null) {
            returnedTo = SystemAccess.call(() -> dossiers.steps(facts.dossierCode())).stream()
                    .filter(s -> s.stepKey().equals(facts.stepKey()))
                    .max(Comparator.comparing(DossierStep::completedAt)).map(DossierStep::actor).orElse(null);
        }
        String applicant = dossier == null ? null : dossier.applicant().fullName();
        String search = TextSearch.fold(String.join(" ", nz(facts.dossierCode()), nz(applicant), procedureName,
                nz(facts.name()), nz(procedureCode)));
        if (search.length() > 2000) search = search.substring(0, 2000);
        return new WorkItems.DossierSide(procedureCode, returnedTo,
                dossier != null && Dossier.clockStopped(dossier.status()),
                dossier == null ? null : dossier.status().code(), applicant,
                dossier == null ? null : dossier.receivedAt(),
                dossier == null ? null : dossier.channel().name(), search);
    }

    /** The unit of a group "ROLE_identifier". */
    static String unitOf(String group) {
        if (group == null) return null;
        int at = group.indexOf('_');
        return at < 0 ? null : group.substring(at + 1);
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
