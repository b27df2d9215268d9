package vn.motcua.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;

/**
 * The lifecycle's timers, from the dossier's due date: the nearly-due warning at three quarters of the working time
 * between receipt and due date, the overdue escalation at the due date. Clock stops move both (see
 * {@link LifecycleCorrelation}).
 */
@Component(DossierProcess.BEAN_DOSSIER_DEADLINES)
public class DossierDeadlines {
    private final Clock clock;
    private final DossierService dossiers;
    private final WorkingCalendar calendar;

    DossierDeadlines(DossierService dossiers, WorkingCalendar calendar, Clock clock) {
        this.clock = clock;
        this.dossiers = dossiers;
        this.calendar = calendar;
    }

    public Date dueAt(DelegateExecution execution) {
        return Date.from(due(execution));
    }

    public Date warningAt(DelegateExecution execution) {
        var dossier = SystemAccess.call(() -> dossiers.get(execution.getProcessBusinessKey()));
        Instant start = dossier.acceptedAt() != null ? dossier.acceptedAt() : dossier.receivedAt();
        Instant due = due(execution);
        Duration total = calendar.workingTimeBetween(start, due, dossier.unitIdentifier());
        if (total.isNegative() || total.isZero()) return Date.from(due);
        return Date.from(calendar.addWorkingTime(start, total.multipliedBy(3).dividedBy(4), dossier.unitIdentifier()));
    }

    private Instant due(DelegateExecution execution) {
        var dossier = SystemAccess.call(() -> dossiers.get(execution.getProcessBusinessKey()));
        return dossier.dueAt() != null ? dossier.dueAt() : clock.instant();
    }
}
