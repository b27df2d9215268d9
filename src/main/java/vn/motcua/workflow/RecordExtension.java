package vn.motcua.workflow;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;

/** The leader decided the dossier will be late: record the apology and the new date (form 04). */
@Component(DossierProcess.BEAN_RECORD_EXTENSION)
class RecordExtension implements JavaDelegate {
    private final DossierService dossiers;
    private final WorkingCalendar calendar;
    private final CurrentUser currentUser;

    RecordExtension(DossierService dossiers, WorkingCalendar calendar, CurrentUser currentUser) {
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        LocalDate day = LocalDate.parse(String.valueOf(execution.getVariable(DossierProcess.VAR_NEW_DUE_DATE)));
        String unit = String.valueOf(execution.getVariable(DossierProcess.VAR_UNIT));
        // The new appointment is the end of that day's working hours in the unit
        var hours = calendar.workingHours(unit);
        var newDue = day.atTime(hours.dayEnd())
                .atZone(WorkingCalendar.ZONE).toInstant();
        String reason = String.valueOf(execution.getVariable(DossierProcess.VAR_APOLOGY_REASON));
        String actor = currentUser.get().map(u -> u.username()).orElse(SystemAccess.USERNAME);
        SystemAccess.run(() -> dossiers.extend(code, newDue, reason, actor));
    }
}
